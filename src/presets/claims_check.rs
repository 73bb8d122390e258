//! `claims-check`: one block per claim of the article: the claim's wording, the stated figure
//! beside the one computed from the article's own numbers (as paired bars where both are a
//! single quantity), a verdict chip with a symbol, and a line explaining the arithmetic.

use crate::claims::{check_all, ClaimCheck, Explanation, Verdict};
use crate::data::{Dataset, Lang, Stated};
use crate::error::Error;
use crate::format::{num, percent, ratio, signed};
use crate::layout::{measure, wrap, Anchor, Bar, Item, Label, Layout, Part, Rect, Rule, Swatch};
use crate::text;
use crate::theme::Theme;

const PAD: f64 = 8.0;
const SIZE: f64 = 13.0;
const SMALL: f64 = 12.0;
const LINE_H: f64 = 18.0;
const BAR_H: f64 = 14.0;
const CHIP_H: f64 = 22.0;

/// The texts of one checked claim, shared by the chart and its tooltip.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimTexts {
    /// Row heading.
    pub heading: String,
    /// The article's wording.
    pub report: String,
    /// The stated figure as a label.
    pub stated: String,
    /// The computed figure as a label.
    pub computed: String,
    /// Verdict with its symbol.
    pub verdict: String,
    /// One line of arithmetic.
    pub explanation: String,
    /// Stated and computed as bar lengths, when the claim is a single quantity.
    pub bars: Option<(f64, f64)>,
}

/// Resolves the texts for one checked claim.
pub fn texts(c: &ClaimCheck, lang: Lang) -> ClaimTexts {
    let claim = c.claim;
    let heading = text::claim_heading(lang, &claim.id, claim.topic.get(lang), c.from.year, c.to.year);
    let report = text::report_says(lang, claim.stated_as.get(lang));
    let nr = text::not_reported(lang).to_string();
    let (stated, computed, bars) = match (&claim.stated, c.computed) {
        (Stated::PercentChange { percent: p }, comp) => {
            let cp = comp.and_then(|c| c.percent);
            (percent(*p, true), cp.map(|x| percent(x, true)).unwrap_or(nr), cp.map(|x| (*p, x)))
        }
        (Stated::Ratio { ratio: r, approximate }, comp) => {
            let cr = comp.and_then(|c| c.ratio);
            let s = if *approximate { format!("≈{}", ratio(*r)) } else { ratio(*r) };
            (s, cr.map(ratio).unwrap_or(nr), cr.map(|x| (*r, x)))
        }
        (Stated::Values { from, to }, comp) => {
            let s = format!("{} → {}", num(*from, 1), num(*to, 1));
            let comp = comp.map(|c| {
                let pct = c.percent.map(|p| percent(p, true)).unwrap_or_else(|| "–".into());
                format!("{} → {}: {} ({pct})", num(c.from, 1), num(c.to, 1), signed(c.absolute, 1))
            });
            (s, comp.unwrap_or(nr), None)
        }
    };
    let stated_ratio = match claim.stated {
        Stated::Ratio { ratio: r, .. } => ratio(r),
        _ => String::new(),
    };
    let verdict = text::verdict(lang, c.verdict, &stated_ratio);
    let explanation = match (c.explanation, c.computed) {
        (_, None) => text::explain_unreported(lang).to_string(),
        (Explanation::ShareOfLater { percent: s }, Some(ch)) => {
            let stated_pct = match claim.stated {
                Stated::PercentChange { percent: p } => percent(p, false),
                _ => String::new(),
            };
            text::explain_share(
                lang,
                &stated_pct,
                &num(ch.absolute, 1),
                &num(ch.to, 1),
                &percent(s, false),
                c.to.year,
                c.from.year,
            )
        }
        (Explanation::NearlyTimes { stated }, Some(ch)) => text::explain_nearly(
            lang,
            &num(ch.to, 1),
            &ch.ratio.map(ratio).unwrap_or_default(),
            &num(ch.from, 1),
            c.from.year,
            &ch.percent.map(|p| percent(p, true)).unwrap_or_default(),
            &num(stated, 2),
        ),
        (Explanation::EndYear { year, period_end }, _) => text::explain_end_year(lang, year, period_end),
        (Explanation::None, Some(ch)) => text::explain_plain(
            lang,
            &num(ch.to, 1),
            &num(ch.from, 1),
            &signed(ch.absolute, 1),
            &ch.percent.map(|p| percent(p, true)).unwrap_or_default(),
        ),
    };
    ClaimTexts { heading, report, stated, computed, verdict, explanation, bars }
}

