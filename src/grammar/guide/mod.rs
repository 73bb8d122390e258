//! Guides: axes and legends, laid out around the plot (the title and subtitle are the widget's
//! headings, in the DOM), and the formatting
//! of the values they show.

pub mod axis;
pub mod format;
pub mod legend;
