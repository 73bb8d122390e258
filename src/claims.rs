//! Checks the article's claims against values computed from the article's own figures.
//! Each claim gets a [`Verdict`] and, where the arithmetic can show it, an [`Explanation`] of
//! what the stated number does match (for example a share rather than a growth rate).

use crate::data::{Claim, Dataset, Stated, Value};
use crate::error::Error;
use crate::query::{change, Change};

/// Stated percentages are taken as rounded to the nearest whole percent.
const PERCENT_TOLERANCE: f64 = 0.5;
/// Stated multiples are taken as rounded to the nearest 0.05.
const RATIO_TOLERANCE: f64 = 0.05;
/// "Nearly N times" covers computed multiples from 90 % of N up to N.
const NEARLY_FLOOR: f64 = 0.9;

/// How a claim compares with the computed value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The stated figure is what the data gives.
    Matches,
    /// The stated figure is not what the data gives.
    DoesNotMatch,
    /// Consistent with the data under one reading of hedged wording.
    ConsistentIfRead,
    /// The figures match but compare different years from the rest of the story.
    MixedYears,
    /// A figure the claim needs was not reported.
    CannotCheck,
}

/// What the arithmetic shows about a claim beyond its verdict.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Explanation {
    /// Nothing further.
    None,
    /// The stated percentage equals the difference as a share of the later figure.
    ShareOfLater {
        /// That share, in percent.
        percent: f64,
    },
    /// "Nearly N-fold" fits only as "to nearly N times as many", not "up by N times".
    NearlyTimes {
        /// The stated N.
        stated: f64,
    },
    /// The comparison ends in a different year from the story's period.
    EndYear {
        /// The claim's end year.
        year: i32,
        /// The story's end year.
        period_end: i32,
    },
}

/// One claim, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimCheck<'a> {
    /// The claim as in the dataset.
    pub claim: &'a Claim,
    /// Its starting figure.
    pub from: &'a Value,
    /// Its end figure.
    pub to: &'a Value,
    /// The comparison computed from the two figures (`None` if one is not reported).
    pub computed: Option<Change>,
    /// The verdict.
    pub verdict: Verdict,
    /// What else the arithmetic shows.
    pub explanation: Explanation,
}

/// Checks every claim in the dataset, in order.
pub fn check_all(d: &Dataset) -> Result<Vec<ClaimCheck<'_>>, Error> {
    d.claims.iter().enumerate().map(|(i, c)| check(d, i, c)).collect()
}

fn check<'a>(d: &'a Dataset, i: usize, claim: &'a Claim) -> Result<ClaimCheck<'a>, Error> {
    let get = |field: &str, id: &str| {
        d.value(id).ok_or_else(|| Error::UnknownId { path: format!("claims[{i}].{field}"), id: id.to_string() })
    };
    let (from, to) = (get("from", &claim.from)?, get("to", &claim.to)?);
    let computed = match (from.value, to.value) {
        (Some(a), Some(b)) => Some(change(a, b)),
        _ => None,
    };
    let (verdict, explanation) = match computed {
        None => (Verdict::CannotCheck, Explanation::None),
        Some(c) => judge(&claim.stated, &c, from, to, d.period),
    };
    Ok(ClaimCheck { claim, from, to, computed, verdict, explanation })
}

