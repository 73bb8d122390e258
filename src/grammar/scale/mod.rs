//! Stand-in (replaced by the scales' own files).
#![allow(missing_docs, dead_code, unused_variables)]
use crate::grammar::Value;
use crate::theme::Rgb;
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScaleType { Linear, Log, Pow, Sqrt, Symlog, Time, Utc, Band, Point, Ordinal, Quantize, Quantile, Threshold }
impl ScaleType { pub fn parse(s: &str) -> Option<ScaleType> { None } pub fn name(self) -> &'static str { "" } pub fn is_continuous(self) -> bool { true } pub fn is_discrete(self) -> bool { false } pub const NAMES: &'static [&'static str] = &[]; }
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ScaleOptions { pub zero: bool, pub nice: Nice, pub reverse: bool, pub clamp: bool, pub padding: Option<f64>, pub padding_inner: Option<f64>, pub padding_outer: Option<f64>, pub align: f64, pub exponent: f64, pub base: f64, pub constant: f64 }
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Nice { #[default] None, Auto, Count(f64), Interval(crate::grammar::calendar::Unit, i64) }
#[derive(Debug, Clone, PartialEq)]
pub enum Domain { Continuous(f64, f64), Discrete(Vec<Value>), Samples(Vec<f64>), Thresholds(Vec<f64>) }
#[derive(Debug, Clone, PartialEq)]
pub enum Range { Continuous(f64, f64), Colors(Vec<Rgb>), Numbers(Vec<f64>) }
#[derive(Debug, Clone)]
pub struct Scale { d: Domain }
impl Scale {
  pub fn new(ty: ScaleType, domain: Domain, range: Range, opts: &ScaleOptions) -> Result<Scale, String> { Err("x".into()) }
  pub fn ty(&self) -> ScaleType { ScaleType::Linear }
  pub fn domain(&self) -> &Domain { &self.d }
  pub fn map(&self, v: &Value) -> Option<f64> { None }
  pub fn color(&self, v: &Value) -> Option<Rgb> { None }
  pub fn bandwidth(&self) -> f64 { 0.0 } pub fn step(&self) -> f64 { 0.0 }
  pub fn ticks(&self, count: f64) -> Vec<Value> { vec![] }
  pub fn invert(&self, px: f64) -> Option<Value> { None }
}
#[derive(Debug, Clone)]
pub enum Scheme { Categorical(Vec<Rgb>), Continuous(Vec<Rgb>) }
pub fn scheme(name: &str) -> Option<Scheme> { None }
pub const SCHEME_NAMES: &[&str] = &[];
pub fn scheme_color(s: &Scheme, t: f64) -> Rgb { Rgb(0,0,0) }
pub fn scheme_colors(s: &Scheme, n: usize) -> Vec<Rgb> { vec![] }
