//! Small multiples of the kinds whose layers carry their own data (dumbbell, arrow, slope,
//! pie, donut, waffle), and of any kind with annotations (their lines' data, a panel's mean
//! among them): the numbers those kinds show (changes, shares, "Other", squares) belong
//! to one panel's rows, so the kind writes its view once per panel, from that panel's rows, and
//! [`merge`] joins the views into one that Vega-Lite's `facet` operator can split again: every
//! layer's rows in one inline dataset, each row tagged with its panel's value and its layer,
//! and each layer reading back its own rows with a `filter`. Lists that differ between panels
//! (a sort order, a colour domain) are joined in order, so the panels share their scales.

use super::{cell, field, obj, Ctx, View};
use crate::error::Error;
use crate::frame::Frame;
use crate::grammar::Json;

/// The field naming each merged row's layer: "layer", or with underscores before it if the
/// data has a column of that name.
pub fn layer_field(f: &Frame) -> String {
    let mut name = "layer".to_string();
    while f.column(&name).is_some() {
        name.insert(0, '_');
    }
    name
}

/// One panel of small multiples: its name (the facet cell's text, as the data has it), its
/// value (as inline data writes it) and its rows.
pub struct Split {
    /// The cell's text ("2023", "steel").
    pub name: String,
    /// The cell as a JSON value (a number stays a number).
    pub value: Json,
    /// The panel's rows.
    pub rows: Frame,
}

/// The frame's rows split by the facet column, in the order the values first appear.
pub fn split(f: &Frame, facet: usize) -> Vec<Split> {
    let mut out: Vec<Split> = Vec::new();
    for row in &f.rows {
        let t = row[facet].text();
        let k = match out.iter().position(|p| p.name == t) {
            Some(k) => k,
            None => {
                let rows = Frame { columns: f.columns.clone(), rows: Vec::new() };
                out.push(Split { name: t, value: cell(&row[facet]), rows });
                out.len() - 1
            }
        };
        out[k].rows.rows.push(row.clone());
    }
    out
}

/// One panel's view as layers: the members around them (`encoding` they share, `width`, ...)
/// and each layer with its rows (its own data, or the view's).
fn layers_of(mut view: View) -> (View, Vec<(Json, Vec<Json>)>) {
    let mut take = |k: &str| view.iter().position(|(n, _)| n == k).map(|i| view.remove(i).1);
    let top = take("data").map(rows_of).unwrap_or_default();
    let layers = match take("layer") {
        Some(Json::Arr(list)) => list,
        _ => {
            // A single view: its mark, encoding and transforms are its one layer.
            let unit: Vec<(String, Json)> = ["mark", "encoding", "transform"]
                .into_iter()
                .filter_map(|k| take(k).map(|v| (k.to_string(), v)))
                .collect();
            vec![Json::Obj(unit)]
        }
    };
    let layers = layers
        .into_iter()
        .map(|l| match l {
            Json::Obj(mut m) => {
                let own = m.iter().position(|(n, _)| n == "data").map(|i| m.remove(i).1);
                let rows = own.map(rows_of).unwrap_or_else(|| top.clone());
                (Json::Obj(m), rows)
            }
            other => (other, top.clone()),
        })
        .collect();
    (view, layers)
}

/// The rows of inline data (`{"values": [...]}`).
fn rows_of(data: Json) -> Vec<Json> {
    match data {
        Json::Obj(m) => m.into_iter().find(|(k, _)| k == "values").and_then(|(_, v)| match v {
            Json::Arr(a) => Some(a),
            _ => None,
        }),
        _ => None,
    }
    .unwrap_or_default()
}

