//! Number and date formats: d3-format and d3-time-format specifiers in English and Chinese
//! locales, d3-scale's tick label formats, and the date parsing of Vega-Lite's `format.parse`.
//!
//! - [`number`]: [`NumberFormat`] (d3-format), [`tick_format`] / [`tick_step`] (d3-scale and
//!   d3-array) - digits come from exact decimal expansions, rounded as JavaScript does.
//! - [`time`]: [`TimeFormat`] (d3-time-format `utcFormat` / `utcParse`) and [`multi_format`]
//!   (d3-scale's default UTC time tick format).
//! - [`date`]: [`parse_date`] (`format.parse: "date"`) and [`parse_date_with`]
//!   (`"date:'%d.%m.%Y'"`, `"utc:'…'"`).
//!
//! Everything works in UTC (the engine's "local time"). Nothing here panics on any input.

pub mod date;
mod js_int;
mod js_num;
mod locale;
mod multi;
pub mod number;
mod specifier;
mod ticks;
pub mod time;
mod time_parse;
mod written;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod fuzz_tests;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod number_tests;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod time_tests;

pub use date::{date_pattern, parse_date, parse_date_with};
pub use number::{tick_format, tick_step, NumberFormat};
pub use time::{multi_format, TimeFormat};

/// Interface language of formatted output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locale {
    /// English (en-US conventions).
    #[default]
    En,
    /// Chinese (zh-CN conventions).
    Zh,
}
