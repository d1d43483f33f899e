//! A small stable sort for short lists.

use std::cmp::Ordering;

/// Sorts `items` by `order`, keeping equal items in the order they were in, as `slice::sort_by`
/// does.
///
/// It is an insertion sort: quadratic in the worst case, but linear on lists that are already
/// nearly in order, and the lists sorted with it are short (five stages, a dozen kinds, a class's
/// weak spots, attempts of which only imported ones can be out of place). Each element type
/// sorted with the standard library's sort adds about 4 KB of wasm; this adds a few hundred bytes.
///
/// ```
/// let mut words = ["pear", "fig", "apple", "kiwi"];
/// growsim::short_sort::sort_by(&mut words, |a, b| a.len().cmp(&b.len()));
/// assert_eq!(words, ["fig", "pear", "kiwi", "apple"]);
/// ```
pub fn sort_by<T>(items: &mut [T], mut order: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && order(&items[j - 1], &items[j]) == Ordering::Greater {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    proptest::proptest! {
        #[test]
        fn sorts_like_the_standard_stable_sort(items in proptest::collection::vec((0u8..8, 0u16..1000), 0..200)) {
            let mut ours = items.clone();
            let mut theirs = items;
            super::sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            theirs.sort_by_key(|a| a.0);
            proptest::prop_assert_eq!(ours, theirs);
        }
    }
}
