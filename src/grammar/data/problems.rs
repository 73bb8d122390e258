//! The capped list of [`Problem`]s a load collects: at most [`MAX_PROBLEMS`] listed, the rest
//! counted in one summary entry, so a broken million-row file cannot exhaust memory.

use super::{Problem, MAX_PROBLEMS};

/// Problems collected while loading.
#[derive(Debug, Default)]
pub(crate) struct Problems {
    list: Vec<Problem>,
    more: usize,
    first_unlisted_row: usize,
}

impl Problems {
    /// Records one problem.
    pub(crate) fn push(&mut self, row: usize, field: &str, text: &str, message: impl Into<String>) {
        if self.list.len() < MAX_PROBLEMS {
            self.list.push(Problem { row, field: field.to_string(), text: clip(text), message: message.into() });
        } else {
            if self.more == 0 {
                self.first_unlisted_row = row;
            }
            self.more += 1;
        }
    }

    /// The list, with a summary entry when some were not listed.
    pub(crate) fn finish(mut self) -> Vec<Problem> {
        if self.more > 0 {
            self.list.push(Problem {
                row: self.first_unlisted_row,
                field: String::new(),
                text: String::new(),
                message: format!("{} more problems not listed (from this row on)", self.more),
            });
        }
        self.list
    }
}

/// Text of a problem, cut to 200 characters (a whole bad document must not be copied).
fn clip(text: &str) -> String {
    match text.char_indices().nth(200) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn caps_the_list_and_counts_the_rest() {
        let mut p = Problems::default();
        for r in 0..MAX_PROBLEMS + 5 {
            p.push(r, "f", "x", "bad");
        }
        let l = p.finish();
        assert_eq!(l.len(), MAX_PROBLEMS + 1);
        let last = &l[MAX_PROBLEMS];
        assert_eq!(last.row, MAX_PROBLEMS);
        assert!(last.message.starts_with("5 more problems"), "{}", last.message);
        let mut p = Problems::default();
        p.push(0, "f", &"y".repeat(500), "long");
        assert_eq!(p.finish()[0].text.chars().count(), 201);
    }
}
