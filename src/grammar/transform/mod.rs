//! Stand-in (replaced by the transforms' own files).
#![allow(missing_docs, dead_code, unused_variables)]
use crate::error::{Error, Path};
use crate::grammar::{Json, Table, Value};
pub trait Sources { fn load(&self, data: &Json, path: &Path) -> Result<Table, Error>; }
#[derive(Debug, Clone)]
pub enum Transform { Filter(()) }
pub fn parse(json: &Json, path: &Path) -> Result<Transform, Error> { Err(Error::unsupported(path, "transforms", "")) }
impl Transform { pub fn run(&self, table: Table, ctx: &dyn Sources) -> Result<Table, Error> { Ok(table) } pub fn output_fields(&self) -> Vec<String> { vec![] } }
pub mod ops {
  #[derive(Debug, Clone, Copy, PartialEq, Eq)]
  pub enum Op { Count, Sum, Mean }
  impl Op { pub fn parse(s: &str) -> Option<Op> { match s { "count" => Some(Op::Count), "sum" => Some(Op::Sum), "mean" => Some(Op::Mean), _ => None } } pub fn name(self) -> &'static str { match self { Op::Count => "count", Op::Sum => "sum", Op::Mean => "mean" } }
  pub fn compute(self, values: &[super::Value]) -> super::Value { super::Value::Null } }
}
pub mod bin {
  use super::*;
  #[derive(Debug, Clone, PartialEq)]
  pub struct BinParams { pub maxbins: f64 }
  pub fn bins(extent: (f64, f64), params: &BinParams) -> Result<(f64, f64, f64), String> { Err("stand-in".into()) }
  pub fn parse_params(json: &Json, path: &Path) -> Result<BinParams, Error> { Ok(BinParams { maxbins: 10.0 }) }
}
pub mod timeunit {
  #[derive(Debug, Clone, PartialEq)]
  pub struct TimeUnit;
  impl TimeUnit { pub fn parse(s: &str) -> Option<TimeUnit> { None } pub fn floor(&self, ms: f64) -> f64 { ms } pub fn name(&self) -> String { String::new() } pub fn step_end(&self, ms: f64) -> f64 { ms } }
}
