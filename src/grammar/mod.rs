//! The Vega-Lite grammar engine: a spec compiled in stages into the one [`crate::layout::Layout`]
//! display list, as Vega-Lite's own compiler does: spec ([`spec`], [`encoding`], [`mark`]) ->
//! units ([`flow::units`]) -> data flow ([`data`], [`transform`], [`flow`]) -> scales
//! ([`scales`], [`scale`]) -> guides ([`guide`]) -> marks ([`mark`]) -> layout ([`compile`]).
//! It never imports the Binzhou story (a test enforces the direction); the story is content
//! written on it.

pub mod calendar;
pub mod compile;
pub mod composite;
pub mod concat;
pub mod config;
pub mod data;
pub mod dump;
pub mod encoding;
pub mod expr;
pub mod facet;
pub mod flow;
pub mod format;
pub mod guide;
pub mod inherit;
pub mod json;
pub mod mark;
pub mod repeat;
pub mod repeat_layer;
pub mod resolve;
pub mod scale;
pub mod scales;
pub mod spec;
pub mod summary;
pub mod transform;
pub mod value;
pub mod view;
pub mod warnings;
pub mod words;

pub use compile::{Chart, Compiled};
pub use json::Json;
pub use value::{Table, Value};
