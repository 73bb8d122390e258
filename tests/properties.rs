//! Property tests (proptest): for any valid dataset and any width from 200 to 2000 px, every
//! mark stays inside the plot area, no two labels overlap and none is clipped; and query sums
//! equal totals.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use news_infographic::chart::ChartDef;
use news_infographic::custom::Custom;
use news_infographic::data::{Dataset, BINZHOU_JSON};
use news_infographic::frame::{Cell, Frame};
use news_infographic::query::{filter, run, sum, Filter, GroupBy, Query};
use news_infographic::spec::{Aggregate, Mark, Sort, Spec};
use news_infographic::{ChartKind, Lang, Theme, ThemeName};
use proptest::prelude::*;

fn label() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z]{1,12}( [A-Za-z]{1,10}){0,3}",
        "[0-9]{4}",
        "\\PC{1,6}",
        Just("畜牧和水产养殖".to_string()),
        Just("Supercalifragilisticexpialidocious".to_string()),
    ]
}

fn mark() -> impl Strategy<Value = Mark> {
    prop_oneof![Just(Mark::Bar), Just(Mark::StackedBar), Just(Mark::GroupedBar), Just(Mark::Line), Just(Mark::Dot)]
}

prop_compose! {
    fn custom_chart()(
        cats in prop::collection::btree_set(label(), 1..20),
        groups in prop::collection::btree_set("[a-z]{1,8}", 1..4),
        kind in mark(),
        values in prop::collection::vec(prop::option::weighted(0.9, 0.0f64..1e6), 80),
        negative in any::<bool>(),
    ) -> Custom {
        let cats: Vec<String> = cats.into_iter().map(|c| c.trim().to_string()).filter(|c| !c.is_empty()).collect();
        let cats = if cats.is_empty() { vec!["a".to_string()] } else { cats };
        let groups: Vec<String> = groups.into_iter().collect();
        let mut rows = Vec::new();
        let mut k = 0;
        for c in &cats {
            for g in &groups {
                let v = values[k % values.len()].map(|v| if negative && kind != Mark::StackedBar && k % 3 == 0 { -v } else { v });
                k += 1;
                rows.push(vec![Cell::Text(c.clone()), Cell::Text(g.clone()), v.map(Cell::Num).unwrap_or(Cell::Missing)]);
            }
        }
        let frame = Frame { columns: vec!["x".into(), "g".into(), "v".into()], rows };
        let spec = Spec {
            schema: None, kind, x: "x".into(), y: "v".into(),
            color: if groups.len() > 1 || matches!(kind, Mark::StackedBar | Mark::GroupedBar) { Some("g".into()) } else { None },
            aggregate: Aggregate::Sum, sort: Sort::Data, highlight: vec![], title: String::new(), subtitle: String::new(),
            notes: "A note that wraps over several lines when the chart is narrow enough to need it".into(), source: None,
            ..Default::default()
        };
        Custom::new(spec, frame).expect("generated data is valid")
    }
}

/// The newsroom kinds that take the generator's shape (x, a group column, a value) with every
/// value reported and none negative.
fn newsroom_kind() -> impl Strategy<Value = Mark> {
    prop_oneof![
        Just(Mark::Column),
        Just(Mark::StackedColumn),
        Just(Mark::Area),
        Just(Mark::StackedArea),
        Just(Mark::Pie),
        Just(Mark::Donut),
        Just(Mark::Dumbbell),
        Just(Mark::Arrow),
        Just(Mark::Slope),
        Just(Mark::Waffle),
    ]
}

prop_compose! {
    fn newsroom_chart()(
        cats in prop::collection::btree_set(label(), 1..12),
        kind in newsroom_kind(),
        values in prop::collection::vec(0u32..60, 24),
    ) -> Custom {
        let cats: Vec<String> = cats.into_iter().map(|c| c.trim().to_string()).filter(|c| !c.is_empty()).collect();
        let cats = if cats.is_empty() { vec!["a".to_string()] } else { cats };
        let paired = kind.paired();
        let whole = matches!(kind, Mark::Pie | Mark::Donut | Mark::Waffle);
        let groups: Vec<&str> = if whole { vec![""] } else if paired || kind == Mark::StackedColumn || kind == Mark::StackedArea { vec!["2021", "2023"] } else { vec!["a"] };
        let mut rows = Vec::new();
        for (i, c) in cats.iter().enumerate() {
            for (j, g) in groups.iter().enumerate() {
                let v = values[(i * 2 + j) % values.len()] as f64 + if whole && i == 0 { 1.0 } else { 0.0 };
                rows.push(vec![Cell::Text(c.clone()), Cell::Text(g.to_string()), Cell::Num(v)]);
            }
        }
        let frame = Frame { columns: vec!["x".into(), "g".into(), "v".into()], rows };
        let spec = Spec {
            kind, x: "x".into(), y: "v".into(),
            color: if whole || groups.len() == 1 { None } else { Some("g".into()) },
            ..Default::default()
        };
        Custom::new(spec, frame).expect("generated data is valid")
    }
}

