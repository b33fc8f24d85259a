//! `panduan build`: the handbook into its output folder, then one summary line (and the
//! time of each step with `--timings`).

use std::process::ExitCode;

use panduan::cli::BuildArgs;
use panduan::diagnostic::display_path;
use panduan::{BuildOptions, Result, config};

use super::{project, report};

/// Builds, prints the warnings on stderr and the summary on stdout.
pub(crate) fn run(args: BuildArgs) -> Result<ExitCode> {
    let options = options(&args)?;
    let built = panduan::build(&options)?;
    report::diagnostics(&built.warnings);
    if args.timings {
        for (name, took) in &built.phases {
            eprintln!("  {name:<9} {:>7.1} ms", took.as_secs_f64() * 1000.0);
        }
    }
    let per_lang: Vec<String> = built
        .pages
        .iter()
        .map(|(l, n)| format!("{l} {n}"))
        .collect();
    let total: usize = built.pages.iter().map(|(_, n)| n).sum();
    let warnings = built.warnings.len();
    println!(
        "built {total} pages ({}) into {}/ in {} ms: {} files, {} KiB, {warnings} warning{}",
        per_lang.join(", "),
        built.output_shown,
        built.elapsed.as_millis(),
        built.written.files,
        built.written.bytes.div_ceil(1024),
        report::plural(warnings),
    );
    if let Some(zip) = &args.zip {
        println!("wrote {}", display_path(zip));
    }
    Ok(ExitCode::SUCCESS)
}

/// What `build` (and `watch`, which takes the same options) asks of the library.
pub(crate) fn options(args: &BuildArgs) -> Result<BuildOptions> {
    Ok(BuildOptions {
        root: project::root(&args.root)?,
        overrides: config::Overrides {
            output: args.out.clone(),
            base_url: args.base_url.clone(),
        },
        drafts: args.drafts,
        zip: args.zip.clone(),
        ..Default::default()
    })
}
