//! Helpers shared by the unit tests of the Markdown modules.

use super::*;

/// Indonesian labels, as the default theme has them.
pub(super) fn labels() -> Labels {
    Labels {
        note: "Catatan".into(),
        tip: "Tip".into(),
        important: "Penting".into(),
        warning: "Peringatan".into(),
        caution: "Hati-hati".into(),
        anchor: "Tautan ke bagian ini".into(),
        back_to_text: "Kembali ke teks".into(),
        task_done: "selesai".into(),
        task_open: "belum".into(),
        id_prefix: String::new(),
    }
}

/// The HTML of `body` with every link kept as written.
pub(super) fn html(body: &str) -> String {
    let a = analyse(body);
    let links = vec![LinkOutput::Keep; a.links.len()];
    to_html(body, &a.headings, &links, &labels(), LeadingH1::Drop)
}
