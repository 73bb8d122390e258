//! A scale's range: the plot's width or height for positions, colours from the theme's palette
//! (the brand accent first), a `scheme` or a `range` array, and Vega-Lite's default ranges for
//! size, opacity, stroke width, shape and dash.

use crate::error::{Error, Path};
use crate::grammar::encoding::{Channel, FieldDef, FieldType};
use crate::grammar::mark::MarkType;
use crate::grammar::scale::{self, Domain, Range, ScaleType};
use crate::grammar::Json;
use crate::theme::Rgb;

use super::Extent;

#[allow(clippy::too_many_arguments)]
pub(super) fn range_of(
    ch: Channel,
    ty: ScaleType,
    def: &FieldDef,
    sj: &Json,
    sp: &Path,
    ext: Extent,
    marks: &[MarkType],
    palette: &[Rgb],
    domain: &Domain,
) -> Result<Range, Error> {
    let n = match domain {
        Domain::Discrete(v) => v.len(),
        _ => 0,
    };
    if let Some(r) = sj.get("range") {
        let rp = sp.key("range");
        let items = match r {
            Json::Arr(a) => a,
            Json::Str(s) => return Err(Error::unsupported(&rp, format!("\"{s}\""), "an array of colours or numbers")),
            other => return Err(Error::spec(&rp, format!("expected an array, found {}", other.to_text()))),
        };
        if items.iter().all(|x| matches!(x, Json::Str(_))) && !items.is_empty() {
            let colors = items
                .iter()
                .enumerate()
                .map(|(i, x)| {
                    let s = x.str(&rp.index(i))?;
                    crate::style::parse_color(s)
                        .ok_or_else(|| Error::spec(&rp.index(i), format!("\"{s}\" is not a colour")))
                })
                .collect::<Result<Vec<_>, _>>()?;
            return Ok(Range::Colors(colors));
        }
        let nums = items.iter().enumerate().map(|(i, x)| x.num(&rp.index(i))).collect::<Result<Vec<_>, _>>()?;
        if ty.is_continuous()
            && nums.len() == 2
            && matches!(
                ch,
                Channel::Size | Channel::Opacity | Channel::StrokeWidth | Channel::FillOpacity | Channel::StrokeOpacity
            )
        {
            return Ok(Range::Continuous(nums[0], nums[1]));
        }
        if matches!(ch, Channel::X | Channel::Y) {
            return Err(Error::unsupported(&rp, r.to_text(), "the plot's width or height (omit range)"));
        }
        return Ok(Range::Numbers(nums));
    }
    if matches!(ch, Channel::Color | Channel::Fill | Channel::Stroke) {
        let scheme = match sj.get("scheme") {
            Some(Json::Str(s)) => Some(scale::scheme(s).ok_or_else(|| {
                Error::unsupported(&sp.key("scheme"), format!("\"{s}\""), &scale::SCHEME_NAMES.join(", "))
            })?),
            Some(Json::Obj(o)) => {
                let name = o
                    .iter()
                    .find(|(k, _)| k == "name")
                    .map(|(_, v)| v.str(&sp.key("scheme").key("name")))
                    .transpose()?
                    .unwrap_or("");
                Some(scale::scheme(name).ok_or_else(|| {
                    Error::unsupported(
                        &sp.key("scheme").key("name"),
                        format!("\"{name}\""),
                        &scale::SCHEME_NAMES.join(", "),
                    )
                })?)
            }
            Some(other) => {
                return Err(Error::spec(
                    &sp.key("scheme"),
                    format!("expected a scheme name, found {}", other.to_text()),
                ))
            }
            None => None,
        };
        return Ok(Range::Colors(match (scheme, def.ty) {
            (Some(s @ scale::Scheme::Categorical(_)), _) => scale::scheme_colors(&s, n.max(1)),
            (Some(s), _) if n > 0 => scale::scheme_colors(&s, n),
            (Some(s), _) => s.colors().to_vec(),
            (None, FieldType::Nominal) => palette.to_vec(),
            (None, FieldType::Ordinal) => {
                scale::scheme("blues").map(|s| scale::scheme_colors(&s, n.max(2))).unwrap_or_else(|| palette.to_vec())
            }
            (None, _) => scale::scheme("blues").map(|s| s.colors().to_vec()).unwrap_or_else(|| palette.to_vec()),
        }));
    }
    Ok(match ch {
        Channel::X | Channel::XOffset => Range::Continuous(0.0, ext.width),
        // Discrete y runs top-down (the first value at the top), continuous y bottom-up, as in
        // Vega-Lite.
        Channel::Y | Channel::YOffset if matches!(ty, ScaleType::Band | ScaleType::Point) => {
            Range::Continuous(0.0, ext.height)
        }
        Channel::Y | Channel::YOffset => Range::Continuous(ext.height, 0.0),
        Channel::Theta => Range::Continuous(0.0, std::f64::consts::TAU),
        Channel::Radius => Range::Continuous(0.0, ext.width.min(ext.height) / 2.0),
        Channel::Size => {
            let max = if marks.contains(&MarkType::Bar) || marks.contains(&MarkType::Tick) {
                (ext.width.min(ext.height) / 10.0).max(4.0)
            } else if marks.contains(&MarkType::Text) {
                40.0
            } else {
                361.0
            };
            // Vega-Lite's minStrokeWidth and maxStrokeWidth for lines, trails and rules.
            if marks.iter().all(|m| matches!(m, MarkType::Line | MarkType::Trail | MarkType::Rule)) {
                return Ok(if ty.is_continuous() {
                    Range::Continuous(1.0, 4.0)
                } else {
                    Range::Numbers(spread(1.0, 4.0, n))
                });
            }
            let min = if marks.contains(&MarkType::Text) {
                8.0
            } else if marks.contains(&MarkType::Bar) {
                2.0
            } else {
                9.0
            };
            if ty.is_continuous() {
                Range::Continuous(min, max)
            } else {
                Range::Numbers(spread(min, max, n))
            }
        }
        Channel::Opacity | Channel::FillOpacity | Channel::StrokeOpacity => {
            if ty.is_continuous() {
                Range::Continuous(0.3, 0.8)
            } else {
                Range::Numbers(spread(0.3, 0.8, n))
            }
        }
        Channel::StrokeWidth => {
            if ty.is_continuous() {
                Range::Continuous(1.0, 4.0)
            } else {
                Range::Numbers(spread(1.0, 4.0, n))
            }
        }
        _ => Range::Numbers((0..n.max(1)).map(|i| i as f64).collect()),
    })
}

fn spread(lo: f64, hi: f64, n: usize) -> Vec<f64> {
    if n <= 1 {
        return vec![hi];
    }
    (0..n).map(|i| lo + (hi - lo) * i as f64 / (n - 1) as f64).collect()
}
