//! With the `split` feature, the wasm bin is linked with `--emit-relocs`: `xtask split` needs the
//! relocations to build the call graph and cut the lazy routes out into their own modules.
//! (cargo-leptos passes the same flag as `-Clink-args=--emit-relocs` for `--split`.)

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    if wasm && std::env::var_os("CARGO_FEATURE_SPLIT").is_some() {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
}
