//! The Vega-Lite grammar engine: a spec compiled in stages into the one [`crate::layout::Layout`]
//! display list, as Vega-Lite's own compiler does: spec -> normalised spec -> data flow (load,
//! parse, transforms) -> scales -> guides -> marks -> layout. It never imports the Binzhou
//! story (a test enforces the direction); the story is content written on it.

pub mod calendar;
pub mod expr;
pub mod format;
pub mod json;
pub mod value;

pub use json::Json;
pub use value::{Table, Value};
