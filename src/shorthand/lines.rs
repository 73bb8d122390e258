//! Lines and dots: `line` (a line per colour value across x, with a point at each value) and
//! `dot` (a circle per x and colour value). x is ordinal: numeric x values keep their order.

use super::{field, members, obj, op, rows, s, Ctx, Kind, View};
use crate::error::Error;
use crate::grammar::Json;
use crate::spec::Mark;

/// The line kinds.
pub const KIND: Kind = Kind { marks: &[Mark::Line, Mark::Dot], check: super::no_check, view };

fn view(cx: &Ctx) -> Result<View, Error> {
    let spec = cx.spec;
    let x = super::ordinal_x(spec);
    let mut y = vec![("field", field(&spec.y)), ("type", s("quantitative")), ("title", s(&spec.y))];
    if let Some(op) = op(spec) {
        y.push(("aggregate", s(op)));
    }
    let mut enc = vec![("x", x), ("y", obj(y))];
    super::colour_and_highlight(spec, &mut enc);
    let mark = match spec.kind {
        Mark::Line => obj(vec![("type", s("line")), ("point", Json::Bool(true))]),
        _ => s("circle"),
    };
    Ok(members(vec![("data", rows(cx.frame)), ("mark", mark), ("encoding", obj(enc))]))
}
