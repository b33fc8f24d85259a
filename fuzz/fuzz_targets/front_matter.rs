//! Front-matter splitting and YAML parsing never panic, and errors point inside the file.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // As `load` does before splitting.
    let text = panduan::load::normalize_newlines(text.to_string());
    let text = text.as_str();
    let path = Path::new("content/id/x.md");
    match panduan::load::split(text, path) {
        Ok(split) => {
            assert!(split.body.end <= text.len());
            if let Some(yaml) = split.yaml {
                let lines = text.lines().count() as u32 + 2;
                if let Err(d) = panduan::load::parse_yaml_map(&text[yaml], path, split.yaml_first_line) {
                    assert!(d.span.line.get() <= lines.max(2), "{d}");
                }
            }
        }
        Err(d) => assert_eq!(d.span.line.get(), 1),
    }
});
