//! Number and date formats: d3-format and d3-time-format specifiers in English and Chinese
//! locales, and the date parsing of `format.parse`. (API placeholder.)

/// Interface language of formatted output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locale {
    /// English (en-US conventions).
    #[default]
    En,
    /// Chinese (zh-CN conventions).
    Zh,
}
