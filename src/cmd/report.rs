//! What the binary tells the user besides a command's own output: diagnostics, a
//! failure with every cause (`error: …` then `caused by: …`, on stderr), and the
//! events of `serve` and `watch` as they rebuild.

use panduan::Error;
use panduan::diagnostic::{Diagnostic, display_path, error_line, note_line};
use panduan::serve::Event;
use panduan::t;

use super::console::{errln, outln};

/// Prints `diagnostics` on stderr, one after the other.
pub(crate) fn diagnostics(diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        errln!("{d}");
    }
}

/// Prints why a command failed on stderr: the content's diagnostics and their count,
/// a configuration diagnostic, or the error and each of its causes.
pub(crate) fn error(e: &Error) {
    failure(e, None);
}

/// [`error`], saying after the count of content problems what the failed build left
/// (`the previous output was kept`, `nothing was written`) when `after` is given.
pub(crate) fn failure(e: &Error, after: Option<&str>) {
    match e {
        Error::Content(found) => {
            diagnostics(found);
            let errors = found.iter().filter(|d| d.is_error()).count();
            let warnings = found.len() - errors;
            let line = t!("build-failed", errors = errors, warnings = warnings);
            match after {
                Some(a) => errln!("{}", error_line(format!("{line}; {a}"))),
                None => errln!("{}", error_line(line)),
            }
        }
        Error::Config(d) => errln!("{d}"),
        other => {
            errln!("{}", error_line(other));
            let mut source = std::error::Error::source(other);
            let caused_by = t!("caused-by");
            while let Some(s) = source {
                errln!("{caused_by}: {s}");
                source = s.source();
            }
        }
    }
}

/// Prints one event of `serve` or `watch`: progress on stdout, problems on stderr.
/// `after_failure` says what a failed build left, for `watch`, which writes a folder.
pub(crate) fn event(event: &Event<'_>, after_failure: &dyn Fn() -> Option<String>) {
    match event {
        Event::Listening { url, edit } => {
            outln!("{}", t!("serve-listening", url = *url));
            if let Some(edit) = edit {
                outln!("{}", t!("serve-edit-intro"));
                // The address alone on its line, to copy or click.
                outln!("{edit}");
            }
        }
        Event::Changed { paths } => {
            let shown: Vec<String> = paths.iter().take(3).map(|p| display_path(p)).collect();
            let more = paths.len().saturating_sub(shown.len());
            match more {
                0 => outln!("{}", t!("serve-changed", paths = shown.join(", "))),
                _ => outln!(
                    "{}",
                    t!("serve-changed-more", paths = shown.join(", "), more = more)
                ),
            }
        }
        Event::Built(built) => {
            diagnostics(&built.warnings);
            let total: usize = built.pages.iter().map(|(_, n)| n).sum();
            let mut line = t!("rebuilt", total = total, ms = built.elapsed.as_millis());
            if let Some(out) = &built.output {
                line.push_str(&t!("rebuilt-into", out = out.as_str()));
            }
            if let Some(latency) = built.latency {
                line.push_str(&t!("rebuilt-latency", ms = latency.as_millis()));
            }
            if built.output.is_none() && built.latency.is_some() {
                line.push_str(&t!("rebuilt-tabs", tabs = built.tabs));
            }
            if built.complete > built.elapsed {
                line.push_str(&t!(
                    "rebuilt-complete",
                    ms = (built.complete - built.elapsed).as_millis()
                ));
            }
            outln!("{line}");
        }
        Event::Failed { error: e } => {
            failure(e, after_failure().as_deref());
            errln!("{}", t!("serve-waiting"));
        }
        Event::Note(note) => errln!("{}", note_line(note)),
    }
}