/// What must be the same in every panel: the JSON with its `sort` and `domain` lists left out.
fn signature(j: &Json) -> String {
    fn blank(j: &Json) -> Json {
        match j {
            Json::Obj(m) => Json::Obj(
                m.iter()
                    .map(|(k, v)| {
                        let v = if matches!((k.as_str(), v), ("sort" | "domain", Json::Arr(_))) {
                            Json::Null
                        } else {
                            blank(v)
                        };
                        (k.clone(), v)
                    })
                    .collect(),
            ),
            Json::Arr(a) => Json::Arr(a.iter().map(blank).collect()),
            v => v.clone(),
        }
    }
    blank(j).to_text()
}

/// Adds to `into`'s `sort` and `domain` lists the values of `from`'s it lacks, in order.
fn join_lists(into: &mut Json, from: &Json) {
    match (into, from) {
        (Json::Obj(a), Json::Obj(b)) => {
            for (k, v) in a.iter_mut() {
                let Some((_, w)) = b.iter().find(|(k2, _)| k2 == k) else { continue };
                match (k.as_str(), &mut *v, w) {
                    ("sort" | "domain", Json::Arr(xs), Json::Arr(ys)) => {
                        for y in ys {
                            if !xs.contains(y) {
                                xs.push(y.clone());
                            }
                        }
                    }
                    _ => join_lists(v, w),
                }
            }
        }
        (Json::Arr(a), Json::Arr(b)) if a.len() == b.len() => {
            for (x, y) in a.iter_mut().zip(b) {
                join_lists(x, y);
            }
        }
        _ => {}
    }
}

/// One merged layer: its JSON (without data), the id its rows carry, and the rows.
struct Merged {
    sig: String,
    layer: Json,
    id: usize,
    rows: Vec<Json>,
}

/// The kind's view written once per panel (each from its own rows) and merged into one view
/// with every layer's rows tagged by panel and layer; the facet column's value is in each row.
pub fn merge(cx: &Ctx, facet: &str, view: &dyn Fn(&Ctx) -> Result<View, Error>) -> Result<View, Error> {
    let Some(col) = cx.frame.column(facet) else {
        return Err(Error::Invalid { path: "spec.facet".into(), message: format!("\"{facet}\" is not a column") });
    };
    let tag = layer_field(cx.frame);
    let mut around: Option<View> = None;
    let mut merged: Vec<Merged> = Vec::new();
    for Split { name, value, rows } in split(cx.frame, col) {
        let series = if cx.spec.kind.aggregates() { Some(crate::series::build(cx.spec, &rows)?) } else { None };
        let one = Ctx { spec: cx.spec, frame: &rows, whole: cx.whole, series: series.as_ref() };
        let v = view(&one).map_err(|e| in_panel(e, facet, &name))?;
        let (rest, layers) = layers_of(v);
        match &mut around {
            None => around = Some(rest),
            Some(a) => {
                let mut a_json = Json::Obj(std::mem::take(a));
                join_lists(&mut a_json, &Json::Obj(rest));
                if let Json::Obj(m) = a_json {
                    *a = m;
                }
            }
        }
        let mut at = 0;
        for (layer, rows) in layers {
            let sig = signature(&layer);
            let k = match merged[at..].iter().position(|m| m.sig == sig) {
                Some(k) => {
                    join_lists(&mut merged[at + k].layer, &layer);
                    at + k
                }
                None => {
                    let id = merged.len();
                    merged.insert(at, Merged { sig, layer, id, rows: Vec::new() });
                    at
                }
            };
            at = k + 1;
            let id = merged[k].id;
            // A field the kind writes under the facet column's name would be overwritten.
            let clash = rows.iter().any(|r| r.get(facet).is_some_and(|v| *v != value && *v != Json::Null));
            if clash {
                return Err(Error::Invalid {
                    path: "spec.facet".into(),
                    message: format!(
                        "`{facet}` is also a name the {} chart gives its own values: rename the column",
                        cx.spec.kind.name()
                    ),
                });
            }
            merged[k].rows.extend(rows.into_iter().map(|r| match r {
                Json::Obj(mut m) => {
                    m.retain(|(n, _)| n != facet && *n != tag);
                    m.push((facet.to_string(), value.clone()));
                    m.push((tag.clone(), Json::Num(id as f64)));
                    Json::Obj(m)
                }
                other => other,
            }));
        }
    }
    let mut all = Vec::new();
    let mut layers = Vec::new();
    for m in merged {
        all.extend(m.rows);
        let filter = obj(vec![("filter", obj(vec![("field", field(&tag)), ("equal", Json::Num(m.id as f64))]))]);
        let Json::Obj(mut l) = m.layer else { continue };
        match l.iter_mut().find(|(k, _)| k == "transform") {
            Some((_, Json::Arr(t))) => t.insert(0, filter),
            _ => l.insert(0, ("transform".into(), Json::Arr(vec![filter]))),
        }
        layers.push(Json::Obj(l));
    }
    let mut out = vec![("data".to_string(), obj(vec![("values", Json::Arr(all))]))];
    out.extend(around.unwrap_or_default());
    out.push(("layer".into(), Json::Arr(layers)));
    Ok(out)
}

