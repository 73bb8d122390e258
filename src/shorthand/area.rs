//! Areas: `area` (one filled area per colour value from zero to its values, overlapping, so
//! each keeps its own height) and `stacked-area` (the areas stacked: the top edge is the total).
//! x is ordinal, as for lines.

use super::{field, members, obj, op, rows, s, Ctx, Kind, View};
use crate::error::Error;
use crate::grammar::Json;
use crate::spec::Mark;

/// The area kinds.
pub const KIND: Kind = Kind { marks: &[Mark::Area, Mark::StackedArea], check: super::no_check, view };

fn view(cx: &Ctx) -> Result<View, Error> {
    let spec = cx.spec;
    let x = super::ordinal_x(spec);
    let stack = if spec.kind == Mark::StackedArea { s("zero") } else { Json::Null };
    let mut y = vec![("field", field(&spec.y)), ("type", s("quantitative")), ("title", s(&spec.y)), ("stack", stack)];
    if let Some(op) = op(spec) {
        y.push(("aggregate", s(op)));
    }
    let mut enc = vec![("x", x), ("y", obj(y))];
    super::colour_and_highlight(spec, &mut enc);
    // Overlapping areas are see-through so none hides another; stacked ones are opaque.
    let opacity = if spec.kind == Mark::Area && spec.color.is_some() { 0.3 } else { 0.85 };
    let mark = obj(vec![("type", s("area")), ("opacity", Json::Num(opacity)), ("line", Json::Bool(true))]);
    Ok(members(vec![("data", rows(cx.frame)), ("mark", mark), ("encoding", obj(enc))]))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::shorthand::tests::{chart_of, laid};

    #[test]
    fn stacked_areas_reach_the_total_and_plain_ones_overlap() {
        let csv = "t,g,v\n2020,a,1\n2021,a,3\n2020,b,2\n2021,b,2\n";
        let stacked = chart_of(csv, r#"{"kind": "stacked-area", "x": "t", "y": "v", "color": "g"}"#);
        let c = stacked
            .grammar
            .layout(640.0, crate::grammar::format::Locale::En, &crate::shorthand::tests::light())
            .unwrap();
        let y = c.scales.list.iter().find(|r| r.channel.name() == "y").unwrap();
        // Totals 3 and 5: the y domain reaches 5.
        assert_eq!(format!("{:?}", y.scale.domain()), "Continuous(0.0, 5.0)");
        let plain = chart_of(csv, r#"{"kind": "area", "x": "t", "y": "v", "color": "g"}"#);
        let c =
            plain.grammar.layout(640.0, crate::grammar::format::Locale::En, &crate::shorthand::tests::light()).unwrap();
        let y = c.scales.list.iter().find(|r| r.channel.name() == "y").unwrap();
        assert_eq!(format!("{:?}", y.scale.domain()), "Continuous(0.0, 3.0)");
        assert!(!laid(&plain, 640.0).shapes.is_empty());
    }
}
