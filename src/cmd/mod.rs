//! The binary's commands, one file each: a `run(args)` that calls the library, prints
//! its result and returns the exit code. A failure to run comes back as an `Err` for
//! `main` to report. What the commands share is named: [`project`] (where the handbook
//! is), [`console`] (printing that never panics) and [`report`] (diagnostics, errors
//! and rebuild events on the terminal).

pub(crate) mod build;
pub(crate) mod check;
pub(crate) mod clean;
pub(crate) mod completions;
pub(crate) mod console;
pub(crate) mod init;
pub(crate) mod new;
pub(crate) mod project;
pub(crate) mod report;
pub(crate) mod serve;
pub(crate) mod status;
pub(crate) mod theme;
pub(crate) mod translated;
pub(crate) mod watch;

use panduan::check::Strictness;

/// `--strict` as the library takes it.
fn strictness(strict: bool) -> Strictness {
    if strict {
        Strictness::Strict
    } else {
        Strictness::Lenient
    }
}