fn judge(stated: &Stated, c: &Change, from: &Value, to: &Value, period: [i32; 2]) -> (Verdict, Explanation) {
    match *stated {
        Stated::PercentChange { percent } => match c.percent {
            Some(p) if (p - percent).abs() <= PERCENT_TOLERANCE => (Verdict::Matches, Explanation::None),
            _ => {
                let expl = match c.share_of_later {
                    Some(s) if (s - percent).abs() <= PERCENT_TOLERANCE => Explanation::ShareOfLater { percent: s },
                    _ => Explanation::None,
                };
                (Verdict::DoesNotMatch, expl)
            }
        },
        Stated::Ratio { ratio, approximate } => match c.ratio {
            Some(r) if (r - ratio).abs() <= RATIO_TOLERANCE => (Verdict::Matches, Explanation::None),
            Some(r) if approximate && r < ratio && r >= ratio * NEARLY_FLOOR => {
                (Verdict::ConsistentIfRead, Explanation::NearlyTimes { stated: ratio })
            }
            _ => (Verdict::DoesNotMatch, Explanation::None),
        },
        Stated::Values { from: a, to: b } => {
            if a != c.from || b != c.to {
                (Verdict::DoesNotMatch, Explanation::None)
            } else if from.year != period[0] || to.year != period[1] {
                (Verdict::MixedYears, Explanation::EndYear { year: to.year, period_end: period[1] })
            } else {
                (Verdict::Matches, Explanation::None)
            }
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn checks() -> Vec<(String, Verdict, Explanation, Change)> {
        let d = Box::leak(Box::new(Dataset::binzhou()));
        check_all(d)
            .unwrap()
            .into_iter()
            .map(|c| (c.claim.id.clone(), c.verdict, c.explanation, c.computed.unwrap()))
            .collect()
    }

    #[test]
    fn c1_thirty_percent_does_not_match_and_is_the_share_of_new_products() {
        let (id, v, e, c) = checks().remove(0);
        assert_eq!(id, "C1");
        assert_eq!(v, Verdict::DoesNotMatch);
        assert!((c.percent.unwrap() - 43.24).abs() < 0.01);
        match e {
            Explanation::ShareOfLater { percent } => assert!((percent - 30.19).abs() < 0.01),
            other => panic!("expected the share explanation, got {other:?}"),
        }
    }

    #[test]
    fn c2_nearly_fourfold_is_consistent_only_as_nearly_four_times() {
        let (_, v, e, c) = checks().remove(1);
        assert_eq!(v, Verdict::ConsistentIfRead);
        assert_eq!(e, Explanation::NearlyTimes { stated: 4.0 });
        assert_eq!(c.ratio, Some(3.75));
        assert_eq!(c.percent, Some(275.0));
    }

    #[test]
    fn c3_chemicals_matches() {
        let (_, v, _, c) = checks().remove(2);
        assert_eq!(v, Verdict::Matches);
        assert_eq!(c.absolute, 2.0);
        assert!((c.percent.unwrap() - 16.67).abs() < 0.01);
    }

    #[test]
    fn c4_textiles_is_flagged_for_mixed_years() {
        let (_, v, e, c) = checks().remove(3);
        assert_eq!(v, Verdict::MixedYears);
        assert_eq!(e, Explanation::EndYear { year: 2024, period_end: 2023 });
        assert_eq!(c.ratio, Some(3.0));
        assert_eq!(c.percent, Some(200.0));
    }

    #[test]
    fn verdicts_follow_the_numbers_not_the_ids() {
        let period = [2021, 2023];
        let v = |year, value| Value {
            id: "x".into(),
            metric: "m".into(),
            year,
            scope: crate::data::Scope::Global,
            industry: None,
            value: Some(value),
            source: "s".into(),
            note: None,
            unknown: Default::default(),
        };
        let c = change(37.0, 53.0);
        let stated = Stated::PercentChange { percent: 43.0 };
        assert_eq!(judge(&stated, &c, &v(2021, 37.0), &v(2023, 53.0), period).0, Verdict::Matches);
        let stated = Stated::PercentChange { percent: 50.0 };
        assert_eq!(
            judge(&stated, &c, &v(2021, 37.0), &v(2023, 53.0), period),
            (Verdict::DoesNotMatch, Explanation::None)
        );
        let stated = Stated::Ratio { ratio: 4.0, approximate: false };
        assert_eq!(judge(&stated, &change(4.0, 15.0), &v(2021, 4.0), &v(2023, 15.0), period).0, Verdict::DoesNotMatch);
        let stated = Stated::Values { from: 12.0, to: 15.0 };
        assert_eq!(
            judge(&stated, &change(12.0, 14.0), &v(2021, 12.0), &v(2023, 14.0), period).0,
            Verdict::DoesNotMatch
        );
    }

    #[test]
    fn an_unreported_figure_cannot_be_checked() {
        let mut d = Dataset::binzhou();
        d.values.iter_mut().find(|v| v.id == "F6").unwrap().value = None;
        let checks = check_all(&d).unwrap();
        assert_eq!(checks[2].verdict, Verdict::CannotCheck);
        assert_eq!(checks[2].computed, None);
    }
}
