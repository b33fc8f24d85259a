//! The date every download carries (a leaf): [`Stamp`], a moment in UTC to the second,
//! from `SOURCE_DATE_EPOCH`, `[downloads] date` or the sources, never the clock.

/// A moment in UTC, to the second: the date every download carries (the EPUB's
/// `dcterms:modified`, the zip's entry times, the download page).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Stamp {
    pub year: u32,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
}

impl Stamp {
    /// The date used when neither `SOURCE_DATE_EPOCH` nor `[downloads] date` gives one:
    /// fixed, so that builds stay byte-identical (1 January 2000).
    pub const DEFAULT: Stamp = Stamp {
        year: 2000,
        month: 1,
        day: 1,
        hour: 0,
        minute: 0,
        second: 0,
    };

    /// `YYYY-MM-DD` at midnight UTC, if it is a real date from 1980 (the first year a
    /// zip can hold) to 2107.
    pub fn from_date(text: &str) -> Option<Stamp> {
        let mut parts = text.trim().split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let (year, month, day) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
        let days_in_month = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
            2 => 28,
            _ => return None,
        };
        ((1980..=2107).contains(&year) && (1..=days_in_month).contains(&day)).then_some(Stamp {
            year,
            month,
            day,
            ..Stamp::DEFAULT
        })
    }

    /// The moment `seconds` after 1970-01-01 UTC (`SOURCE_DATE_EPOCH`), kept within the
    /// years a zip can hold.
    pub fn from_unix(seconds: u64) -> Stamp {
        // 1980-01-01 and 2107-12-31 23:59:59.
        let seconds = seconds.clamp(315_532_800, 4_354_819_199);
        let days = seconds / 86_400;
        let rest = seconds % 86_400;
        // Howard Hinnant's days-to-civil, for days after 1970 only.
        let z = days + 719_468;
        let era = z / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + u64::from(month <= 2);
        Stamp {
            year: year as u32,
            month: month as u32,
            day: day as u32,
            hour: (rest / 3600) as u32,
            minute: (rest % 3600 / 60) as u32,
            second: (rest % 60) as u32,
        }
    }

    /// The same moment as a zip entry's time (which has no time zone).
    pub fn zip_time(&self) -> zip::DateTime {
        // In range by construction: years 1980 to 2107, real days and times.
        zip::DateTime::from_date_and_time(
            self.year as u16,
            self.month as u8,
            self.day as u8,
            self.hour as u8,
            self.minute as u8,
            self.second as u8,
        )
        .unwrap_or_default()
    }

    /// `2026-12-01`.
    pub fn date(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// `2026-12-01T00:00:00Z`, as EPUB's `dcterms:modified` wants it.
    pub fn iso(&self) -> String {
        format!(
            "{}T{:02}:{:02}:{:02}Z",
            self.date(),
            self.hour,
            self.minute,
            self.second
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn download_dates_are_checked_and_converted() {
        assert_eq!(
            Stamp::from_date("2026-12-01").map(|s| s.iso()).as_deref(),
            Some("2026-12-01T00:00:00Z")
        );
        for bad in [
            "2026-02-30",
            "2026-13-01",
            "1979-12-31",
            "26-12-01",
            "2026-1-1",
            "soon",
        ] {
            assert_eq!(Stamp::from_date(bad), None, "{bad}");
        }
        assert_eq!(Stamp::from_date("2024-02-29").map(|s| s.day), Some(29));
        assert_eq!(
            Stamp::from_unix(1_764_547_200).iso(),
            "2025-12-01T00:00:00Z"
        );
        assert_eq!(Stamp::from_unix(951_825_599).iso(), "2000-02-29T11:59:59Z");
        assert_eq!(
            Stamp::from_unix(0).iso(),
            "1980-01-01T00:00:00Z",
            "a zip holds no earlier"
        );
    }
}
