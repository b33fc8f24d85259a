//! What the binary tells the user besides a command's own output: diagnostics, a
//! failure with every cause (`error: …` then `caused by: …`, on stderr), and the
//! events of `serve` and `watch` as they rebuild.

use panduan::Error;
use panduan::diagnostic::{Diagnostic, display_path};
use panduan::serve::Event;

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
            errln!(
                "error: the build failed with {errors} error{} and {warnings} warning{}{}",
                plural(errors),
                plural(warnings),
                after.map(|a| format!("; {a}")).unwrap_or_default()
            );
        }
        Error::Config(d) => errln!("{d}"),
        other => {
            errln!("error: {other}");
            let mut source = std::error::Error::source(other);
            while let Some(s) = source {
                errln!("caused by: {s}");
                source = s.source();
            }
        }
    }
}

/// Prints one event of `serve` or `watch`: progress on stdout, problems on stderr.
/// `after_failure` says what a failed build left, for `watch`, which writes a folder.
pub(crate) fn event(event: &Event<'_>, after_failure: &dyn Fn() -> Option<String>) {
    match event {
        Event::Listening { url } => {
            outln!("serving the handbook at {url} (press Ctrl-C to stop)");
        }
        Event::Changed { paths } => {
            let shown: Vec<String> = paths.iter().take(3).map(|p| display_path(p)).collect();
            let more = paths.len().saturating_sub(shown.len());
            outln!(
                "changed: {}{}",
                shown.join(", "),
                if more > 0 {
                    format!(" and {more} more")
                } else {
                    String::new()
                }
            );
        }
        Event::Built(built) => {
            diagnostics(&built.warnings);
            let total: usize = built.pages.iter().map(|(_, n)| n).sum();
            let mut line = format!("built {total} pages in {} ms", built.elapsed.as_millis());
            if let Some(out) = &built.output {
                line.push_str(&format!(" into {out}/"));
            }
            if let Some(latency) = built.latency {
                line.push_str(&format!("; {} ms after the change", latency.as_millis()));
            }
            if built.output.is_none() && built.latency.is_some() {
                line.push_str(&format!(
                    ", {} tab{} reloaded",
                    built.tabs,
                    plural(built.tabs)
                ));
            }
            if built.complete > built.elapsed {
                line.push_str(&format!(
                    " (search and print ready {} ms later)",
                    (built.complete - built.elapsed).as_millis()
                ));
            }
            outln!("{line}");
        }
        Event::Failed { error: e } => {
            failure(e, after_failure().as_deref());
            errln!("waiting for the next change…");
        }
        Event::Note(note) => errln!("note: {note}"),
    }
}

/// The `s` of a count's noun: `1 warning`, `2 warnings`, `0 warnings`.
pub(crate) fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
