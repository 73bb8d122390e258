//! What every mark file shares: the context it reads and the output it writes, and a row's
//! channels read through the resolved scales (positions, colour, opacity, size, shape, dash).
//! Tooltips, records and hit items are in [`super::tooltip`].

use crate::grammar::encoding::{Channel, FieldDef, FieldType};
use crate::grammar::expr::Datum;
use crate::grammar::flow::{Flowed, Unit};
use crate::grammar::format::Locale;
use crate::grammar::scales::Scales;
use crate::grammar::{Json, Value};
use crate::layout::{Geom, Layout, Paint, Rect, Shape};
use crate::theme::{Rgb, Theme};

/// Everything a mark file reads.
pub struct Ctx<'a> {
    /// The unit.
    pub unit: &'a Unit,
    /// Its rows.
    pub flowed: &'a Flowed,
    /// The chart's scales.
    pub scales: &'a Scales,
    /// The plot area, in layout px.
    pub plot: Rect,
    /// Colours and fonts.
    pub theme: &'a Theme,
    /// Language of the words written.
    pub loc: Locale,
    /// The first categorical colour (the brand accent when set).
    pub accent: Rgb,
    /// The source line every tooltip ends with (`usermeta.source`), if the spec gives one.
    pub source: Option<&'a str>,
}

/// Where a mark file writes.
pub struct Out<'a> {
    /// The display list.
    pub layout: &'a mut Layout,
    /// Rows not drawn because a value they need is missing.
    pub dropped: &'a mut usize,
    /// One record per drawn mark: the fields it shows (for "Get the data").
    pub records: &'a mut Vec<Vec<(String, Value)>>,
    /// For each hit item, the index of its record.
    pub item_records: &'a mut Vec<usize>,
    /// Marks drawn, counted as Vega-Lite counts them (a line per series, a bar per bar).
    pub count: &'a mut usize,
    /// Marks of an overlay, counted as Vega-Lite counts them: an area's `line` (one per
    /// series), a line's `point`s (one per point).
    pub overlay: &'a mut usize,
}

/// A row as an expression datum.
pub struct RowDatum<'a> {
    /// Field names.
    pub fields: &'a [String],
    /// Values.
    pub row: &'a [Value],
}

impl Datum for RowDatum<'_> {
    fn field(&self, name: &str) -> Value {
        self.fields.iter().position(|f| f == name).and_then(|i| self.row.get(i).cloned()).unwrap_or(Value::Null)
    }
}

