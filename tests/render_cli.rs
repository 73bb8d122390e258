//! The `render` command-line tool (src/bin/render.rs), run as a process: SVG and PNG output,
//! Chinese text, `--all` into a folder, and errors that name the bad flag or value.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::process::{Command, Output};

use resvg::tiny_skia::Pixmap;

fn render(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_render")).args(args).output().expect("render runs")
}

fn ok(args: &[&str]) -> Output {
    let out = render(args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "render {args:?} failed ({}): {stderr}", out.status);
    assert!(!stderr.contains("warning"), "render {args:?} warned: {stderr}");
    out
}

/// Fails with a message on standard error that contains every one of `needles`.
fn fails(args: &[&str], needles: &[&str]) {
    let out = render(args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "render {args:?} should fail");
    assert!(out.stdout.is_empty(), "render {args:?} wrote to stdout on error");
    assert!(!stderr.contains("panicked"), "render {args:?} panicked: {stderr}");
    assert!(stderr.starts_with("render: error: "), "{stderr}");
    for n in needles {
        assert!(stderr.contains(n), "render {args:?}: {n:?} missing from {stderr:?}");
    }
}

fn svg(args: &[&str]) -> String {
    String::from_utf8(ok(args).stdout).expect("SVG is UTF-8")
}

/// `width="W" height="H"` of the root element.
fn svg_size(s: &str) -> (u32, u32) {
    let attr = |name: &str| -> u32 {
        let start = s.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        s[start..].split('"').next().unwrap().parse().unwrap()
    };
    (attr("width"), attr("height"))
}

/// Width and height from the IHDR chunk, after checking the PNG signature.
fn png_size(png: &[u8]) -> (u32, u32) {
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "PNG signature");
    assert_eq!(&png[12..16], b"IHDR");
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    (be(&png[16..20]), be(&png[20..24]))
}

/// Share of pixels within `tol` of `rgb` in each channel.
fn share_near(p: &Pixmap, rgb: (u8, u8, u8), tol: u8) -> f64 {
    let n = p.pixels().iter().filter(|c| {
        c.red().abs_diff(rgb.0) <= tol && c.green().abs_diff(rgb.1) <= tol && c.blue().abs_diff(rgb.2) <= tol
    });
    n.count() as f64 / p.pixels().len() as f64
}

