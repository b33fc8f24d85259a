//! `panduan build`: the handbook into its output folder, then one summary line (and the
//! time of each step with `--timings`).

use std::process::ExitCode;

use panduan::cli::BuildArgs;
use panduan::diagnostic::display_path;
use panduan::{BuildOptions, Error, Result, config, output};

use super::console::{errln, outln};
use super::{project, report};

/// Builds, prints the warnings on stderr and the summary on stdout.
pub(crate) fn run(args: BuildArgs) -> Result<ExitCode> {
    let options = options(&args)?;
    let built = match panduan::build(&options) {
        Ok(built) => built,
        Err(e @ Error::Content(_)) => {
            report::failure(&e, Some(&after_failure(&options)));
            return Ok(ExitCode::from(e.exit_code()));
        }
        Err(e) => return Err(e),
    };
    report::diagnostics(&built.warnings);
    if args.timings {
        for (name, took) in &built.phases {
            errln!("  {name:<9} {:>7.1} ms", took.as_secs_f64() * 1000.0);
        }
    }
    let per_lang: Vec<String> = built
        .pages
        .iter()
        .map(|(l, n)| format!("{l} {n}"))
        .collect();
    let total: usize = built.pages.iter().map(|(_, n)| n).sum();
    let warnings = built.warnings.len();
    outln!(
        "{}",
        panduan::t!(
            "build-summary",
            total = total,
            languages = per_lang.join(", "),
            out = &built.output_shown,
            ms = built.elapsed.as_millis(),
            files = built.written.files,
            kib = built.written.bytes.div_ceil(1024),
            warnings = warnings
        )
    );
    if let Some(zip) = &args.zip {
        outln!(
            "{}",
            panduan::t!("build-wrote-zip", path = display_path(zip))
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// What a failed build left of the output folder, in words: `the previous output was
/// kept` when there is one, else `nothing was written`.
pub(crate) fn after_failure(options: &BuildOptions) -> String {
    let had = config::read(&options.root, &options.overrides)
        .is_ok_and(|config| output::has_output(&config.output));
    panduan::files::after_failure(had, "output")
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
        pdf: !args.no_pdf,
        ..Default::default()
    })
}
