//! Bundles every `scenarios/*.toml` file into the binary, sorted by file name.

use std::{env, fs, path::Path};

fn main() {
    println!("cargo:rerun-if-changed=scenarios");
    let mut files: Vec<_> = fs::read_dir("scenarios")
        .expect("the scenarios/ folder exists")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    let mut out = String::from("&[\n");
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path.file_name().unwrap().to_string_lossy();
        let abs = fs::canonicalize(path).unwrap();
        out += &format!("    ({name:?}, include_str!({:?})),\n", abs.display().to_string());
    }
    out += "]\n";
    let dest = Path::new(&env::var("OUT_DIR").unwrap()).join("scenarios.rs");
    fs::write(dest, out).unwrap();
}