fn check_layout(def: &ChartDef, width: f64, lang: Lang) -> Result<(), TestCaseError> {
    let l = def.layout(width, lang, &Theme::get(ThemeName::Light)).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let overlaps = l.overlapping_labels();
    prop_assert!(
        overlaps.is_empty(),
        "overlapping labels at {width}: {:?}",
        overlaps.iter().map(|&(a, b)| (&l.labels[a].text, &l.labels[b].text)).collect::<Vec<_>>()
    );
    prop_assert!(
        l.clipped_labels().is_empty(),
        "clipped labels at {width}: {:?}",
        l.clipped_labels().iter().map(|&i| &l.labels[i].text).collect::<Vec<_>>()
    );
    prop_assert!(l.bars_outside_plot().is_empty(), "marks outside the plot at {width}");
    prop_assert!(
        l.labels_over_bars().is_empty(),
        "labels over bars at {width}: {:?}",
        l.labels_over_bars().iter().map(|&(i, j)| (&l.labels[i].text, l.bars[j].rect)).collect::<Vec<_>>()
    );
    prop_assert!(l.height.is_finite() && l.height > 0.0);
    Ok(())
}

proptest! {
    // 256 cases by default; PROPTEST_CASES and PROPTEST_RNG_SEED (set by `make test`) override.
    #![proptest_config(ProptestConfig::default())]

    #[test]
    fn newsroom_kinds_stay_clean_at_any_width(c in newsroom_chart(), width in 320.0f64..2000.0) {
        let pie = matches!(c.spec.kind, Mark::Pie | Mark::Donut);
        if pie {
            // The printed shares add up to 100.
            let json = news_infographic::shorthand::to_vega_lite(&c.spec, &c.frame).unwrap().to_text();
            let total: f64 = json.split("\"share of v (%)\":").skip(1).map(|t| t.split([',', '}']).next().unwrap().parse::<f64>().unwrap()).sum();
            prop_assert_eq!(total, 100.0);
        }
        let def = ChartDef::Custom(Rc::new(c));
        check_layout(&def, width, Lang::En)?;
    }

    #[test]
    fn custom_charts_stay_clean_at_any_width(c in custom_chart(), width in 200.0f64..2000.0) {
        let def = ChartDef::Custom(Rc::new(c));
        check_layout(&def, width.round(), Lang::En)?;
    }

    #[test]
    fn story_charts_stay_clean_for_any_counts(
        totals in (0u32..5000, 0u32..5000),
        shares in (0.0f64..=1.0, 0.0f64..=1.0),
        industry in prop::collection::vec(prop::option::of(0u32..400), 4),
        width in 200.0f64..2000.0,
        zh in any::<bool>(),
    ) {
        let mut d = Dataset::binzhou();
        let set = |d: &mut Dataset, id: &str, v: Option<u32>| d.values.iter_mut().find(|x| x.id == id).unwrap().value = v.map(f64::from);
        set(&mut d, "F1", Some(totals.0));
        set(&mut d, "F2", Some((totals.0 as f64 * shares.0).floor() as u32));
        set(&mut d, "F3", Some(totals.1));
        set(&mut d, "F4", Some((totals.1 as f64 * shares.1).floor() as u32));
        for (id, v) in ["F5", "F6", "F7", "F8"].iter().zip(&industry) {
            set(&mut d, id, *v);
        }
        d.validate().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let d = Rc::new(d);
        for k in ChartKind::ALL {
            check_layout(&ChartDef::Preset(k, Rc::clone(&d)), width.round(), if zh { Lang::Zh } else { Lang::En })?;
        }
    }

    #[test]
    fn number_columns_stay_clean_at_any_width(
        steps in prop::collection::vec(0.0f64..1e4, 1..3000),
        ys in prop::collection::vec(prop::option::weighted(0.95, -1e9f64..1e9), 3000),
        start in -1e6f64..1e6,
        dots in any::<bool>(),
        width in 200.0f64..2000.0,
    ) {
        // Ascending x from cumulative steps (repeats allowed), y with gaps.
        let xs: Vec<f64> = steps.iter().scan(start, |x, s| { *x += s; Some(*x) }).collect();
        let ys: Vec<f64> = (0..xs.len()).map(|i| ys[i].unwrap_or(f64::NAN)).collect();
        let spec: Spec = serde_json::from_str(if dots { r#"{"kind":"dot","x":"x","y":"y"}"# } else { r#"{"kind":"line","x":"x","y":"y"}"# }).unwrap();
        let xy = news_infographic::xy::Xy::new(spec, xs, ys).map_err(|e| TestCaseError::fail(e.to_string()))?;
        check_layout(&ChartDef::Xy(Rc::new(xy)), width.round(), Lang::En)?;
    }

    #[test]
    fn grouped_sums_equal_the_total(values in prop::collection::vec(prop::option::weighted(0.8, 0u32..10_000), 20)) {
        let mut d: Dataset = serde_json::from_str(BINZHOU_JSON).unwrap();
        for (v, x) in d.values.iter_mut().zip(&values) {
            v.value = x.map(f64::from);
        }
        for by in [GroupBy::Year, GroupBy::Industry, GroupBy::Scope] {
            let rows = run(&d, &Query { filter: Filter::default(), group_by: Some(by) });
            let all = sum(&filter(&d, &Filter::default()));
            let grouped: Option<f64> = rows.iter().map(|r| r.value).sum();
            prop_assert_eq!(grouped, all, "groups by {:?} add up to the whole", by);
            prop_assert_eq!(rows.iter().map(|r| r.count).sum::<usize>(), d.values.len());
        }
    }
}

/// A Vega-Lite spec of several views: small multiples (wrapped, or a row/column grid) or views
/// side by side, over generated rows with missing values and negatives.
fn multi_view_spec() -> impl Strategy<Value = String> {
    (
        prop::collection::vec((0usize..12, 0usize..3, 0usize..5, prop::option::weighted(0.85, -50i32..500)), 1..80),
        0usize..4,
        1usize..6,
        prop::collection::vec(label(), 12),
    )
        .prop_map(|(rows, form, columns, names)| {
            let names: Vec<String> = names.into_iter().map(|n| n.replace(['"', '\\'], "").trim().to_string()).collect();
            let name = |i: usize| {
                let n = names.get(i).filter(|n| !n.is_empty()).cloned().unwrap_or_else(|| format!("panel {i}"));
                format!("{n} {i}")
            };
            let values: Vec<String> = rows
                .iter()
                .map(|(p, g, x, v)| {
                    let v = v.map_or("null".to_string(), |v| v.to_string());
                    format!(r#"{{"p": "{}", "g": "g{g}", "x": "x{x}", "v": {v}}}"#, name(*p))
                })
                .collect();
            let data = format!(r#"{{"values": [{}]}}"#, values.join(","));
            let bars = r#"{"mark": "bar", "encoding": {"x": {"field": "x", "type": "nominal"}, "y": {"field": "v", "type": "quantitative", "aggregate": "sum"}, "color": {"field": "g", "type": "nominal"}}}"#;
            let line = r#"{"mark": {"type": "line", "point": true}, "encoding": {"x": {"field": "x", "type": "ordinal"}, "y": {"field": "v", "type": "quantitative"}, "color": {"field": "g", "type": "nominal"}}}"#;
            match form {
                0 => format!(r#"{{"data": {data}, "facet": {{"field": "p", "type": "nominal"}}, "columns": {columns}, "spec": {bars}}}"#),
                1 => format!(r#"{{"data": {data}, "facet": {{"row": {{"field": "g"}}, "column": {{"field": "x"}}}}, "spec": {line}}}"#),
                2 => format!(r#"{{"data": {data}, "hconcat": [{bars}, {line}]}}"#),
                _ => format!(r#"{{"data": {data}, "concat": [{bars}, {line}, {bars}], "columns": {columns}}}"#),
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::default())]

    // Panels and views: at any width, nothing overlaps, nothing is clipped, every mark sits in
    // the box of the plots, and the layout is as wide as asked.
    #[test]
    fn multi_view_charts_stay_clean_at_any_width(spec in multi_view_spec(), width in 320.0f64..2000.0) {
        let json = news_infographic::grammar::Json::parse(&spec).unwrap();
        let chart = news_infographic::grammar::Chart::new(&json, &|_| Err("no files".into()))
            .map_err(|e| TestCaseError::fail(format!("{e}\n{spec}")))?;
        let def = ChartDef::VegaLite(Rc::new(chart));
        check_layout(&def, width, Lang::En)?;
        let l = def.layout(width, Lang::En, &Theme::get(ThemeName::Light)).unwrap();
        prop_assert_eq!(l.width, width);
        for it in &l.items {
            let (cx, cy) = (it.mark.x + it.mark.w / 2.0, it.mark.y + it.mark.h / 2.0);
            prop_assert!(cx >= l.plot.x - 1.0 && cx <= l.plot.right() + 1.0 && cy >= l.plot.y - 1.0 && cy <= l.plot.bottom() + 1.0,
                "mark {:?} outside the plots {:?} at {}", it.mark, l.plot, width);
            prop_assert!(it.mark.right() <= width + 0.5, "mark past the right edge at {}", width);
        }
    }
}
