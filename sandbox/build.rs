// `include_dir!` sees a changed fixture but not a new or removed one on
// stable Rust; this reruns the build whenever the directory changes.
fn main() {
    println!("cargo:rerun-if-changed=answers");
}
