//! The terminal as every command prints to it: [`outln!`] and [`errln!`] instead of
//! `println!` and `eprintln!`, which panic when a write fails.
//!
//! A closed pipe (`panduan status | head -1`) is not a failure: what follows for that
//! stream is dropped quietly and the command ends as it would have. Any other failure
//! (a full disk, `> /dev/full`) is said once on stderr if stderr still works, the rest
//! of that stream is dropped, and the process exits with 2 ([`exit_code`]).
//!
//! Control characters are never written as they are (issue #24): a title or file name
//! holding ESC (`\e]0;PWNED\a`) would otherwise drive the terminal. Every one but the
//! line feed and the tab is shown as `\u{1b}` ([`escape_controls`]). JSON output is
//! unchanged by this: `serde_json` writes them as `\u001b` already.

use std::fmt;
use std::io::{self, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether stdout, stderr can still be written to.
static OUT_OPEN: AtomicBool = AtomicBool::new(true);
static ERR_OPEN: AtomicBool = AtomicBool::new(true);
/// Whether a write failed for another reason than a closed pipe.
static FAILED: AtomicBool = AtomicBool::new(false);

/// One of the two streams.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Stream {
    Out,
    Err,
}

/// Writes `args` to `stream` and flushes it; a failure closes the stream (see the
/// module's documentation).
pub(crate) fn write(stream: Stream, args: fmt::Arguments<'_>) {
    let open = match stream {
        Stream::Out => &OUT_OPEN,
        Stream::Err => &ERR_OPEN,
    };
    if !open.load(Ordering::Relaxed) {
        return;
    }
    let text = args.to_string();
    let text = escape_controls(&text);
    let written = match stream {
        Stream::Out => {
            let mut out = io::stdout().lock();
            out.write_all(text.as_bytes()).and_then(|()| out.flush())
        }
        Stream::Err => {
            let mut err = io::stderr().lock();
            err.write_all(text.as_bytes()).and_then(|()| err.flush())
        }
    };
    let Err(e) = written else { return };
    open.store(false, Ordering::Relaxed);
    if e.kind() == io::ErrorKind::BrokenPipe {
        return;
    }
    FAILED.store(true, Ordering::Relaxed);
    if let Stream::Out = stream {
        write(
            Stream::Err,
            format_args!("{}\n", failure("standard output", &e)),
        );
    }
}

/// `text` with every control character (C0, DEL, C1) but the line feed and the tab
/// written as Rust writes it in a string, `\u{1b}`.
pub(crate) fn escape_controls(text: &str) -> std::borrow::Cow<'_, str> {
    let is_shown = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !text.chars().any(is_shown) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_shown(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Writes bytes made elsewhere (a completion script) to stdout, as [`write`] does.
pub(crate) fn write_bytes(bytes: &[u8]) {
    write(
        Stream::Out,
        format_args!("{}", String::from_utf8_lossy(bytes)),
    );
}

/// The message for a failed write to `what`.
fn failure(what: &str, e: &io::Error) -> String {
    let what = match what {
        "standard output" => panduan::t!("stream-stdout"),
        other => other.to_string(),
    };
    if e.kind() == io::ErrorKind::StorageFull {
        panduan::diagnostic::error_line(panduan::t!("stream-full", what = what))
    } else {
        panduan::diagnostic::error_line(panduan::t!(
            "stream-failed",
            what = what,
            detail = e.to_string()
        ))
    }
}

/// `code`, or 2 when a write failed for another reason than a closed pipe.
pub(crate) fn exit_code(code: ExitCode) -> ExitCode {
    if FAILED.load(Ordering::Relaxed) {
        ExitCode::from(2)
    } else {
        code
    }
}

/// `println!` on stdout through [`write`]: never panics.
macro_rules! outln {
    () => {
        $crate::cmd::console::write($crate::cmd::console::Stream::Out, format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::cmd::console::write(
            $crate::cmd::console::Stream::Out,
            format_args!("{}\n", format_args!($($arg)*)),
        )
    };
}

/// `print!` on stdout through [`write`]: never panics.
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::cmd::console::write($crate::cmd::console::Stream::Out, format_args!($($arg)*))
    };
}

/// `eprintln!` on stderr through [`write`]: never panics.
macro_rules! errln {
    ($($arg:tt)*) => {
        $crate::cmd::console::write(
            $crate::cmd::console::Stream::Err,
            format_args!("{}\n", format_args!($($arg)*)),
        )
    };
}

pub(crate) use {errln, out, outln};

#[cfg(test)]
mod tests {
    use super::escape_controls;

    #[test]
    fn issue_24_control_characters_are_shown_escaped() {
        assert_eq!(
            escape_controls("a\u{1b}]0;PWNED\u{7}b\r\u{9b}c\u{7f}"),
            "a\\u{1b}]0;PWNED\\u{7}b\\u{d}\\u{9b}c\\u{7f}"
        );
        assert_eq!(escape_controls("line\n\tnext é"), "line\n\tnext é");
    }
}