/// Lays the chart out at `width` CSS px.
pub fn layout(d: &Dataset, width: f64, lang: Lang, theme: &Theme) -> Result<Layout, Error> {
    let checks = check_all(d)?;
    let mut l = Layout::new(width, theme.background, &theme.font);
    let inner = width - 2.0 * PAD;
    let (stated_l, computed_l) = text::stated_computed(lang);
    let lab_w = measure(stated_l, SMALL, false).max(measure(computed_l, SMALL, false)) + 10.0;
    let mut y = PAD;
    let top = y;
    for c in &checks {
        let t = texts(c, lang);
        let item = l.items.len();
        let row_top = y;
        for line in wrap(&t.heading, SIZE, true, inner) {
            l.labels.push(Label::new(line, PAD, y + LINE_H / 2.0, SIZE, theme.text, Anchor::Start).bold());
            y += LINE_H;
        }
        for line in wrap(&t.report, SMALL, false, inner) {
            l.labels.push(Label::new(line, PAD, y + LINE_H / 2.0, SMALL, theme.muted, Anchor::Start));
            y += LINE_H;
        }
        y += 4.0;
        let rows = [(stated_l, &t.stated, theme.years[0]), (computed_l, &t.computed, theme.years[1])];
        let mut mark = Rect::new(PAD, y, inner, 0.0);
        match t.bars {
            Some((s, comp)) => {
                let room = measure(&t.stated, SIZE, true).max(measure(&t.computed, SIZE, true)) + 8.0;
                let x0 = PAD + lab_w;
                let span = (inner - lab_w - room).max(20.0);
                let max = s.max(comp).max(f64::MIN_POSITIVE);
                for (k, (name, value, color)) in rows.iter().enumerate() {
                    let v = if k == 0 { s } else { comp };
                    let rect = Rect::new(x0, y + 2.0, (v / max * span).max(1.0), BAR_H);
                    l.labels.push(Label::new(*name, PAD, y + LINE_H / 2.0, SMALL, theme.muted, Anchor::Start));
                    l.bars.push(Bar { rect, color: *color });
                    l.parts.push(Part { item, rect, label: format!("{name}: {value}") });
                    l.labels.push(
                        Label::new(
                            (*value).clone(),
                            rect.right() + 4.0,
                            y + LINE_H / 2.0,
                            SIZE,
                            theme.text,
                            Anchor::Start,
                        )
                        .bold(),
                    );
                    y += LINE_H + 2.0;
                }
                mark.h = y - mark.y;
            }
            None => {
                for (name, value, _) in rows {
                    l.labels.push(Label::new(name, PAD, y + LINE_H / 2.0, SMALL, theme.muted, Anchor::Start));
                    for line in wrap(value, SIZE, true, inner - lab_w) {
                        l.labels.push(
                            Label::new(line, PAD + lab_w, y + LINE_H / 2.0, SIZE, theme.text, Anchor::Start).bold(),
                        );
                        y += LINE_H;
                    }
                    y += 2.0;
                }
                mark.h = y - mark.y;
            }
        }
        y += 4.0;
        let chip_color = match c.verdict {
            Verdict::Matches => theme.good,
            Verdict::DoesNotMatch => theme.bad,
            _ => theme.caution,
        };
        for line in wrap(&t.verdict, SMALL, true, inner - 14.0) {
            let w = measure(&line, SMALL, true) + 14.0;
            l.swatches.push(Swatch { rect: Rect::new(PAD, y, w, CHIP_H), color: chip_color });
            l.labels.push(Label::new(line, PAD + 7.0, y + CHIP_H / 2.0, SMALL, theme.on_chip, Anchor::Start).bold());
            y += CHIP_H + 2.0;
        }
        y += 4.0;
        for line in wrap(&t.explanation, SMALL, false, inner) {
            l.labels.push(Label::new(line, PAD, y + LINE_H / 2.0, SMALL, theme.text, Anchor::Start));
            y += LINE_H;
        }
        y += 10.0;
        let mut lines = vec![
            t.report.clone(),
            format!("{stated_l}: {}", t.stated),
            format!("{computed_l}: {}", t.computed),
            t.verdict.clone(),
            t.explanation.clone(),
        ];
        lines.push(text::source_line(lang, d, &c.to.source));
        let hit = Rect::new(PAD, row_top, inner, y - row_top);
        l.items.push(Item {
            hit: None,
            rect: hit,
            anchor: (PAD + inner / 2.0, row_top),
            mark,
            title: t.heading.clone(),
            lines,
        });
        l.rules.push(Rule { x1: PAD, y1: y - 5.0, x2: width - PAD, y2: y - 5.0, color: theme.grid, width: 1.0 });
    }
    l.plot = Rect::new(PAD, top, inner, y - top);
    l.height = y + PAD;
    Ok(l)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::layout::assert_clean;
    use crate::theme::ThemeName;

    fn at(w: f64, lang: Lang) -> Layout {
        layout(&Dataset::binzhou(), w, lang, &Theme::get(ThemeName::Light)).unwrap()
    }

    #[test]
    fn clean_at_every_width_in_both_languages() {
        for w in [320.0, 375.0, 640.0, 1280.0] {
            assert_clean(&at(w, Lang::En), &format!("claims at {w}"));
            assert_clean(&at(w, Lang::Zh), &format!("claims zh at {w}"));
        }
    }

    #[test]
    fn c1_reads_as_a_mismatch_with_its_explanation() {
        let d = Dataset::binzhou();
        let checks = check_all(&d).unwrap();
        let t = texts(&checks[0], Lang::En);
        assert_eq!(t.stated, "+30%");
        assert_eq!(t.computed, "+43.2%");
        assert_eq!(t.verdict, "✗ Does not match");
        assert_eq!(
            t.explanation,
            "30% is 16 ÷ 53 = 30.2%, the new products' share of the 2023 total, not growth since 2021."
        );
        assert_eq!(t.bars, Some((30.0, 16.0 / 37.0 * 100.0)));
    }

    #[test]
    fn other_claims_texts() {
        let d = Dataset::binzhou();
        let checks = check_all(&d).unwrap();
        let t: Vec<ClaimTexts> = checks.iter().map(|c| texts(c, Lang::En)).collect();
        assert_eq!((t[1].stated.as_str(), t[1].computed.as_str()), ("≈4×", "3.75×"));
        assert_eq!(t[1].verdict, "≈ Holds as “nearly 4×”");
        assert!(t[1].explanation.contains("(+275%)"), "{}", t[1].explanation);
        assert_eq!(t[2].verdict, "✓ Matches");
        assert_eq!(t[2].computed, "12 → 14: +2 (+16.7%)");
        assert_eq!(t[3].verdict, "! Mixed years");
        assert_eq!(t[3].heading, "C4 · Textile industry, 2021–2024");
        assert_eq!(t[3].explanation, "The end figure is for 2024, not 2023 like the other comparisons.");
    }

    #[test]
    fn chips_and_bars() {
        let l = at(640.0, Lang::En);
        assert_eq!(l.items.len(), 4);
        assert_eq!(l.bars.len(), 4, "paired bars for C1 and C2");
        let th = Theme::get(ThemeName::Light);
        assert_eq!(l.swatches[0].color, th.bad);
        assert_eq!(l.swatches[2].color, th.good);
        let c1 = &l.items[0];
        assert!(c1.lines.iter().any(|x| x == "Computed: +43.2%"));
    }

    #[test]
    fn chinese_texts() {
        let d = Dataset::binzhou();
        let checks = check_all(&d).unwrap();
        let t = texts(&checks[0], Lang::Zh);
        assert_eq!(t.verdict, "✗ 不符");
        assert!(t.heading.contains("冠军产品总数"));
    }
}
