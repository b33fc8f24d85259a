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
    let mut options = options(&args)?;
    let ticker = Ticker::start();
    if let Some(ticker) = &ticker {
        options.progress = ticker.progress();
    }
    let built = panduan::build(&options);
    drop(ticker);
    let built = match built {
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
        errln!("  {}", panduan::t!("build-reused", count = built.reused));
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
        on_wait: output::OnWait::new(|message| {
            errln!("{}", panduan::diagnostic::note_line(message))
        }),
        ..Default::default()
    })
}

/// What the build is doing, on one line of a terminal that it rewrites: nothing during
/// the first second (a quick build shows nothing), then each step as it starts, and
/// the line is cleared at the end. Only when stderr is a terminal, so that logs and
/// pipes stay clean.
struct Ticker {
    state: std::sync::Arc<(std::sync::Mutex<Tick>, std::sync::Condvar)>,
    thread: Option<std::thread::JoinHandle<()>>,
}

#[derive(Default)]
struct Tick {
    /// The step running now.
    step: String,
    /// Whether the line is shown (the build has taken a second).
    shown: bool,
    done: bool,
}

impl Ticker {
    /// A ticker on stderr, or `None` when stderr is not a terminal.
    fn start() -> Option<Ticker> {
        use std::io::IsTerminal;
        if !std::io::stderr().is_terminal() {
            return None;
        }
        let state = std::sync::Arc::new((
            std::sync::Mutex::new(Tick::default()),
            std::sync::Condvar::new(),
        ));
        let waiting = std::sync::Arc::clone(&state);
        let thread = std::thread::spawn(move || {
            let (lock, wake) = &*waiting;
            let tick = lock
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            let (mut tick, _) = wake
                .wait_timeout_while(tick, std::time::Duration::from_secs(1), |t| !t.done)
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            if !tick.done {
                tick.shown = true;
                if !tick.step.is_empty() {
                    show(&tick.step);
                }
            }
        });
        Some(Ticker {
            state,
            thread: Some(thread),
        })
    }

    /// The library's end of the ticker.
    fn progress(&self) -> panduan::Progress {
        let state = std::sync::Arc::clone(&self.state);
        panduan::Progress::new(move |what| {
            let mut tick = state
                .0
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            tick.step = what.to_string();
            if tick.shown {
                show(what);
            }
        })
    }
}

impl Drop for Ticker {
    fn drop(&mut self) {
        let (lock, wake) = &*self.state;
        let shown = {
            let mut tick = lock
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            tick.done = true;
            tick.shown
        };
        wake.notify_all();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
        if shown {
            show("");
        }
    }
}

/// Rewrites the terminal's current line with `text`.
fn show(text: &str) {
    use std::io::Write;
    let mut err = std::io::stderr().lock();
    let _ = write!(err, "\r\x1b[K{text}");
    let _ = err.flush();
}
