//! `panduan init`: write the starter handbook and list each file as created or kept.

use std::process::ExitCode;

use super::console::outln;
use panduan::Result;
use panduan::cli::InitArgs;
use panduan::diagnostic::display_path;

/// Writes the starter files (never overwriting one), then says what to do next.
pub(crate) fn run(args: InitArgs) -> Result<ExitCode> {
    // The author's language: until the messages choose theirs, the locale's.
    let first = args
        .lang
        .unwrap_or_else(|| panduan::init::Language::from_locale(|name| std::env::var(name).ok()));
    let created = panduan::init::run(&args.dir, first)?;
    for path in &created.written {
        outln!("  created {}", display_path(path));
    }
    for path in &created.skipped {
        outln!("  kept    {} (already there)", display_path(path));
    }
    let dir = display_path(&args.dir);
    if dir == "." || dir.is_empty() {
        outln!("A bilingual handbook is ready here. Next: `panduan build`.");
    } else {
        outln!(
            "A bilingual handbook is ready in `{dir}`. Next: `cd {}`, then `panduan build`.",
            panduan::escape::shell_word(&dir)
        );
    }
    Ok(ExitCode::SUCCESS)
}
