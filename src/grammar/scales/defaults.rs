//! Vega-Lite's defaults for a channel's scale: its type (band for bars and rects on discrete
//! positions, point otherwise, utc for utc time units, ...), whether it includes zero, and a
//! mark's orientation.

use crate::grammar::encoding::{Channel, FieldDef, FieldType};
use crate::grammar::flow::{Flowed, Unit};
use crate::grammar::mark::MarkType;
use crate::grammar::scale::ScaleType;

pub(super) fn default_type(
    ch: Channel,
    def: &FieldDef,
    marks: &[MarkType],
    units: &[(Unit, Flowed)],
    pu: usize,
) -> ScaleType {
    let discrete = def.ty.is_discrete();
    match ch {
        Channel::X | Channel::Y if discrete => {
            let offset =
                units[pu].0.encoding.get(if ch == Channel::X { Channel::XOffset } else { Channel::YOffset }).is_some();
            // Rules too: they then sit on the axis ticks (vega/vega-lite#3429).
            if offset
                || marks.iter().any(|m| matches!(m, MarkType::Bar | MarkType::Rect | MarkType::Tick | MarkType::Rule))
            {
                ScaleType::Band
            } else {
                ScaleType::Point
            }
        }
        Channel::XOffset | Channel::YOffset => ScaleType::Band,
        Channel::Shape | Channel::StrokeDash => ScaleType::Ordinal,
        Channel::Color | Channel::Fill | Channel::Stroke if discrete => ScaleType::Ordinal,
        Channel::Size | Channel::Opacity | Channel::FillOpacity | Channel::StrokeOpacity | Channel::StrokeWidth
            if discrete =>
        {
            ScaleType::Point
        }
        _ if def.ty == FieldType::Temporal => {
            if def.time_unit.as_ref().is_some_and(|t| t.is_utc()) {
                ScaleType::Utc
            } else {
                ScaleType::Time
            }
        }
        Channel::Theta | Channel::Radius if discrete => ScaleType::Band,
        _ => ScaleType::Linear,
    }
}

pub(super) fn default_zero(
    ch: Channel,
    def: &FieldDef,
    u: &Unit,
    ty: ScaleType,
    custom: bool,
    binned: bool,
    ranged: bool,
) -> bool {
    if custom || !ty.is_continuous() || matches!(ty, ScaleType::Log | ScaleType::Time | ScaleType::Utc) {
        return false;
    }
    if ch == Channel::Size && def.ty == FieldType::Quantitative {
        return true;
    }
    if binned || !matches!(ch, Channel::X | Channel::Y | Channel::Theta | Channel::Radius) {
        return false;
    }
    let orient = orient(u);
    if matches!(u.mark.ty, MarkType::Bar | MarkType::Area | MarkType::Line | MarkType::Trail)
        && ((orient == Some(true) && ch == Channel::Y) || (orient == Some(false) && ch == Channel::X))
    {
        return false;
    }
    if matches!(u.mark.ty, MarkType::Bar | MarkType::Area) && !ranged {
        return true;
    }
    true
}

/// `Some(true)` for horizontal marks (bars along x), `Some(false)` for vertical, `None` when
/// neither axis is continuous.
pub fn orient(u: &Unit) -> Option<bool> {
    if let Ok(Some(o)) = u.mark.text("orient") {
        return Some(o == "horizontal");
    }
    let e = &u.encoding;
    let cont = |c: Channel| e.get(c).is_some_and(|d| !d.ty.is_discrete() && d.bin.is_none());
    let disc = |c: Channel| e.get(c).is_some_and(|d| d.ty.is_discrete() || d.bin.is_some());
    match (cont(Channel::X), cont(Channel::Y)) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        (true, true) => Some(disc(Channel::Y) && !disc(Channel::X)),
        _ => None,
    }
}
