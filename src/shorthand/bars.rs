//! Bars: `bar`, `stacked-bar` and `grouped-bar` run horizontally (the categories down the chart,
//! the long names readable on a phone), `column` and `stacked-column` vertically. Values below
//! zero hang from the zero line the other way; a single-colour chart with negative values is
//! diverging: its bars below zero take the second colour (the tooltip still says the value).

use super::{datum, field, highlight, members, obj, op, rows, s, Ctx, Kind, View};
use crate::error::Error;
use crate::grammar::Json;
use crate::spec::{Mark, Sort};

/// The bar kinds.
pub const KIND: Kind = Kind {
    marks: &[Mark::Bar, Mark::StackedBar, Mark::GroupedBar, Mark::Column, Mark::StackedColumn],
    check: super::no_check,
    view,
};

/// The name of the field holding a diverging bar's side of zero.
const SIDE: &str = "side of zero";

fn view(cx: &Ctx) -> Result<View, Error> {
    let spec = cx.spec;
    let horizontal = matches!(spec.kind, Mark::Bar | Mark::StackedBar | Mark::GroupedBar);
    let (cat_ch, val_ch, off_ch) = if horizontal { ("y", "x", "yOffset") } else { ("x", "y", "xOffset") };
    let diverging = spec.color.is_none()
        && cx.series.is_some_and(|sr| sr.values.iter().flatten().any(|v| v.is_some_and(|v| v < 0.0)));
    let sort = match spec.sort {
        Sort::Data => Json::Null,
        Sort::X => s("ascending"),
        Sort::YAscending => s(val_ch),
        Sort::YDescending => s(&format!("-{val_ch}")),
    };
    let cat = obj(vec![("field", field(&spec.x)), ("type", s("nominal")), ("sort", sort), ("title", s(&spec.x))]);
    let mut val = vec![("field", field(&spec.y)), ("type", s("quantitative")), ("title", s(&spec.y))];
    let mut transform = Vec::new();
    if diverging {
        // Aggregated first, so the side of zero is the shown value's.
        if let Some(op) = op(spec) {
            transform.push(obj(vec![
                ("aggregate", Json::Arr(vec![obj(vec![("op", s(op)), ("field", s(&spec.y)), ("as", s(&spec.y))])])),
                ("groupby", Json::Arr(vec![s(&spec.x)])),
            ]));
        }
        transform.push(obj(vec![
            ("calculate", s(&format!("{} < 0 ? 'below zero' : 'zero or above'", datum(&spec.y)))),
            ("as", s(SIDE)),
        ]));
    } else if let Some(op) = op(spec) {
        val.push(("aggregate", s(op)));
    }
    let mut enc = vec![(cat_ch, cat), (val_ch, obj(val))];
    if let Some(col) = &spec.color {
        enc.push(("color", obj(vec![("field", field(col)), ("type", s("nominal")), ("title", s(col))])));
        if spec.kind == Mark::GroupedBar {
            enc.push((off_ch, obj(vec![("field", field(col)), ("type", s("nominal"))])));
        }
    } else if diverging {
        enc.push((
            "color",
            obj(vec![
                ("field", s(SIDE)),
                ("type", s("nominal")),
                ("scale", obj(vec![("domain", Json::Arr(vec![s("zero or above"), s("below zero")]))])),
                ("legend", Json::Null),
            ]),
        ));
        enc.push((
            "tooltip",
            Json::Arr(vec![
                obj(vec![("field", field(&spec.x)), ("type", s("nominal"))]),
                obj(vec![("field", field(&spec.y)), ("type", s("quantitative"))]),
            ]),
        ));
    }
    let mut keys = vec![spec.x.as_str()];
    keys.extend(spec.color.as_deref());
    if let Some(o) = highlight(spec, &keys) {
        enc.push(("opacity", o));
    }
    let mut out = members(vec![("data", rows(cx.frame))]);
    if !transform.is_empty() {
        out.push(("transform".into(), Json::Arr(transform)));
    }
    out.push(("mark".into(), s("bar")));
    out.push(("encoding".into(), obj(enc)));
    Ok(out)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::shorthand::tests::{bars_of, chart_of};

    #[test]
    fn bars_run_across_and_columns_up() {
        let csv = "k,v\na,2\nb,4\n";
        let bar = bars_of(&chart_of(csv, r#"{"kind": "bar", "x": "k", "y": "v"}"#), 640.0);
        // Horizontal: b is twice as long as a, both the same height, a above b.
        assert!((bar[1].w - 2.0 * bar[0].w).abs() < 0.5, "{bar:?}");
        assert!((bar[0].h - bar[1].h).abs() < 1e-9 && bar[0].y < bar[1].y);
        let col = bars_of(&chart_of(csv, r#"{"kind": "column", "x": "k", "y": "v"}"#), 640.0);
        assert!((col[1].h - 2.0 * col[0].h).abs() < 0.5, "{col:?}");
        assert!((col[0].w - col[1].w).abs() < 1e-9 && col[0].x < col[1].x);
    }

    #[test]
    fn negative_columns_hang_below_zero_in_the_second_colour() {
        let c = chart_of("k,v\na,3\nb,-1\nb,-2\n", r#"{"kind": "column", "x": "k", "y": "v"}"#);
        let l = crate::shorthand::tests::laid(&c, 640.0);
        let bars = bars_of(&c, 640.0);
        // a is +3, b sums to -3: the same length on either side of the zero line.
        assert!((bars[0].h - bars[1].h).abs() < 0.5, "{bars:?}");
        assert!((bars[0].y + bars[0].h - bars[1].y).abs() < 0.5, "b starts where a ends (zero)");
        let fills = crate::shorthand::tests::fills(&l);
        assert_ne!(fills[0], fills[1], "below zero is drawn in another colour");
        // Without negatives, one colour.
        let l = crate::shorthand::tests::laid(
            &chart_of("k,v\na,3\nb,1\n", r#"{"kind": "column", "x": "k", "y": "v"}"#),
            640.0,
        );
        let fills = crate::shorthand::tests::fills(&l);
        assert_eq!(fills[0], fills[1]);
    }
}
