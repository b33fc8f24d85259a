//! `panduan init`: write the starter handbook and list each file as created or kept.

use std::process::ExitCode;

use super::console::outln;
use panduan::Result;
use panduan::cli::InitArgs;
use panduan::diagnostic::display_path;

/// Writes the starter files (never overwriting one), then says what to do next.
pub(crate) fn run(args: InitArgs) -> Result<ExitCode> {
    // The author's language is the one Panduan speaks to them in.
    let first = panduan::init::Language::of_messages(panduan::i18n::current());
    let created = panduan::init::run(&args.dir, first)?;
    for path in &created.written {
        outln!(
            "  {}",
            panduan::t!("init-created", path = display_path(path))
        );
    }
    for path in &created.skipped {
        outln!("  {}", panduan::t!("init-kept", path = display_path(path)));
    }
    let dir = display_path(&args.dir);
    if dir == "." || dir.is_empty() {
        outln!("{}", panduan::t!("init-ready-here"));
    } else {
        outln!(
            "{}",
            panduan::t!(
                "init-ready-in",
                dir = &dir,
                cd = panduan::escape::shell_word(&dir)
            )
        );
    }
    Ok(ExitCode::SUCCESS)
}
