//! Robustness: arbitrary specifiers, values and texts never panic and stay bounded.

use super::{multi_format, parse_date, parse_date_with, tick_format, tick_step, Locale, NumberFormat, TimeFormat};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn text(&mut self, alphabet: &[char], max: u64) -> String {
        let n = self.next() % max;
        (0..n).map(|_| alphabet[(self.next() % alphabet.len() as u64) as usize]).collect()
    }
    fn value(&mut self) -> f64 {
        match self.next() % 4 {
            0 => f64::from_bits(self.next()),
            1 => (self.next() % 2_000_001) as f64 - 1e6,
            2 => (self.next() % 1000) as f64 / 7.0 * 10f64.powi((self.next() % 60) as i32 - 30),
            _ => [0.0, -0.0, f64::NAN, f64::INFINITY, f64::NEG_INFINITY, f64::MAX, f64::MIN_POSITIVE, 5e-324]
                [(self.next() % 8) as usize],
        }
    }
}

#[test]
fn number_formats_never_panic() {
    let alphabet: Vec<char> = "0123456789.,~$#+-( <>=^*%abcdefgnoprsxXzAé😀".chars().collect();
    let mut r = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..4000 {
        let spec = r.text(&alphabet, 10);
        let v = r.value();
        if let Ok(f) = NumberFormat::parse(&spec) {
            let s = f.format(v, Locale::En);
            assert!(s.chars().count() <= 1200, "{spec:?} {v}");
            f.format(v, Locale::Zh);
        }
        let (a, b, c) = (r.value(), r.value(), (r.next() % 40) as f64 - 5.0);
        tick_step(a, b, c);
        if let Ok(f) = tick_format(a, b, c, Some(&spec).filter(|_| r.next() % 2 == 0).map(|s| s.as_str())) {
            f.format(v, Locale::En);
        }
    }
}

#[test]
fn time_formats_and_date_parsing_never_panic() {
    let alphabet: Vec<char> = "%-_0aAbBcdefgGHIjLmMpqQsSuUVwWxXyYZ%k:/. T+Z1234567890年月日上午".chars().collect();
    let text_chars: Vec<char> = "0123456789 :/-.,+TZtzAMPamJanFebSatGMTUTC年月日()".chars().collect();
    let mut r = Rng(0xD1B5_4A32_D192_ED03);
    for _ in 0..4000 {
        let spec = r.text(&alphabet, 14);
        let t = r.value();
        let f = TimeFormat::parse(&spec).unwrap();
        let s = f.format(t, Locale::En);
        f.format(t, Locale::Zh);
        f.parse_date(&s);
        let text = r.text(&text_chars, 30);
        f.parse_date(&text);
        parse_date(&text);
        let _ = parse_date_with(&format!("date:'{spec}'"), &text);
        multi_format(t, Locale::Zh);
    }
}
