//! `panduan serve`: build into memory, serve on this computer, reload the browser after
//! every saved change, until Ctrl-C.

use std::process::{Command, ExitCode, Stdio};

use panduan::cli::ServeArgs;
use panduan::diagnostic::note_line;
use panduan::serve::{Event, ServeOptions};
use panduan::{BuildOptions, Result};

use super::console::{errln, outln};
use super::{project, report};

/// Serves, printing each event; warns when reachable from the network and opens the
/// browser with `--open` once listening; `stopped` at the end.
pub(crate) fn run(args: ServeArgs) -> Result<ExitCode> {
    let options = ServeOptions {
        build: BuildOptions {
            root: project::root(&args.root)?,
            drafts: args.drafts,
            ..Default::default()
        },
        bind: args.bind,
        port: args.port,
        watch: super::watch::method(args.poll),
        // Editing from other computers only when asked for (issue #27).
        edit: !args.no_edit && (args.bind.is_loopback() || args.edit),
    };
    let loopback = args.bind.is_loopback();
    let editing = options.edit;
    panduan::serve::serve(options, &mut |event| {
        if let Event::Listening { url, edit } = &event {
            if !loopback {
                errln!(
                    "{}",
                    note_line(panduan::t!(
                        "serve-not-loopback",
                        bind = args.bind.to_string()
                    ))
                );
                if editing {
                    errln!("{}", note_line(panduan::t!("serve-edit-open-to-network")));
                }
            }
            if args.open {
                // With the editor on, the address that carries the key: the tab can save.
                open_browser(edit.unwrap_or(url));
            }
        }
        report::event(&event, &|| None);
    })?;
    outln!("{}", panduan::t!("stopped"));
    Ok(ExitCode::SUCCESS)
}

/// Opens `url` in the default browser; a failure is only a note.
fn open_browser(url: &str) {
    let mut command = if cfg!(target_os = "windows") {
        let mut c = Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else if cfg!(target_os = "macos") {
        Command::new("open")
    } else {
        Command::new("xdg-open")
    };
    command
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    if let Err(e) = command.spawn() {
        errln!(
            "{}",
            note_line(panduan::t!(
                "serve-no-browser",
                detail = e.to_string(),
                url = url
            ))
        );
    }
}
