//! Composing display lists: [`Layout::append`] moves another layout by an offset and adds it
//! to this one (concatenated views are laid out one by one, then placed side by side or one
//! under another). Items, parts and hit areas move with their marks; parts keep pointing at
//! their own items.

use super::{Geom, Hit, Layout, Rect};

fn moved(r: Rect, dx: f64, dy: f64) -> Rect {
    Rect::new(r.x + dx, r.y + dy, r.w, r.h)
}

fn points(p: &[(f64, f64)], dx: f64, dy: f64) -> Vec<(f64, f64)> {
    p.iter().map(|&(x, y)| (x + dx, y + dy)).collect()
}

impl Layout {
    /// Adds `other`, moved right by `dx` and down by `dy`, on top of what is here. The plot
    /// area becomes the box around both plots; width and height are left to the caller.
    pub fn append(&mut self, other: &Layout, dx: f64, dy: f64) {
        let items_before = self.items.len();
        self.rules.extend(other.rules.iter().map(|r| {
            let mut r = r.clone();
            r.x1 += dx;
            r.x2 += dx;
            r.y1 += dy;
            r.y2 += dy;
            r
        }));
        self.swatches.extend(other.swatches.iter().map(|s| {
            let mut s = s.clone();
            s.rect = moved(s.rect, dx, dy);
            s
        }));
        self.bars.extend(other.bars.iter().map(|b| {
            let mut b = b.clone();
            b.rect = moved(b.rect, dx, dy);
            b
        }));
        self.paths.extend(other.paths.iter().map(|p| {
            let mut p = p.clone();
            p.points = points(&p.points, dx, dy);
            p
        }));
        self.dots.extend(other.dots.iter().map(|d| {
            let mut d = d.clone();
            d.x += dx;
            d.y += dy;
            d
        }));
        self.shapes.extend(other.shapes.iter().map(|s| {
            let mut s = s.clone();
            s.geom = match &s.geom {
                Geom::Rect { rect, radius } => Geom::Rect { rect: moved(*rect, dx, dy), radius: *radius },
                Geom::Polygon(p) => Geom::Polygon(points(p, dx, dy)),
                Geom::Line(p) => Geom::Line(points(p, dx, dy)),
                Geom::Circle { x, y, r } => Geom::Circle { x: x + dx, y: y + dy, r: *r },
            };
            s
        }));
        self.labels.extend(other.labels.iter().map(|l| {
            let mut l = l.clone();
            l.x += dx;
            l.y += dy;
            l
        }));
        self.items.extend(other.items.iter().map(|it| {
            let mut it = it.clone();
            it.rect = moved(it.rect, dx, dy);
            it.mark = moved(it.mark, dx, dy);
            it.anchor = (it.anchor.0 + dx, it.anchor.1 + dy);
            it.hit = it.hit.as_ref().map(|h| match h {
                Hit::Circle { x, y, r } => Hit::Circle { x: x + dx, y: y + dy, r: *r },
                Hit::Polygon(p) => Hit::Polygon(points(p, dx, dy)),
                Hit::Sector { cx, cy, r0, r1, a0, a1 } => {
                    Hit::Sector { cx: cx + dx, cy: cy + dy, r0: *r0, r1: *r1, a0: *a0, a1: *a1 }
                }
                Hit::Segments { points: p, tol } => Hit::Segments { points: points(p, dx, dy), tol: *tol },
            });
            it
        }));
        self.parts.extend(other.parts.iter().map(|p| {
            let mut p = p.clone();
            p.item += items_before;
            p.rect = moved(p.rect, dx, dy);
            p
        }));
        let theirs = moved(other.plot, dx, dy);
        self.plot = if self.plot.w <= 0.0 && self.plot.h <= 0.0 {
            theirs
        } else {
            let (x0, y0) = (self.plot.x.min(theirs.x), self.plot.y.min(theirs.y));
            Rect::new(x0, y0, self.plot.right().max(theirs.right()) - x0, self.plot.bottom().max(theirs.bottom()) - y0)
        };
        if items_before == 0 {
            self.across = other.across;
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::layout::{Anchor, Item, Label, Part};
    use crate::theme::Rgb;

    #[test]
    fn everything_moves_by_the_offset_and_parts_keep_their_items() {
        let c = Rgb(0, 0, 0);
        let mut a = Layout::new(100.0, c, "f");
        a.plot = Rect::new(10.0, 10.0, 80.0, 50.0);
        a.items.push(Item {
            hit: None,
            rect: Rect::new(10.0, 10.0, 5.0, 5.0),
            anchor: (12.0, 10.0),
            mark: Rect::new(10.0, 10.0, 5.0, 5.0),
            title: "a".into(),
            lines: vec!["1".into()],
        });
        let mut b = a.clone();
        b.items[0].hit = Some(Hit::Circle { x: 12.0, y: 12.0, r: 3.0 });
        b.parts.push(Part { item: 0, rect: Rect::new(10.0, 10.0, 2.0, 2.0), label: "p".into() });
        b.labels.push(Label::new("t", 50.0, 5.0, 10.0, c, Anchor::Middle));
        a.append(&b, 200.0, 100.0);
        assert_eq!(a.items.len(), 2);
        assert_eq!(a.items[1].rect, Rect::new(210.0, 110.0, 5.0, 5.0));
        assert_eq!(a.items[1].anchor, (212.0, 110.0));
        assert_eq!(a.items[1].hit, Some(Hit::Circle { x: 212.0, y: 112.0, r: 3.0 }));
        assert_eq!(a.parts[0].item, 1, "the part points at the moved item");
        assert_eq!((a.labels[0].x, a.labels[0].y), (250.0, 105.0));
        assert_eq!(a.plot, Rect::new(10.0, 10.0, 280.0, 150.0), "the box around both plots");
        assert_eq!(a.hit(212.0, 112.0), Some(1));
    }
}