impl<'a> Ctx<'a> {
    /// The definition of `c` in this unit.
    pub fn def(&self, c: Channel) -> Option<&'a FieldDef> {
        self.unit.encoding.get(c)
    }

    /// The value of column `col` in `row`.
    pub fn cell(&self, row: &[Value], col: &str) -> Value {
        self.flowed.table.col(col).and_then(|i| row.get(i).cloned()).unwrap_or(Value::Null)
    }

    /// The definition that applies to `row` (its first matching condition, or itself).
    pub fn applying<'b>(&self, d: &'b FieldDef, row: &[Value]) -> &'b FieldDef {
        let datum = RowDatum { fields: &self.flowed.table.fields, row };
        d.conditions.iter().find(|c| c.test.eval(&datum).truthy()).map(|c| &c.then).unwrap_or(d)
    }

    /// The data value a channel shows for `row` (stacked channels give their end).
    pub fn value(&self, c: Channel, row: &[Value]) -> Option<Value> {
        let d = self.applying(self.def(c)?, row);
        if let Some(v) = &d.datum {
            return Some(v.clone());
        }
        let col = self.stack_column(c).or_else(|| d.column())?;
        Some(self.cell(row, &col))
    }

    fn stack_column(&self, c: Channel) -> Option<String> {
        let s = self.flowed.stack.as_ref()?;
        let p = c.primary();
        if s.channel != p {
            return None;
        }
        Some(if c == p { format!("{}_end", s.column) } else { format!("{}_start", s.column) })
    }

    /// A position channel in layout px (plot offset added); `None` when missing.
    pub fn pos(&self, c: Channel, row: &[Value]) -> Option<f64> {
        let d = self.applying(self.def(c)?, row);
        let origin = match c.primary() {
            Channel::X => self.plot.x,
            Channel::Y => self.plot.y,
            _ => 0.0,
        };
        if d.field.is_none() && d.datum.is_none() && d.aggregate.is_none() {
            return match &d.value {
                Some(Json::Num(n)) => Some(origin + n),
                Some(Json::Str(s)) if s == "width" => Some(self.plot.x + self.plot.w),
                Some(Json::Str(s)) if s == "height" => Some(self.plot.y + self.plot.h),
                _ => None,
            };
        }
        let v = if d.datum.is_some() { d.datum.clone()? } else { self.value(c, row)? };
        let v = match d.ty {
            FieldType::Temporal => crate::grammar::flow::date_of(&v).map(Value::Date)?,
            FieldType::Quantitative => Value::Num(crate::grammar::flow::number_of(&v)?),
            _ => v,
        };
        let s = self.scales.get(c)?;
        s.scale.map(&v).filter(|x| x.is_finite()).map(|x| origin + x)
    }

    /// The start of a stacked channel (`x` of a horizontal stacked bar).
    pub fn stack_start(&self, c: Channel, row: &[Value]) -> Option<f64> {
        let s = self.flowed.stack.as_ref()?;
        if s.channel != c {
            return None;
        }
        let v = Value::Num(crate::grammar::flow::number_of(&self.cell(row, &format!("{}_start", s.column)))?);
        let origin = match c {
            Channel::X => self.plot.x,
            Channel::Y => self.plot.y,
            _ => 0.0,
        };
        self.scales.get(c)?.scale.map(&v).map(|x| origin + x)
    }

    /// Bandwidth of a channel's scale (0 when continuous).
    pub fn band(&self, c: Channel) -> f64 {
        self.scales.get(c).map_or(0.0, |s| s.scale.bandwidth())
    }

    /// A colour channel (`color`, `fill` or `stroke`) for `row`, or the mark's constant.
    pub fn color(&self, c: Channel, row: &[Value]) -> Option<Rgb> {
        if let Some(d) = self.def(c) {
            let d = self.applying(d, row);
            if let Some(Json::Str(s)) = &d.value {
                return crate::style::parse_color(s);
            }
            if d.field.is_some() || d.datum.is_some() || d.aggregate.is_some() {
                let v = if let Some(v) = &d.datum { v.clone() } else { self.cell(row, &d.column()?) };
                return self.scales.get(c)?.scale.color(&v);
            }
        }
        let key = match c {
            Channel::Fill => "fill",
            Channel::Stroke => "stroke",
            _ => "color",
        };
        self.unit.mark.get(key).and_then(|j| match j {
            Json::Str(s) => crate::style::parse_color(s),
            _ => None,
        })
    }

    /// The fill and stroke of `row`: `color` goes to the fill of filled marks and the stroke of
    /// the others, as Vega-Lite does; `fill` and `stroke` override.
    pub fn paints(&self, row: &[Value], filled: bool) -> (Option<Paint>, Option<Paint>) {
        if self.colour_missing(row) {
            // A colour field with no value: an outline only, never a colour that reads as data.
            return (None, Some(Paint { color: self.theme.muted, opacity: 1.0 }));
        }
        let base = self.color(Channel::Color, row).unwrap_or(self.accent);
        let opacity = self.number(Channel::Opacity, row, "opacity").unwrap_or(1.0);
        let fo = self.number(Channel::FillOpacity, row, "fillOpacity").unwrap_or(opacity);
        let so = self.number(Channel::StrokeOpacity, row, "strokeOpacity").unwrap_or(opacity);
        let fill = self.color(Channel::Fill, row).or(if filled { Some(base) } else { None });
        let stroke = self.color(Channel::Stroke, row).or(if filled { None } else { Some(base) });
        (fill.map(|c| Paint { color: c, opacity: fo }), stroke.map(|c| Paint { color: c, opacity: so }))
    }

    /// True when a colour channel encodes a field whose value is missing in `row` (the mark is
    /// drawn as an outline and its tooltip says "not reported").
    pub fn colour_missing(&self, row: &[Value]) -> bool {
        [Channel::Color, Channel::Fill].iter().any(|c| {
            self.def(*c).is_some_and(|d| {
                let d = self.applying(d, row);
                d.field.is_some()
                    && d.value.is_none()
                    && d.column().is_some_and(|col| {
                        self.cell(row, &col).is_missing()
                            || (d.ty == FieldType::Quantitative
                                && crate::grammar::flow::number_of(&self.cell(row, &col)).is_none())
                    })
            })
        })
    }

    /// A numeric channel (size, opacity, stroke width) for `row`, or the mark property `prop`.
    pub fn number(&self, c: Channel, row: &[Value], prop: &str) -> Option<f64> {
        if let Some(d) = self.def(c) {
            let d = self.applying(d, row);
            if let Some(Json::Num(n)) = &d.value {
                return Some(*n);
            }
            if d.field.is_some() || d.datum.is_some() || d.aggregate.is_some() {
                let v = if let Some(v) = &d.datum { v.clone() } else { self.cell(row, &d.column()?) };
                return self.scales.get(c)?.scale.map(&v);
            }
        }
        self.unit.mark.num(prop).ok().flatten()
    }

    /// An ordinal index channel (shape, dash) for `row`.
    pub fn index(&self, c: Channel, row: &[Value]) -> Option<usize> {
        self.number(c, row, "").map(|n| n.max(0.0) as usize)
    }

    /// The dash pattern of `row`.
    pub fn dash(&self, row: &[Value]) -> Vec<f64> {
        const DASHES: [&[f64]; 6] = [&[], &[6.0, 3.0], &[2.0, 2.0], &[8.0, 3.0, 2.0, 3.0], &[1.0, 3.0], &[10.0, 4.0]];
        if let Some(i) = self.index(Channel::StrokeDash, row) {
            return DASHES[i % DASHES.len()].to_vec();
        }
        match self.unit.mark.get("strokeDash") {
            Some(Json::Arr(a)) => a.iter().filter_map(|x| if let Json::Num(n) = x { Some(*n) } else { None }).collect(),
            _ => Vec::new(),
        }
    }

    /// The px of value 0 on a continuous channel's scale, kept inside the plot (the baseline of
    /// bars and areas; the range's low end for log scales).
    pub fn baseline(&self, c: Channel) -> Option<f64> {
        let s = self.scales.get(c)?;
        let origin = if c == Channel::X { self.plot.x } else { self.plot.y };
        let (lo, hi) =
            if c == Channel::X { (self.plot.x, self.plot.right()) } else { (self.plot.y, self.plot.bottom()) };
        let z = s.scale.map(&Value::Num(0.0)).filter(|z| z.is_finite()).map(|z| origin + z);
        Some(match z {
            Some(z) => z.clamp(lo, hi),
            None if c == Channel::X => lo,
            None => hi,
        })
    }

    /// Rows of the unit.
    pub fn rows(&self) -> &'a [Vec<Value>] {
        &self.flowed.table.rows
    }

    /// A mark property as text.
    pub fn prop_text(&self, key: &str) -> Option<String> {
        self.unit.mark.text(key).ok().flatten()
    }

    /// A mark property as a number.
    pub fn prop(&self, key: &str) -> Option<f64> {
        self.unit.mark.num(key).ok().flatten()
    }
}

/// A solid shape with only a fill.
pub fn filled(geom: Geom, fill: Option<Paint>, stroke: Option<Paint>, width: f64, dash: Vec<f64>) -> Shape {
    Shape { geom, fill, stroke, stroke_width: width, dash }
}

/// The bounding box of a geometry.
pub fn bounds(g: &Geom) -> Rect {
    let pts: Vec<(f64, f64)> = match g {
        Geom::Rect { rect, .. } => return *rect,
        Geom::Circle { x, y, r } => return Rect::new(x - r, y - r, 2.0 * r, 2.0 * r),
        Geom::Polygon(p) | Geom::Line(p) => p.clone(),
    };
    let (mut x0, mut y0, mut x1, mut y1) = (f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY);
    for (x, y) in pts {
        x0 = x0.min(x);
        y0 = y0.min(y);
        x1 = x1.max(x);
        y1 = y1.max(y);
    }
    if !x0.is_finite() {
        return Rect::new(0.0, 0.0, 0.0, 0.0);
    }
    Rect::new(x0, y0, x1 - x0, y1 - y0)
}
