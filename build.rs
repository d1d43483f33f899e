//! Bundles every `scenarios/*.toml` file into the binary, sorted by file name.
//!
//! The files are prose-heavy and share much of their wording, so they are stored as one bzip2
//! stream: about 70 KB instead of the ~100 KB gzip makes of the plain text in the wasm download
//! (gzip's 32 KB window cannot see repeats across files). `src/library.rs` unpacks them once.
//! Writes `scenarios.bz2` and `scenarios.rs`, the list of `(file name, length in bytes)`; the
//! drills in `drills/*.toml` are packed the same way, as `drills.bz2` and `drills.rs`.
//! The scenarios' heads (their cards: id, title, brief…) are packed on their own as
//! `heads.bz2` and `heads.rs`. The web build bundles only those and fetches a whole scenario file
//! when a session needs it, so its download does not grow with every scenario written.
//!
//! It also reads the stage model with the same reader the app uses, so a model file that is
//! missing, truncated or from another version stops the build with a message naming it.

use std::io::Write;
use std::{env, fs, path::Path};

#[allow(dead_code)]
#[path = "src/scoring/model_file.rs"]
mod model_file;

#[path = "src/scenario/head.rs"]
mod head;

fn main() {
    // The web app's library bundles only the heads.
    if env::var("CARGO_CFG_TARGET_ARCH").as_deref() != Ok("wasm32") {
        pack("scenarios", "scenarios", |source| source);
    }
    pack("scenarios", "heads", head::head);
    pack("drills", "drills", |source| source);
    check_model();
}

/// Refuses to build with a stage model the app could not read.
fn check_model() {
    let file = model_file::FILE;
    println!("cargo:rerun-if-changed={file}");
    let text = fs::read_to_string(file)
        .unwrap_or_else(|e| panic!("{file} cannot be read ({e}): run `cargo run --release --bin growsim -- train`"));
    if let Err(e) = model_file::Model::parse(&text) {
        panic!("{file}: {e}. Run `cargo run --release --bin growsim -- train` to write it again.");
    }
}

/// Packs `part` of every `<dir>/*.toml` file as `<name>.bz2`, with the list of lengths as `<name>.rs`.
fn pack(dir: &str, name: &str, part: fn(&str) -> &str) {
    println!("cargo:rerun-if-changed={dir}");
    let mut files: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("the {dir}/ folder exists: {e}"))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    let mut text = Vec::new();
    let mut list = String::from("&[\n");
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let file = path.file_name().unwrap().to_string_lossy();
        let source = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let source = part(&source);
        list += &format!("    ({file:?}, {}),\n", source.len());
        text.extend_from_slice(source.as_bytes());
    }
    list += "]\n";
    // The smallest block size (in units of 100 kB) that holds everything in one block, so the
    // stream compresses as well as at level 9 while unpacking needs less memory.
    let level = (text.len() / 100_000 + 1).min(9) as u32;
    let mut encoder = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::new(level));
    encoder.write_all(&text).unwrap();
    let packed = encoder.finish().unwrap();
    let out = env::var("OUT_DIR").unwrap();
    fs::write(Path::new(&out).join(format!("{name}.bz2")), packed).unwrap();
    fs::write(Path::new(&out).join(format!("{name}.rs")), list).unwrap();
}
