//! The browser entry point, built for wasm32 by Trunk (see `index.html`).

#[cfg(target_arch = "wasm32")]
fn main() {
    growsim::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("growsim-web runs in the browser. Use `scripts/serve` to build and open it.");
    std::process::exit(2);
}