fn tmp(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("render_cli").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn svg_to_stdout_carries_the_figures_as_text() {
    let s = svg(&["--chart", "champions-by-year", "--format", "svg", "--lang", "en", "--theme", "light"]);
    assert!(s.starts_with("<svg "), "{}", &s[..80]);
    assert_eq!(svg_size(&s).0, 640);
    for text in ["\n53\n", "\n37\n", "\n15\n", "\n4\n", "\n38\n", "\n33\n"] {
        assert!(s.contains(text), "{text:?} missing");
    }
    // The defaults are svg, en, light and 640 px: the same document.
    assert_eq!(svg(&["--chart", "champions-by-year"]), s);

    let s = svg(&["--chart", "champions-by-industry"]);
    assert_eq!(s.matches("\nnot reported\n").count(), 6);
    assert!(s.contains("\n6 (2024)\n"));

    let s = svg(&["--chart", "claims-check", "--width", "375"]);
    assert_eq!(svg_size(&s).0, 375);
    assert!(s.contains("Does not match"));
}

#[test]
fn chinese_and_dark() {
    let s = svg(&["--chart", "champions-by-industry", "--lang", "zh", "--theme", "dark"]);
    assert_eq!(s.matches("\n未报道\n").count(), 6);
    assert!(s.contains("fill=\"#181A1F\""), "dark background");
    assert!(!s.contains("not reported"));
}

#[test]
fn png_is_the_svg_at_scale() {
    let s = svg(&["--chart", "champions-by-year"]);
    let (w, h) = svg_size(&s);
    let png = ok(&["--chart", "champions-by-year", "--format", "png"]).stdout;
    assert_eq!(png_size(&png), (w * 2, h * 2), "default scale 2");

    let p = Pixmap::decode_png(&png).expect("PNG decodes");
    assert_eq!((p.width(), p.height()), (1280, h * 2));
    assert!(share_near(&p, (255, 255, 255), 0) > 0.5, "mostly white background");
    assert!(share_near(&p, (194, 65, 12), 2) > 0.01, "world-first bars drawn");
    assert!(share_near(&p, (37, 99, 160), 2) > 0.05, "China-only bars drawn");
    assert!(share_near(&p, (26, 26, 26), 60) > 0.002, "text drawn");

    let dir = tmp("png");
    let file = dir.join("year.png");
    let out = ok(&["--chart", "champions-by-year", "--format", "png", "--width", "400", "--scale", "1.5", "--out"]
        .into_iter()
        .chain([file.to_str().unwrap()])
        .collect::<Vec<_>>());
    assert!(out.stdout.is_empty());
    assert_eq!(png_size(&std::fs::read(&file).unwrap()).0, 600);
}

#[test]
fn chinese_png_has_its_glyphs() {
    // `ok` also asserts no "warning": the tool warns when no installed font has a character.
    let zh = ok(&["--chart", "claims-check", "--format", "png", "--lang", "zh", "--theme", "dark"]).stdout;
    let p = Pixmap::decode_png(&zh).unwrap();
    assert!(share_near(&p, (24, 26, 31), 0) > 0.5, "dark background");
    assert!(share_near(&p, (236, 236, 236), 60) > 0.005, "light text drawn");
}

#[test]
fn all_writes_every_chart_language_and_theme() {
    let dir = tmp("all");
    let out = ok(&["--all", "--out-dir", dir.to_str().unwrap()]);
    // Per chart and language: the index, the two 640 px SVGs and 2 x 26 first-pixels widths;
    // per language the overview's index.
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("wrote 332 files"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut names: Vec<String> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    let widths = [
        280, 288, 300, 320, 328, 336, 343, 352, 358, 361, 368, 380, 382, 390, 398, 414, 448, 480, 520, 560, 600, 640,
        720, 800, 960, 1200,
    ];
    let mut expected = vec!["overview.en.json".to_string(), "overview.zh.json".to_string()];
    for chart in ["champions-by-year", "champions-by-industry", "claims-check"] {
        for lang in ["en", "zh"] {
            expected.push(format!("{chart}.{lang}.json"));
            for theme in ["light", "dark"] {
                expected.push(format!("{chart}.{lang}.{theme}.svg"));
                for w in widths {
                    expected.push(format!("{chart}.{lang}.{theme}.{w}.svg"));
                }
            }
        }
    }
    expected.sort();
    assert_eq!(names, expected);
    // The first-pixels rendering at 640 px is the 640 px chart itself.
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
    assert_eq!(read("claims-check.zh.dark.640.svg"), read("claims-check.zh.dark.svg"));
    let ix: serde_json::Value = serde_json::from_str(&read("claims-check.zh.json")).unwrap();
    assert_eq!(ix["first"]["svg"], "claims-check.zh.{theme}.{width}.svg");
    assert_eq!(ix["first"]["sizes"].as_array().unwrap().len(), widths.len());
    assert_eq!(ix["ui"]["get_data"], "下载数据");

    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
    assert_eq!(read("champions-by-year.en.light.svg"), svg(&["--chart", "champions-by-year"]));
    assert!(read("champions-by-industry.zh.dark.svg").contains("\n未报道\n"));

    let j: serde_json::Value = serde_json::from_str(&read("champions-by-year.en.json")).unwrap();
    assert_eq!(j["title"], "Champion products, 2021 and 2023");
    assert!(j["summary"].as_str().unwrap().contains("from 37 in 2021 to 53 in 2023"));
    assert!(j["subtitle"].is_string());
    assert_eq!(j["table"]["rows"][1][1], "53");
    assert_eq!(j["table"]["columns"].as_array().unwrap().len(), 5);
    let j: serde_json::Value = serde_json::from_str(&read("champions-by-industry.zh.json")).unwrap();
    assert_eq!(j["table"]["rows"][2][1], "未报道");
    assert_eq!(j["title"], "各行业的冠军产品");
}

#[test]
fn errors_name_the_flag_or_value() {
    fails(&["--chart", "pie"], &["--chart", "\"pie\"", "champions-by-year"]);
    fails(&["--colour", "red"], &["unknown flag", "--colour"]);
    fails(&["--chart=claims-check", "--bogus"], &["--bogus"]);
    fails(&["--chart", "claims-check", "stray"], &["\"stray\""]);
    fails(&["--chart", "claims-check", "--lang", "fr"], &["--lang", "\"fr\""]);
    fails(&["--chart", "claims-check", "--theme", "sepia"], &["--theme", "\"sepia\""]);
    fails(&["--chart", "claims-check", "--format", "gif"], &["--format", "\"gif\""]);
    fails(&["--chart", "claims-check", "--width", "wide"], &["--width", "\"wide\""]);
    fails(&["--chart", "claims-check", "--width", "10"], &["--width", "200 to 4000"]);
    fails(&["--chart", "claims-check", "--format", "png", "--scale", "0"], &["--scale"]);
    fails(&["--chart", "claims-check", "--scale", "2"], &["--scale", "png"]);
    fails(&["--chart"], &["--chart needs a value"]);
    fails(&["--chart", "claims-check", "--chart", "claims-check"], &["--chart", "more than once"]);
    fails(&[], &["--chart", "--all"]);
    fails(&["--all"], &["--out-dir"]);
    fails(&["--all", "--out-dir", "x", "--chart", "claims-check"], &["--all", "--chart"]);
    fails(&["--chart", "claims-check", "--out-dir", "x"], &["--out-dir"]);
    fails(&["--chart", "claims-check", "--data", "no/such/file.json"], &["--data", "no/such/file.json"]);

    let dir = tmp("errors");
    let bad = dir.join("bad.json");
    std::fs::write(&bad, "{\"id\": 1").unwrap();
    fails(&["--chart", "claims-check", "--data", bad.to_str().unwrap()], &["--data", "dataset could not be read"]);

    let help = ok(&["--help"]);
    assert!(String::from_utf8(help.stdout).unwrap().contains("--out-dir DIR"));
}

#[test]
fn data_flag_reads_another_dataset() {
    let dir = tmp("data");
    let mut d: serde_json::Value = serde_json::from_str(news_infographic::data::BINZHOU_JSON).unwrap();
    let v = d["values"].as_array_mut().unwrap().iter_mut().find(|v| v["id"] == "F3").unwrap();
    v["value"] = 61.into();
    let path = dir.join("other.json");
    std::fs::write(&path, d.to_string()).unwrap();
    let s = svg(&["--chart", "champions-by-year", "--data", path.to_str().unwrap()]);
    assert!(s.contains("\n61\n") && !s.contains("\n53\n"));
}

#[test]
fn static_dir_writes_a_newsroom_charts_first_pixels() {
    let dir = tmp("first");
    let spec = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/e2e/fixtures/first-bar.vl.json");
    let out = ok(&["--vega-lite", spec, "--static-dir", dir.to_str().unwrap(), "--lang", "zh"]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("wrote 53 files") && said.contains("first-bar.json"), "{said}");
    let ix: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("first-bar.json")).unwrap()).unwrap();
    assert_eq!(ix["title"], "Parcels delivered per depot");
    assert_eq!(ix["ui"]["show_table"], "以表格显示");
    assert_eq!(ix["table"]["rows"].as_array().unwrap().len(), 4);
    let sizes = ix["first"]["sizes"].as_array().unwrap();
    for s in sizes {
        let (w, h) = (s[0].as_u64().unwrap() as u32, s[1].as_u64().unwrap() as u32);
        let file = std::fs::read_to_string(dir.join(format!("first-bar.dark.{w}.svg"))).unwrap();
        assert_eq!(svg_size(&file), (w, h));
    }
    // The 640 px rendering is what `--width 640` draws.
    let light = std::fs::read_to_string(dir.join("first-bar.light.640.svg")).unwrap();
    assert_eq!(light, svg(&["--vega-lite", spec, "--lang", "zh", "--width", "640"]));
    fails(&["--chart", "claims-check", "--static-dir", "x"], &["--static-dir", "--vega-lite or --custom"]);
    fails(&["--vega-lite", spec, "--static-dir", "x", "--out", "y"], &["drop --out"]);
    fails(&["--vega-lite", spec, "--static-dir", "x", "--width", "500"], &["drop --width"]);
}

