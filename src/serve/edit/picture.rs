//! Pictures the author drops into the editor: known by their first bytes, never by
//! their name.
//!
//! PNG, JPEG, GIF, WebP and AVIF are accepted. SVG is not: it can carry script. The
//! picture is saved in `content/<lang>/images/` under a safe, lowercase name made from
//! the name the author gave it, with the extension of what it really is.

/// The largest picture accepted, in bytes.
pub const MAX_PICTURE: usize = 10 * 1024 * 1024;

/// The extension of the picture `bytes` hold, or `None` if they hold no picture format
/// accepted here.
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("jpg")
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Some("gif")
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some("webp")
    } else if bytes.len() >= 12
        && &bytes[4..8] == b"ftyp"
        && (&bytes[8..12] == b"avif" || &bytes[8..12] == b"avis")
    {
        Some("avif")
    } else {
        None
    }
}

/// The file name for a picture the author called `given` that holds a picture of
/// type `ext`: `Foto Kegiatan.JPEG` gives `foto-kegiatan.jpg`.
pub fn name(given: &str, ext: &str) -> String {
    let stem = given.rsplit_once('.').map_or(given, |(s, _)| s);
    let stem = stem.rsplit(['/', '\\']).next().unwrap_or(stem);
    format!("{}.{ext}", super::paths::safe_stem(stem, "gambar"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pictures_are_known_by_their_bytes() {
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), Some("png"));
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0]), Some("jpg"));
        assert_eq!(sniff(b"GIF89a.."), Some("gif"));
        assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 "), Some("webp"));
        assert_eq!(sniff(b"\0\0\0\x1cftypavif"), Some("avif"));
        assert_eq!(sniff(b"<svg onload=alert(1)>"), None);
        assert_eq!(sniff(b"MZ\x90\0"), None);
        assert_eq!(sniff(b""), None);
    }

    #[test]
    fn names_are_safe_and_take_the_real_extension() {
        assert_eq!(name("Foto Kegiatan.JPEG", "jpg"), "foto-kegiatan.jpg");
        assert_eq!(name("C:\\Users\\x\\Peta Desa.png", "png"), "peta-desa.png");
        assert_eq!(name("virus.exe", "png"), "virus.png");
        assert_eq!(name("..", "gif"), "gambar.gif");
    }
}
