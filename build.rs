// Migrations and texts are embedded in the binary; rebuild when they change.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
    // Fluent files are compiled in one by one: a new file must rebuild too.
    println!("cargo:rerun-if-changed=locales");
}
