//! The drills bundled at build time from `drills/*.toml` (`build.rs` packs them as one bzip2
//! stream, as it does the scenarios).

use super::{DrillFile, Item, Move};
use std::sync::OnceLock;

/// Every bundled drill file as `(file name, TOML source)`, sorted by file name.
pub fn files() -> &'static [(&'static str, &'static str)] {
    static CELL: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    CELL.get_or_init(|| {
        crate::library::unpack(
            include!(concat!(env!("OUT_DIR"), "/drills.rs")),
            include_bytes!(concat!(env!("OUT_DIR"), "/drills.bz2")),
            "drills",
        )
    })
}

/// The bundled drill files, parsed once. A file that fails to parse is left out; `growsim
/// check` and the tests keep the bundled files valid.
pub fn all() -> &'static [DrillFile] {
    static CELL: OnceLock<Vec<DrillFile>> = OnceLock::new();
    CELL.get_or_init(|| files().iter().filter_map(|(name, source)| super::parse(name, source).ok()).collect())
}

/// Every bundled item for a move, in file order.
pub fn items_of(drill: Move) -> impl Iterator<Item = &'static Item> {
    all().iter().filter(move |f| f.drill == drill).flat_map(|f| f.items.iter())
}