/// A panel's error, saying which panel.
fn in_panel(e: Error, facet: &str, v: &str) -> Error {
    match e {
        Error::Invalid { path, message } => {
            Error::Invalid { path, message: format!("in the panel for {facet} \"{v}\": {message}") }
        }
        other => other,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::shorthand::tests::{chart_of, try_chart};

    fn compiled(c: &crate::custom::Custom, w: f64) -> crate::grammar::Compiled {
        c.compiled(w, crate::data::Lang::En, &crate::shorthand::tests::light()).unwrap().0
    }

    fn texts(c: &crate::grammar::Compiled) -> Vec<&str> {
        c.layout.labels.iter().map(|l| l.text.as_str()).collect()
    }

    const TWO_CITIES: &str = "city,scope,year,n\nBinzhou,world,2021,4\nBinzhou,world,2023,15\nBinzhou,china,2021,33\nBinzhou,china,2023,38\nJinan,world,2021,9\nJinan,world,2023,6\nJinan,china,2021,1\nJinan,china,2023,3\n";

    #[test]
    fn pies_per_panel_each_make_a_whole() {
        // Binzhou 2023: 15 of 53 = 28.3 % -> 28 and 72; Jinan 2023: 6 of 9 -> 67 and 33.
        let csv: String = TWO_CITIES.lines().filter(|l| !l.contains("2021")).collect::<Vec<_>>().join("\n");
        let c = chart_of(&csv, r#"{"kind": "pie", "x": "scope", "y": "n", "facet": "city"}"#);
        let laid = compiled(&c, 900.0);
        let t = texts(&laid);
        for want in ["Binzhou", "Jinan", "28%", "72%", "67%", "33%"] {
            assert!(t.contains(&want), "{want} in {t:?}");
        }
        assert_eq!(c.grammar.panels.len(), 2);
        // Two slices per pie, each a record naming its panel first.
        assert_eq!(
            laid.counts,
            vec![(crate::grammar::mark::MarkType::Arc, 4), (crate::grammar::mark::MarkType::Text, 4)]
        );
        let arcs: Vec<(String, String)> = laid
            .records
            .iter()
            .filter(|r| r[1].1.to_text() == "arc")
            .map(|r| (r[0].1.to_text(), r[2].1.to_text()))
            .collect();
        let pairs = |v: [(&str, &str); 4]| v.map(|(a, b)| (a.to_string(), b.to_string())).to_vec();
        assert_eq!(arcs, pairs([("Binzhou", "china"), ("Binzhou", "world"), ("Jinan", "world"), ("Jinan", "china")]));
        crate::layout::assert_clean(&laid.layout, "pie panels");
        // Each panel its own theta scale (Vega-Lite's default in a facet): Jinan's pie of 9 is
        // as whole a circle as Binzhou's of 53, not 9/53 of one.
        let area = |pts: &[(f64, f64)]| {
            let n = pts.len();
            (0..n).map(|i| pts[i].0 * pts[(i + 1) % n].1 - pts[(i + 1) % n].0 * pts[i].1).sum::<f64>().abs() / 2.0
        };
        let mut per_panel = [0.0f64; 2];
        for sh in &laid.layout.shapes {
            if let crate::layout::Geom::Polygon(pts) = &sh.geom {
                let cx = pts.iter().map(|p| p.0).sum::<f64>() / pts.len() as f64;
                let k = if cx < laid.unit_plots[2].x { 0 } else { 1 };
                per_panel[k] += area(pts);
            }
        }
        assert!((per_panel[0] / per_panel[1] - 1.0).abs() < 0.02, "whole pies in both panels: {per_panel:?}");
        // The summary gives each panel's whole and shares.
        assert_eq!(
            c.summary(crate::data::Lang::En),
            "2 panels, one per city. Binzhou: 53 in all: world 15 (28.3%), china 38 (71.7%). Jinan: 9 in all: world 6 (66.7%), china 3 (33.3%)."
        );
        // The exported Vega-Lite is one facet of the merged rows: valid for any Vega-Lite tool.
        let j = crate::shorthand::to_vega_lite(&c.spec, &c.frame).unwrap();
        let text = j.to_text();
        assert!(
            text.contains(r#""facet":{"field":"city""#) && text.contains(r#""filter":{"field":"layer","equal":0}"#),
            "{text}"
        );
    }

    #[test]
    fn waffles_per_panel_count_their_own_squares() {
        let csv: String = TWO_CITIES.lines().filter(|l| !l.contains("2021")).collect::<Vec<_>>().join("\n");
        let c = chart_of(&csv, r#"{"kind": "waffle", "x": "scope", "y": "n", "facet": "city", "columns": 2}"#);
        let laid = compiled(&c, 1000.0);
        // 15 + 38 squares in Binzhou's panel, 6 + 3 in Jinan's.
        assert_eq!(laid.counts, vec![(crate::grammar::mark::MarkType::Rect, 62)]);
        let in_panel = |city: &str| laid.records.iter().filter(|r| r[0].1.to_text() == city).count();
        assert_eq!((in_panel("Binzhou"), in_panel("Jinan")), (53, 9));
        assert!(
            c.summary(crate::data::Lang::En).contains("Jinan: 9 in all: world 6 (66.7%), china 3 (33.3%)."),
            "{}",
            c.summary(crate::data::Lang::En)
        );
        for w in [320.0, 375.0, 640.0, 1280.0] {
            crate::layout::assert_clean(&compiled(&c, w).layout, &format!("waffle panels at {w}"));
        }
    }

    #[test]
    fn dumbbells_and_arrows_per_panel_write_each_panels_change() {
        for kind in ["dumbbell", "arrow"] {
            let spec = format!(r#"{{"kind": "{kind}", "x": "scope", "y": "n", "color": "year", "facet": "city"}}"#);
            let c = chart_of(TWO_CITIES, &spec);
            for w in [320.0, 375.0, 640.0, 1280.0, 2000.0] {
                let laid = compiled(&c, w);
                let t = texts(&laid);
                // Binzhou world 4 -> 15, china 33 -> 38; Jinan world 9 -> 6, china 1 -> 3.
                for want in ["+11", "+5", "-3", "+2"] {
                    assert!(t.contains(&want), "{kind} at {w}: {want} in {t:?}");
                }
                crate::layout::assert_clean(&laid.layout, &format!("{kind} panels at {w}"));
                assert!(
                    laid.layout.labels.iter().all(|l| l.bbox().right() <= w + 0.5 && l.bbox().x >= -0.5),
                    "{kind} at {w}: labels inside"
                );
            }
        }
        // A panel with rows for only one of the two years still pairs the same two.
        let csv = "city,scope,year,n\nA,x,2021,1\nA,x,2023,2\nB,x,2023,5\n";
        let c = chart_of(csv, r#"{"kind": "dumbbell", "x": "scope", "y": "n", "color": "year", "facet": "city"}"#);
        let t: Vec<String> = compiled(&c, 640.0).layout.labels.iter().map(|l| l.text.clone()).collect();
        assert!(t.contains(&"+1".to_string()) && t.contains(&"change not reported".to_string()), "{t:?}");
        // The table: one row per panel and x value, a column per year; B's 2021 is empty.
        let table = c.table(crate::data::Lang::En);
        assert_eq!(table.columns, ["city", "scope", "2021", "2023"]);
        assert_eq!(table.rows, [["A", "x", "1", "2"], ["B", "x", "", "5"]]);
    }

    #[test]
    fn slopes_per_panel_keep_labels_inside_their_panel() {
        let spec = r#"{"kind": "slope", "x": "scope", "y": "n", "color": "year", "facet": "city"}"#;
        let c = chart_of(TWO_CITIES, spec);
        for w in [320.0, 375.0, 640.0, 1280.0, 2000.0] {
            let laid = compiled(&c, w);
            crate::layout::assert_clean(&laid.layout, &format!("slope panels at {w}"));
            let t = texts(&laid);
            for n in [" 4", " 33", " 9", " 1"] {
                assert!(t.iter().any(|x| x.ends_with(n)), "left label ending {n} at {w}: {t:?}");
            }
        }
        let laid = compiled(&c, 1280.0);
        // Each panel's labels stay clear of the other panel, and numbers are never cut.
        let plots: Vec<_> = (0..2).map(|p| laid.unit_plots[p * 4]).collect();
        for p in 0..plots.len() {
            for k in [2, 3] {
                for l in &laid.layout.labels[laid.unit_labels[p * 4 + k].clone()] {
                    let b = l.bbox();
                    let other = plots[1 - p];
                    assert!(!b.intersects(&other), "panel {p}: {l:?} reaches into {other:?}");
                    assert!(b.x >= -0.5 && b.right() <= 1280.5, "{l:?}");
                }
            }
        }
    }

    #[test]
    fn panel_problems_name_the_panel_and_facets_on_the_pair_are_refused() {
        let csv = "city,k,v\nA,a,1\nA,b,2\nB,a,\nB,b,3\n";
        let e = try_chart(csv, r#"{"kind": "pie", "x": "k", "y": "v", "facet": "city"}"#).unwrap_err();
        assert!(e.contains("in the panel for city \"B\"") && e.contains("\"a\" is not reported"), "{e}");
        let e = try_chart(TWO_CITIES, r#"{"kind": "slope", "x": "scope", "y": "n", "color": "year", "facet": "year"}"#)
            .unwrap_err();
        assert!(e.contains("`spec.facet`") && e.contains("already a part"), "{e}");
        // A facet column named like a field the kind writes (a pie's "label") is refused.
        let csv_label = "label,k,v\nA,a,1\nA,b,2\nB,a,4\nB,b,3\n";
        let e = try_chart(csv_label, r#"{"kind": "pie", "x": "k", "y": "v", "facet": "label"}"#).unwrap_err();
        assert!(e.contains("`spec.facet`: `label` is also a name the pie chart gives its own values"), "{e}");
        // A column named "layer" does not clash with the tag on the merged rows.
        let csv = "layer,k,v\nA,a,1\nA,b,2\nB,a,4\nB,b,3\n";
        let c = chart_of(csv, r#"{"kind": "donut", "x": "k", "y": "v", "facet": "layer"}"#);
        assert_eq!(super::layer_field(&c.frame), "_layer");
        assert_eq!(compiled(&c, 640.0).counts[0], (crate::grammar::mark::MarkType::Arc, 4));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod annotation_tests {
    use crate::shorthand::tests::chart_of;

    fn laid(c: &crate::custom::Custom, w: f64) -> (crate::grammar::Compiled, Vec<String>) {
        c.compiled(w, crate::data::Lang::En, &crate::shorthand::tests::light()).unwrap()
    }

    const CSV: &str = "year,sector,v\n2021,steel,4\n2022,steel,8\n2021,paper,12\n2022,paper,20\n";

    #[test]
    fn lines_are_drawn_in_every_panel_with_its_own_mean_and_a_note_in_one() {
        let spec = r#"{"kind": "column", "x": "year", "y": "v", "facet": "sector", "columns": 2, "annotations": [
            {"type": "line", "value": "mean"},
            {"type": "range", "from": 21, "to": 24, "label": "goal"},
            {"type": "note", "x": 2022, "text": "Paper doubled", "panel": "paper"},
            {"type": "note", "x": 2021, "text": "First year"}]}"#;
        let c = chart_of(CSV, spec);
        for w in [320.0, 375.0, 640.0, 1280.0, 2000.0] {
            let (laid, moved) = laid(&c, w);
            let texts: Vec<&str> = laid.layout.labels.iter().map(|l| l.text.as_str()).collect();
            // steel: (4 + 8) / 2 = 6; paper: (12 + 20) / 2 = 16.
            assert!(texts.contains(&"Mean: 6") && texts.contains(&"Mean: 16"), "{w}: {texts:?}");
            let goals = texts.iter().filter(|t| **t == "goal").count() + moved.iter().filter(|m| *m == "goal").count();
            assert_eq!(goals, 2, "a range in each panel at {w}: {texts:?} {moved:?}");
            for note in ["Paper doubled", "First year"] {
                let shown = texts.iter().filter(|t| t.starts_with(&note[..5])).count()
                    + moved.iter().filter(|m| *m == note).count();
                assert_eq!(shown, 1, "{note} once at {w}: {texts:?} {moved:?}");
            }
            crate::layout::assert_clean(&laid.layout, &format!("annotated panels at {w}"));
        }
        // The note named for paper is inside paper's panel (the second), the other in steel's.
        let (laid, _) = laid(&c, 1280.0);
        let per = c.grammar.panels[0].units.len();
        let paper = laid.unit_plots[per];
        let steel = laid.unit_plots[0];
        let at = |t: &str| laid.layout.labels.iter().find(|l| l.text.starts_with(t)).map(|l| l.bbox()).unwrap();
        let (a, b) = (at("Paper"), at("First"));
        assert!(a.x >= paper.x - 4.5 && a.right() <= paper.right() + 4.5, "{a:?} in {paper:?}");
        assert!(b.x >= steel.x - 4.5 && b.right() <= steel.right() + 4.5, "{b:?} in {steel:?}");
        // The two means are two rule marks, one per panel, at each panel's own value.
        let rules = laid.counts.iter().find(|(m, _)| *m == crate::grammar::mark::MarkType::Rule).map(|c| c.1);
        assert_eq!(rules, Some(2));
    }

    #[test]
    fn dumbbell_panels_keep_their_change_labels_under_a_reference_line() {
        let csv = "city,scope,year,n\nA,x,2021,1\nA,x,2023,9\nA,y,2021,4\nA,y,2023,5\nB,x,2021,3\nB,x,2023,2\nB,y,2021,7\nB,y,2023,8\n";
        let spec = r#"{"kind": "dumbbell", "x": "scope", "y": "n", "color": "year", "facet": "city",
            "annotations": [{"type": "line", "value": 6, "label": "target"}]}"#;
        let c = chart_of(csv, spec);
        for w in [320.0, 640.0, 1280.0] {
            let (laid, _) = laid(&c, w);
            let texts: Vec<&str> = laid.layout.labels.iter().map(|l| l.text.as_str()).collect();
            for want in ["+8", "+1", "-1", "target"] {
                assert!(texts.contains(&want), "{want} at {w}: {texts:?}");
            }
            crate::layout::assert_clean(&laid.layout, &format!("dumbbell with a line at {w}"));
        }
    }
}
