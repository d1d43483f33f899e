//! The session's random numbers. A shared link carries a seed, and everyone who opens it must get
//! the same phrasings and menu order, so the generator is one whose output is fixed by its
//! definition: SplitMix64 (Steele, Lea and Flood, 2014). `rand`'s `StdRng` makes no such promise
//! across versions, and weighs more in the download.
//!
//! ```
//! use growsim::engine::SplitMix64;
//! use rand::RngCore;
//! assert_eq!(SplitMix64::new(0).next_u64(), 0xE220_A839_7B1D_CDAF);
//! ```

use rand::RngCore;

/// A seeded generator; use it through `rand::Rng` (`random_range`, `shuffle`, …).
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64(seed)
    }
}

impl RngCore for SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn next_u32(&mut self) -> u32 {
        (self.next_u64() >> 32) as u32
    }

    fn fill_bytes(&mut self, dest: &mut [u8]) {
        rand::rand_core::impls::fill_bytes_via_next(self, dest)
    }
}
