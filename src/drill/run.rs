//! One drill in progress: a few items of one move, one at a time, then a summary.

use super::{check, items_of, DrillResult, Item, Move};

/// Items in one drill: about two minutes at twenty-odd seconds each.
pub const ITEMS_PER_RUN: usize = 5;

/// A rewrite and how it did.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub rewrite: String,
    pub result: DrillResult,
}

/// A drill being worked through.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub drill: Move,
    pub items: Vec<Item>,
    /// The answers so far, one per item answered.
    pub answers: Vec<Answer>,
    /// The item showing. When it has an answer, its result shows until [`Run::advance`].
    pub position: usize,
    /// Why the last rewrite was not scored (empty, far too long), if it wasn't.
    pub refused: Option<String>,
}

impl Run {
    /// A drill of [`ITEMS_PER_RUN`] bundled items of `drill`, picked and ordered by `seed`.
    pub fn new(drill: Move, seed: u64) -> Run {
        let mut items: Vec<Item> = items_of(drill).cloned().collect();
        // A Fisher–Yates shuffle driven by SplitMix64 steps, so a seed gives the same drill.
        let mut state = seed;
        for i in (1..items.len()).rev() {
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^= z >> 31;
            items.swap(i, (z % (i as u64 + 1)) as usize);
        }
        items.truncate(ITEMS_PER_RUN);
        Run::of(drill, items)
    }

    /// A drill of exactly these items.
    pub fn of(drill: Move, items: Vec<Item>) -> Run {
        Run { drill, items, answers: Vec::new(), position: 0, refused: None }
    }

    /// The item showing, unless the drill is over.
    pub fn current(&self) -> Option<&Item> {
        self.items.get(self.position)
    }

    /// The answer to the item showing, once given.
    pub fn answered(&self) -> Option<&Answer> {
        self.answers.get(self.position)
    }

    pub fn finished(&self) -> bool {
        self.position >= self.items.len()
    }

    /// Scores a rewrite of the item showing. A refused one (empty, too long) is not recorded:
    /// the learner can try again.
    pub fn submit(&mut self, rewrite: &str) {
        let Some(item) = self.current() else { return };
        if self.answered().is_some() {
            return;
        }
        let result = check(item, rewrite);
        if result.refused {
            self.refused = Some(result.sentence);
            return;
        }
        self.refused = None;
        self.answers.push(Answer { rewrite: rewrite.trim().to_string(), result });
    }

    /// Moves on from an answered item. Returns true when that finished the drill.
    pub fn advance(&mut self) -> bool {
        if self.answered().is_none() {
            return false;
        }
        self.position += 1;
        self.finished()
    }

    /// How many rewrites passed.
    pub fn passed(&self) -> usize {
        self.answers.iter().filter(|a| a.result.passed).count()
    }
}
