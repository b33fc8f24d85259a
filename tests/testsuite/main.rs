//! Panduan's integration tests, in one binary (as mdBook and ripgrep have them): each
//! module was once a file of its own in `tests/`; one binary links the crate once
//! instead of once per file. Most tests run the real `panduan` binary on a copy of a
//! fixture site (`tests/fixtures/`) and parse what it wrote; `support` holds the
//! helpers, and `support::tools` installs the programs some tests need (Chromium, Node
//! packages, …) on first use.
//!
//! Run one module with `cargo test --test testsuite search::`; see tests/README.md.

mod browser;
mod build;
mod check;
mod cli;
mod downloads;
mod editor;
mod epub;
mod errors;
mod handbook;
mod hostile;
mod incremental;
mod kinds;
mod messages;
mod pdf;
mod properties;
mod real_authoring;
mod real_io;
mod real_links;
mod real_names;
mod safety;
mod search;
mod serve;
mod snapshots;
mod stemmer_oracle;
mod stress;
mod support;
mod terms;
mod theme;