#[test]
fn a_large_csv_line_chart_is_drawn_from_number_columns() {
    // 150,000 rows: over the 100,000 rows of other charts, drawn as the widget draws it.
    let dir = tmp("large-line");
    let rows = dir.join("rows.csv");
    let mut text = String::from("t,v\n");
    for i in 0..150_000 {
        text.push_str(&format!("{i},{}\n", (i * 37) % 500));
    }
    std::fs::write(&rows, text).unwrap();
    let spec = dir.join("spec.json");
    std::fs::write(&spec, r#"{"kind": "line", "x": "t", "y": "v", "title": "Large"}"#).unwrap();
    let (s, r) = (spec.to_str().unwrap(), rows.to_str().unwrap());
    let out = svg(&["--custom", s, "--rows", r, "--width", "640"]);
    // The series, decimated to at most two points per pixel column of the plot.
    let longest = out.split("points=\"").skip(1).map(|p| p.split('"').next().unwrap_or("").split(' ').count()).max();
    assert!(longest.is_some_and(|n| (200..=1300).contains(&n)), "{longest:?}");
    // No Vega-Lite spec for it (the data would have to be written inline). A bar chart of the
    // same file is summed as read, and refused for its 150,000 bars; a mean is over the
    // frame's row limit.
    fails(&["--custom", s, "--rows", r, "--spec"], &["drawn from number columns, without a Vega-Lite spec"]);
    std::fs::write(&spec, r#"{"kind": "bar", "x": "t", "y": "v"}"#).unwrap();
    fails(&["--custom", s, "--rows", r], &["has 150000 different values; this chart shows at most 250"]);
    std::fs::write(&spec, r#"{"kind": "bar", "x": "t", "y": "v", "aggregate": "mean"}"#).unwrap();
    fails(&["--custom", s, "--rows", r], &["more than 100000 rows"]);
}

#[test]
fn a_large_csv_of_a_chart_that_sums_is_summed_as_read() {
    // 150,000 rows in five groups: its Vega-Lite spec holds the five sums as its data.
    let dir = tmp("large-sums");
    let rows = dir.join("rows.csv");
    let mut text = String::from("g,v\n");
    for i in 0..150_000 {
        text.push_str(&format!("g{},{}\n", i % 5, i % 3));
    }
    std::fs::write(&rows, text).unwrap();
    let spec = dir.join("spec.json");
    std::fs::write(&spec, r#"{"kind": "column", "x": "g", "y": "v"}"#).unwrap();
    let (s, r) = (spec.to_str().unwrap(), rows.to_str().unwrap());
    assert!(svg(&["--custom", s, "--rows", r]).contains("<svg"));
    let vl = String::from_utf8(ok(&["--custom", s, "--rows", r, "--spec"]).stdout).unwrap();
    // g0 holds rows 0, 5, 10, ...: 30,000 values cycling 0, 2, 1: 30,000 in all.
    assert_eq!(vl.matches(r#""g":"#).count(), 5, "{}", &vl[..vl.len().min(600)]);
    assert!(vl.contains(r#"{"g":"g0","v":30000}"#), "{}", &vl[..vl.len().min(600)]);
}
