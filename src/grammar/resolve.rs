//! `resolve`: how views share scales, axes and legends. In a layer, everything is shared
//! (the default); independent scales (dual axes) are refused for now, with their path. In a
//! concatenation ([`concat`]), position scales and axes are independent per view (the
//! default), or the x and y scales shared ([`share_positions`]; axes stay per view), and the
//! other scales and their legends shared, or,
//! with `"independent"`, resolved per view, each view with its own legend (`resolve.scale`),
//! or shared with a legend drawn in every view (`resolve.legend`).

use crate::error::{Error, Path, Seg};
use crate::grammar::compile::Chart;
use crate::grammar::concat::positional;
use crate::grammar::encoding::Channel;
use crate::grammar::flow::{Flowed, Unit};
use crate::grammar::json::check_keys;
use crate::grammar::scale::Domain;
use crate::grammar::scales::{self, Extent, Scales};
use crate::grammar::{Json, Value};
use crate::theme::Rgb;
use std::ops::Range;

/// The units of each child of the top-level layer (consecutive, in layer order), with
/// `sc`'s scales but its own for the channels of [`crate::grammar::spec::Spec::layer_own`].
pub fn layer_scales(
    chart: &Chart,
    sc: &Scales,
    ext: Extent,
    pal: &[Rgb],
) -> Result<Vec<(Range<usize>, Scales)>, Error> {
    let root = &chart.spec.root.path;
    let child = |u: &Unit| match u.path.0.get(root.0.len() + 1) {
        Some(Seg::Index(i)) if u.path.0.len() > root.0.len() + 1 => Some(*i),
        _ => None,
    };
    let mut groups: Vec<(Option<usize>, Range<usize>)> = Vec::new();
    for (k, (u, _)) in chart.units.iter().enumerate() {
        match groups.last_mut() {
            Some((c, r)) if *c == child(u) => r.end = k + 1,
            _ => groups.push((child(u), k..k + 1)),
        }
    }
    let mut out = Vec::new();
    for (_, r) in groups {
        let own = scales::resolve(&chart.units[r.clone()], ext, pal)?;
        let mut s = sc.clone();
        for c in &chart.spec.layer_own {
            s.list.retain(|x| x.channel != *c);
            s.list.extend(own.get(*c).cloned());
        }
        out.push((r, s));
    }
    Ok(out)
}

/// The channels a layer's `resolve` makes independent per child: colour, and y (dual axes:
/// the first child's on the left, the second's on the right), by their scales.
pub fn layer_own(r: Option<&Json>) -> Vec<Channel> {
    let independent =
        |ch: &str| r.and_then(|r| r.get("scale")).and_then(|s| s.get(ch)) == Some(&Json::Str("independent".into()));
    [(Channel::Color, "color"), (Channel::Y, "y")].into_iter().filter(|(_, n)| independent(n)).map(|(c, _)| c).collect()
}

/// What the views of a concatenation resolve on their own, beyond position, and the position
/// scales they share.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ViewResolve {
    /// Position channels (`x`, `y`) whose scale the views share (`resolve.scale: "shared"`):
    /// one domain over every view's values, each view with its own axis.
    pub shared_positions: Vec<Channel>,
    /// Channels whose scale each view resolves itself (and legends itself).
    pub own_scales: Vec<Channel>,
    /// Channels each view draws a legend for (its own scale's, or the shared one's).
    pub own_legends: Vec<Channel>,
}

/// Reads a concatenation's `resolve` at `path`.
pub fn concat(r: &Json, path: &Path) -> Result<ViewResolve, Error> {
    check_keys(r, path, &["scale", "axis", "legend"], &[])?;
    let mut out = ViewResolve::default();
    let mut shared_legends = Vec::new();
    for (kind, v) in r.obj(path)? {
        for (ch, how) in v.obj(&path.key(kind))? {
            let p = path.key(kind).key(ch);
            let Some(c) = Channel::parse(ch) else {
                return Err(Error::unsupported(&p, format!("unknown channel \"{ch}\""), "x, y, color, size, ..."));
            };
            let pos = positional(c);
            let default = if pos { "independent" } else { "shared" };
            match how {
                Json::Str(s) if s == "shared" && kind == "scale" && matches!(c, Channel::X | Channel::Y) => {
                    out.shared_positions.push(c);
                }
                Json::Str(s) if s == default => {
                    if kind == "legend" {
                        shared_legends.push((c, p));
                    }
                }
                Json::Str(s) if s == "independent" && !pos && kind != "axis" => {
                    if kind == "scale" {
                        out.own_scales.push(c);
                    }
                    if !out.own_legends.contains(&c) {
                        out.own_legends.push(c);
                    }
                }
                Json::Str(s) if s == "shared" || s == "independent" => {
                    return Err(Error::unsupported(
                        &p,
                        format!("\"{s}\" is not supported yet for concatenated views"),
                        default,
                    ))
                }
                other => return Err(Error::unsupported(&p, other.to_text(), "shared, independent")),
            }
        }
    }
    // One legend cannot show the different scales of several views.
    if let Some((_, p)) = shared_legends.iter().find(|(c, _)| out.own_scales.contains(c)) {
        return Err(Error::spec(p, "a shared legend needs a shared scale: these views resolve it each on their own"));
    }
    Ok(out)
}

