//! The grammar's drawn marks in the display list: geometry ([`Geom`]) with fill and stroke
//! ([`Paint`], opacity, dashes) as a [`Shape`], and the exact area ([`Hit`]) a hit item tests
//! inside its bounding box (discs, polygons, arc sectors, line segments).

use super::geometry;
use super::Rect;
use crate::theme::Rgb;

/// The exact area of a grammar mark, for hit-testing inside its bounding box.
#[derive(Debug, Clone, PartialEq)]
pub enum Hit {
    /// A disc.
    Circle {
        /// Centre x.
        x: f64,
        /// Centre y.
        y: f64,
        /// Radius (at least the touch minimum).
        r: f64,
    },
    /// A closed polygon (area bands, shapes).
    Polygon(Vec<(f64, f64)>),
    /// An annular sector (arc marks): centre, radii, angles in radians clockwise from 12 o'clock.
    Sector {
        /// Centre x.
        cx: f64,
        /// Centre y.
        cy: f64,
        /// Inner radius.
        r0: f64,
        /// Outer radius.
        r1: f64,
        /// Start angle.
        a0: f64,
        /// End angle.
        a1: f64,
    },
    /// A polyline, hit within `tol` px of any segment (lines, rules).
    Segments {
        /// The points.
        points: Vec<(f64, f64)>,
        /// Distance that still counts as a hit.
        tol: f64,
    },
}

impl Hit {
    /// True when `(x, y)` is on the shape.
    pub fn contains(&self, x: f64, y: f64) -> bool {
        match self {
            Hit::Circle { x: cx, y: cy, r } => (x - cx).powi(2) + (y - cy).powi(2) <= r * r,
            Hit::Polygon(pts) => geometry::in_polygon(pts, x, y),
            Hit::Sector { cx, cy, r0, r1, a0, a1 } => {
                let (dx, dy) = (x - cx, y - cy);
                let d = (dx * dx + dy * dy).sqrt();
                let mut a = dx.atan2(-dy);
                let tau = std::f64::consts::TAU;
                let (lo, hi) = if a0 <= a1 { (*a0, *a1) } else { (*a1, *a0) };
                while a < lo {
                    a += tau;
                }
                while a > lo + tau {
                    a -= tau;
                }
                d >= *r0 && d <= *r1 && a <= hi
            }
            Hit::Segments { points, tol } => {
                points.windows(2).any(|w| geometry::segment_distance(w[0], w[1], (x, y)) <= *tol)
                    || (points.len() == 1 && ((points[0].0 - x).hypot(points[0].1 - y) <= *tol))
            }
        }
    }
}

/// A stroke or fill colour with its opacity (0-1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Paint {
    /// Colour.
    pub color: Rgb,
    /// Opacity, 0 (invisible) to 1.
    pub opacity: f64,
}

/// The geometry of a grammar mark.
#[derive(Debug, Clone, PartialEq)]
pub enum Geom {
    /// A rectangle, corners rounded by `radius` px.
    Rect {
        /// Where it is.
        rect: Rect,
        /// Corner radius.
        radius: f64,
    },
    /// A closed polygon (areas, arc sectors, symbols).
    Polygon(Vec<(f64, f64)>),
    /// An open polyline (lines, rules, ticks).
    Line(Vec<(f64, f64)>),
    /// A circle.
    Circle {
        /// Centre x.
        x: f64,
        /// Centre y.
        y: f64,
        /// Radius.
        r: f64,
    },
}

/// One drawn grammar mark: geometry with fill and stroke.
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    /// What is drawn.
    pub geom: Geom,
    /// Fill, if any.
    pub fill: Option<Paint>,
    /// Stroke, if any.
    pub stroke: Option<Paint>,
    /// Stroke width in CSS px.
    pub stroke_width: f64,
    /// Dash pattern (on, off, ... in px); empty for solid.
    pub dash: Vec<f64>,
}
