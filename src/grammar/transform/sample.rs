//! The `sample` transform: at most `sample` rows, chosen uniformly at random by
//! reservoir sampling, as Vega's `sample` does, but reproducibly: the random numbers come from
//! a xorshift64* generator with the fixed seed [`SEED`], so a chart shows the same rows on
//! every load, in every browser and in the static export. The chosen rows keep their order.
//! (Vega uses `Math.random`: its sample differs from load to load, so only the count can be
//! compared with it.)

use crate::error::{Error, Path};
use crate::grammar::json::{check_keys, Json};
use crate::grammar::value::Table;

use super::util;

/// The generator's seed (the first 64 bits of the golden ratio's fraction).
pub const SEED: u64 = 0x9E37_79B9_7F4A_7C15;

/// The xorshift64* generator, started from [`SEED`]: the random numbers of `sample` and of the
/// bootstrap confidence intervals (`ci0`, `ci1`), the same on every run.
#[derive(Debug, Clone)]
pub struct XorShift(u64);

impl XorShift {
    /// A generator at the fixed seed.
    pub fn new() -> XorShift {
        XorShift(SEED)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut s = self.0;
        s ^= s >> 12;
        s ^= s << 25;
        s ^= s >> 27;
        self.0 = s;
        s.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in [0, 1) from the top 53 bits, as `Math.random()` gives.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

impl Default for XorShift {
    fn default() -> Self {
        XorShift::new()
    }
}

/// The `sample` transform.
#[derive(Debug, Clone, PartialEq)]
pub struct Sample {
    /// Most rows kept.
    pub size: usize,
}

impl Sample {
    /// Reads the transform object at `path`.
    pub fn parse(json: &Json, path: &Path) -> Result<Sample, Error> {
        check_keys(json, path, &["sample"], &[])?;
        let n = util::req(json, "sample", path)?.num(&path.key("sample"))?;
        if !(n >= 0.0 && n.is_finite()) {
            return Err(Error::spec(&path.key("sample"), format!("a sample size is a number from 0 up, not {n}")));
        }
        Ok(Sample { size: n.floor().min(util::MAX_ROWS as f64) as usize })
    }

    /// Output fields (none: rows are kept as they are).
    pub fn output_fields(&self) -> Vec<String> {
        Vec::new()
    }

    /// Keeps a reproducible uniform sample of the rows.
    pub fn run(&self, mut table: Table) -> Result<Table, Error> {
        let n = table.rows.len();
        if n <= self.size {
            return Ok(table);
        }
        let mut rng = XorShift::new();
        let mut next = move || rng.next_u64();
        // Algorithm R: the first `size` rows, then row i replaces a random one with
        // probability size / (i + 1).
        let mut chosen: Vec<usize> = (0..self.size).collect();
        for i in self.size..n {
            let j = (next() % (i as u64 + 1)) as usize;
            if j < self.size {
                chosen[j] = i;
            }
        }
        crate::order::sort_by(&mut chosen, |a, b| a.cmp(b));
        let mut keep = vec![false; n];
        for i in chosen {
            keep[i] = true;
        }
        let mut k = 0;
        table.rows.retain(|_| {
            k += 1;
            keep[k - 1]
        });
        Ok(table)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::grammar::value::Value;

    fn table(n: usize) -> Table {
        let mut t = Table::with_fields(vec!["i".into()]);
        for i in 0..n {
            t.rows.push(vec![Value::Num(i as f64)]);
        }
        t
    }

    fn ids(t: &Table) -> Vec<usize> {
        t.rows.iter().map(|r| r[0].finite().unwrap() as usize).collect()
    }

    #[test]
    fn keeps_size_rows_in_order_the_same_every_time() {
        let s = Sample::parse(&Json::parse(r#"{"sample": 50}"#).unwrap(), &Path::root()).unwrap();
        let a = ids(&s.run(table(10_000)).unwrap());
        assert_eq!(a.len(), 50);
        assert!(a.windows(2).all(|w| w[0] < w[1]), "in their order, no repeats");
        assert_eq!(a, ids(&s.run(table(10_000)).unwrap()), "reproducible");
        // Spread over the whole table, not the first rows.
        assert!(a.iter().filter(|&&i| i >= 5_000).count() > 10, "{a:?}");
        assert_eq!(ids(&s.run(table(20)).unwrap()).len(), 20, "fewer rows than the size: all kept");
    }

    #[test]
    fn roughly_uniform() {
        // One fixed draw of 1,000 from 100,000: about half from each half of the table.
        let s = Sample { size: 1_000 };
        let a = ids(&s.run(table(100_000)).unwrap());
        let low = a.iter().filter(|&&i| i < 50_000).count();
        assert!((400..=600).contains(&low), "{low} of 1,000 in the first half");
        let e = Sample::parse(&Json::parse(r#"{"sample": -1}"#).unwrap(), &Path::root().key("transform").index(0))
            .unwrap_err();
        assert_eq!(e.path().unwrap().to_string(), "transform[0].sample");
    }
}