/// Makes the views share the scales of `channels` (x, y): the domain resolved over every
/// view's units (as one scale: zero and nice over the union) is written into each view's
/// definitions of the channel as an explicit domain, so each keeps its own range and axis.
pub fn share_positions(parts: &mut [(Chart, String)], channels: &[Channel], pal: &[Rgb]) -> Result<(), Error> {
    for &c in channels {
        let mut units: Vec<(Unit, Flowed)> = Vec::new();
        for (p, _) in parts.iter() {
            for (u, f) in &p.units {
                let mut u = u.clone();
                u.encoding.channels.retain(|(ch, _)| ch.primary() == c);
                units.push((u, f.clone()));
            }
        }
        let sc = scales::resolve(&units, Extent { width: 200.0, height: 200.0 }, pal)?;
        let Some(r) = sc.get(c) else { continue };
        let domain = match r.scale.domain() {
            Domain::Continuous(a, b) => vec![Json::Num(*a), Json::Num(*b)],
            Domain::Discrete(v) => v.iter().map(json_of).collect(),
            _ => {
                return Err(Error::unsupported(
                    &r.def.path.key("scale").key("type"),
                    "a shared quantile or threshold position scale",
                    "linear, log, pow, sqrt, symlog, time, utc, band, point",
                ))
            }
        };
        for (p, _) in parts.iter_mut() {
            fix_domain(p, c, &domain);
        }
    }
    Ok(())
}

/// A value as JSON, dates as their milliseconds.
fn json_of(v: &Value) -> Json {
    match v {
        Value::Num(n) | Value::Date(n) => Json::Num(*n),
        Value::Str(s) => Json::Str(s.to_string()),
        Value::Bool(b) => Json::Bool(*b),
        Value::Null => Json::Null,
    }
}

/// Every definition of channel `c` in `chart` (and its views) with `domain` as its scale's.
fn fix_domain(chart: &mut Chart, c: Channel, domain: &[Json]) {
    for (u, _) in chart.units.iter_mut() {
        for (ch, d) in u.encoding.channels.iter_mut() {
            if *ch != c || matches!(d.scale, Some(Json::Null)) {
                continue;
            }
            let mut o: Vec<(String, Json)> = match &d.scale {
                Some(Json::Obj(o)) => o
                    .iter()
                    .filter(|(k, _)| !matches!(k.as_str(), "domain" | "domainMin" | "domainMax" | "nice" | "zero"))
                    .cloned()
                    .collect(),
                _ => Vec::new(),
            };
            o.push(("domain".into(), Json::Arr(domain.to_vec())));
            o.push(("nice".into(), Json::Bool(false)));
            o.push(("zero".into(), Json::Bool(false)));
            d.scale = Some(Json::Obj(o));
        }
    }
    for (p, _) in chart.parts.iter_mut() {
        fix_domain(p, c, domain);
    }
}

/// Checks a layer's `resolve` object: every entry must be `"shared"`, except (for the
/// top-level layer, `top`) an independent colour scale or legend, or y scale or axis (dual
/// axes): each child its own.
pub fn check(r: &Json, path: &Path, top: bool) -> Result<(), Error> {
    check_keys(r, path, &["scale", "axis", "legend"], &[])?;
    let own = layer_own(Some(r));
    for (k, v) in r.obj(path)? {
        let p = path.key(k);
        for (ch, how) in v.obj(&p)? {
            match how {
                Json::Str(s) if s == "shared" && k == "legend" && own.iter().any(|c| c.name() == ch) => {
                    return Err(Error::spec(
                        &p.key(ch),
                        "a shared legend needs a shared scale: the layers resolve it each on their own",
                    ))
                }
                Json::Str(s) if s == "shared" => {}
                Json::Str(s)
                    if s == "independent"
                        && top
                        && ((ch == "color" && (k == "scale" || (k == "legend" && own.contains(&Channel::Color))))
                            || (ch == "y" && (k == "scale" || (k == "axis" && own.contains(&Channel::Y))))) => {}
                Json::Str(s) if s == "independent" => {
                    return Err(Error::unsupported(&p.key(ch), "\"independent\" is not supported yet", "shared"))
                }
                other => return Err(Error::unsupported(&p.key(ch), other.to_text(), "shared")),
            }
        }
    }
    Ok(())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
