//! Guides: axes, legends and facet headers, laid out around the plot (the title and subtitle
//! are the widget's headings, in the DOM), and the formatting of the values they show.

pub mod axis;
pub mod format;
pub mod header;
mod header_side;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod header_tests;
pub mod legend;
