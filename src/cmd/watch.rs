//! `panduan watch`: rebuild the output folder after every saved change, until Ctrl-C.

use std::process::ExitCode;

use panduan::Result;
use panduan::cli::WatchArgs;
use panduan::serve::WatchOptions;
use panduan::serve::watch::WatchMethod;

use super::console::outln;
use super::report;

/// Watches and rebuilds, printing each event; `stopped` at the end.
pub(crate) fn run(args: WatchArgs) -> Result<ExitCode> {
    let mut build = super::build::options(&args.build)?;
    // Rebuilds never wait for the PDFs: `panduan build` makes them.
    build.pdf = false;
    let after = || Some(super::build::after_failure(&build));
    let options = WatchOptions {
        build: build.clone(),
        watch: method(args.poll),
    };
    panduan::serve::watch(options, &mut |event| report::event(&event, &after))?;
    outln!("{}", panduan::t!("stopped"));
    Ok(ExitCode::SUCCESS)
}

/// `--poll` as the library takes it (`serve` has the same flag).
pub(crate) fn method(poll: bool) -> WatchMethod {
    if poll {
        WatchMethod::Poll
    } else {
        WatchMethod::Native
    }
}
