//! news-infographic: interactive infographics for news articles.
//!
//! The pipeline is plain Rust, tested natively: a [`data::Dataset`] (values with year, scope,
//! industry and source; the article's claims) is queried ([`query`]), checked ([`claims`]), laid
//! out into a [`layout::Layout`] of plain numbers, and drawn by [`draw::draw`] on any plotters
//! backend. Charts are Vega-Lite specs compiled by the [`grammar`] engine: the story's
//! [`presets`] write theirs from the dataset, the shorthand ([`shorthand`]) from a newsroom's
//! simple spec. Only the `wasm` module, compiled for `wasm32`, touches the browser.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod chart;
pub mod claims;
pub mod columns;
pub mod custom;
pub mod data;
pub mod draw;
pub mod error;
pub mod export;
pub mod figures;
pub mod format;
pub mod frame;
pub mod grammar;
pub mod layout;
pub mod order;
pub mod presets;
pub mod query;
pub mod series;
pub mod shorthand;
pub mod spec;
pub mod style;
pub mod sums_csv;
pub mod table;
pub mod text;
pub mod theme;
#[cfg(target_arch = "wasm32")]
pub mod wasm;
pub mod xy;
pub mod xy_csv;

pub use chart::ChartKind;
pub use data::{Dataset, Lang};
pub use error::Error;
pub use layout::Layout;
pub use theme::{Theme, ThemeName};
