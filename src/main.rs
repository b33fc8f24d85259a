//! The `panduan` binary: parse arguments, call the library, print, return an exit code.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use panduan::cli::{BuildArgs, Cli, Command, Format, RootArg, ServeArgs, WatchArgs};
use panduan::diagnostic::Diagnostic;
use panduan::{BuildOptions, Error, config};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            report_error(&e);
            ExitCode::from(e.exit_code())
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, Error> {
    match cli.command {
        Command::Build(args) => build(args),
        Command::Serve(args) => serve(args),
        Command::Watch(args) => watch(args),
        Command::Init { dir } => {
            let created = panduan::init::run(&dir)?;
            for path in &created.written {
                println!("  created {}", panduan::diagnostic::display_path(path));
            }
            for path in &created.skipped {
                println!(
                    "  kept    {} (already there)",
                    panduan::diagnostic::display_path(path)
                );
            }
            println!(
                "A bilingual handbook is ready in `{}`. Next: cd there and run `panduan build`.",
                panduan::diagnostic::display_path(&dir)
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Check {
            root,
            format,
            strict,
            drafts,
        } => {
            let options = BuildOptions {
                root: project_root(&root)?,
                drafts,
                ..Default::default()
            };
            let report = panduan::check::run(&options)?;
            match format {
                Format::Json => println!("{}", report.to_json()),
                Format::Human => println!("{report}"),
            }
            let strictness = if strict {
                panduan::check::Strictness::Strict
            } else {
                panduan::check::Strictness::Lenient
            };
            Ok(ExitCode::from(report.exit_code(strictness)))
        }
        Command::New {
            path,
            translate_from,
            root,
        } => {
            let options = BuildOptions {
                root: project_root(&root)?,
                ..Default::default()
            };
            let written = panduan::new::new_page(&options, &path, translate_from.as_deref())?;
            println!(
                "created {}",
                panduan::diagnostic::display_path(&panduan::load::relative_to(
                    &written,
                    &options.root
                ))
            );
            if translate_from.is_some() {
                println!(
                    "Translate the title and text, delete the marked guide block, then run `panduan build`."
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Translated { path, from, root } => {
            let options = BuildOptions {
                root: project_root(&root)?,
                ..Default::default()
            };
            let source = panduan::new::mark_translated(&options, &path, from.as_deref())?;
            println!(
                "{} is now recorded as up to date with {source}",
                panduan::diagnostic::display_path(&path)
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Status { root, strict } => {
            let options = BuildOptions {
                root: project_root(&root)?,
                ..Default::default()
            };
            let (site, _) = panduan::load_site(&options)?;
            let table = panduan::status::Table::new(&site);
            print!("{table}");
            let strictness = if strict {
                panduan::check::Strictness::Strict
            } else {
                panduan::check::Strictness::Lenient
            };
            Ok(ExitCode::from(table.exit_code(strictness)))
        }
        Command::Clean { root } => {
            let root = project_root(&root)?;
            let config = config::read(&root, &config::Overrides::default())?;
            let shown = panduan::output::shown(&config, &config.output);
            if panduan::output::clean(&config, &config.output)? {
                println!("removed {shown}/");
            } else {
                println!("nothing to remove: {shown}/ does not exist");
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Completions { shell } => {
            let mut cmd = Cli::command();
            clap_complete::generate(shell, &mut cmd, "panduan", &mut std::io::stdout());
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn project_root(arg: &RootArg) -> Result<PathBuf, Error> {
    if let Some(root) = &arg.root {
        return Ok(root.clone());
    }
    let here = std::env::current_dir()
        .map_err(|e| Error::Other(format!("cannot read the current folder: {e}")))?;
    panduan::find_root(&here).ok_or_else(|| {
        Error::Other(
            "no `book.toml` here or in any folder above\n  = help: run this inside a handbook, pass `--root DIR`, or start one with `panduan init`"
                .into(),
        )
    })
}

fn build(args: BuildArgs) -> Result<ExitCode, Error> {
    let root = project_root(&args.root)?;
    let options = BuildOptions {
        root,
        overrides: config::Overrides {
            output: args.out,
            base_url: args.base_url,
        },
        drafts: args.drafts,
        render: Default::default(),
        zip: args.zip.clone(),
        cache: None,
    };
    let report = panduan::build(&options)?;
    print_diagnostics(&report.warnings);
    if args.timings {
        for (name, took) in &report.phases {
            eprintln!("  {name:<9} {:>7.1} ms", took.as_secs_f64() * 1000.0);
        }
    }
    let per_lang: Vec<String> = report
        .pages
        .iter()
        .map(|(l, n)| format!("{l} {n}"))
        .collect();
    let total: usize = report.pages.iter().map(|(_, n)| n).sum();
    let warnings = report.warnings.len();
    println!(
        "built {total} pages ({}) into {}/ in {} ms: {} files, {} KiB, {warnings} warning{}",
        per_lang.join(", "),
        report.output_shown,
        report.elapsed.as_millis(),
        report.written.files,
        report.written.bytes.div_ceil(1024),
        if warnings == 1 { "" } else { "s" },
    );
    if let Some(zip) = &args.zip {
        println!("wrote {}", panduan::diagnostic::display_path(zip));
    }
    Ok(ExitCode::SUCCESS)
}

fn watch_method(poll: bool) -> panduan::serve::watch::WatchMethod {
    if poll {
        panduan::serve::watch::WatchMethod::Poll
    } else {
        panduan::serve::watch::WatchMethod::Native
    }
}

fn serve(args: ServeArgs) -> Result<ExitCode, Error> {
    let options = panduan::serve::ServeOptions {
        build: BuildOptions {
            root: project_root(&args.root)?,
            drafts: args.drafts,
            ..Default::default()
        },
        bind: args.bind,
        port: args.port,
        watch: watch_method(args.poll),
    };
    let open = args.open;
    let loopback = args.bind.is_loopback();
    panduan::serve::serve(options, &mut |event| {
        if let panduan::serve::Event::Listening { url } = &event {
            if !loopback {
                eprintln!(
                    "note: listening on {} — other computers on the network can read this draft",
                    args.bind
                );
            }
            if open {
                open_browser(url);
            }
        }
        print_event(&event);
    })?;
    println!("stopped");
    Ok(ExitCode::SUCCESS)
}

fn watch(args: WatchArgs) -> Result<ExitCode, Error> {
    let options = panduan::serve::WatchOptions {
        build: BuildOptions {
            root: project_root(&args.build.root)?,
            overrides: config::Overrides {
                output: args.build.out,
                base_url: args.build.base_url,
            },
            drafts: args.build.drafts,
            render: Default::default(),
            zip: args.build.zip,
            cache: None,
        },
        watch: watch_method(args.poll),
    };
    panduan::serve::watch(options, &mut |event| print_event(&event))?;
    println!("stopped");
    Ok(ExitCode::SUCCESS)
}

fn print_event(event: &panduan::serve::Event<'_>) {
    use panduan::serve::Event;
    match event {
        Event::Listening { url } => {
            println!("serving the handbook at {url} (press Ctrl-C to stop)");
        }
        Event::Changed { paths } => {
            let shown: Vec<String> = paths
                .iter()
                .take(3)
                .map(|p| panduan::diagnostic::display_path(p))
                .collect();
            let more = paths.len().saturating_sub(shown.len());
            println!(
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
            print_diagnostics(&built.warnings);
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
                    if built.tabs == 1 { "" } else { "s" }
                ));
            }
            if built.complete > built.elapsed {
                line.push_str(&format!(
                    " (search and print ready {} ms later)",
                    (built.complete - built.elapsed).as_millis()
                ));
            }
            println!("{line}");
        }
        Event::Failed { error } => {
            report_error(error);
            eprintln!("waiting for the next change…");
        }
        Event::Note(note) => eprintln!("note: {note}"),
    }
}

/// Opens `url` in the default browser; a failure is only a note.
fn open_browser(url: &str) {
    let mut command = if cfg!(target_os = "windows") {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else {
        std::process::Command::new("xdg-open")
    };
    command
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    if let Err(e) = command.spawn() {
        eprintln!("note: cannot open a browser ({e}); open {url} yourself");
    }
}

fn print_diagnostics(diagnostics: &[Diagnostic]) {
    let mut err = std::io::stderr().lock();
    for d in diagnostics {
        let _ = writeln!(err, "{d}");
    }
}

fn report_error(e: &Error) {
    match e {
        Error::Content(diagnostics) => {
            print_diagnostics(diagnostics);
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            let warnings = diagnostics.len() - errors;
            eprintln!(
                "error: the build failed with {errors} error{} and {warnings} warning{}; the previous output was kept",
                if errors == 1 { "" } else { "s" },
                if warnings == 1 { "" } else { "s" }
            );
        }
        Error::Config(d) => eprintln!("{d}"),
        other => {
            eprintln!("error: {other}");
            let mut source = std::error::Error::source(other);
            while let Some(s) = source {
                eprintln!("caused by: {s}");
                source = s.source();
            }
        }
    }
}
