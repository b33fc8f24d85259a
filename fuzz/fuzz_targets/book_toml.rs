//! `book.toml` parsing never panics; errors are located inside the text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Err(panduan::Error::Config(d)) = panduan::config::parse(Path::new("/p"), text, &Default::default()) {
        assert!(d.span.line.get() as usize <= text.lines().count().max(1) + 1, "{d}");
    }
});
