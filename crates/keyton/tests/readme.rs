//! The README's examples run: every ```keyton block followed by a ```text
//! block is a program and the exact output it must print.

mod common;

use std::path::Path;

/// (program, expected stdout) pairs, in README order.
fn examples(readme: &str) -> Vec<(String, String)> {
    let mut blocks: Vec<(String, String)> = Vec::new();
    let mut lines = readme.lines();
    while let Some(line) = lines.next() {
        if let Some(lang) = line.strip_prefix("```") {
            let body: Vec<&str> = lines
                .by_ref()
                .take_while(|l| !l.starts_with("```"))
                .collect();
            blocks.push((lang.trim().to_string(), body.join("\n") + "\n"));
        }
    }
    blocks
        .windows(2)
        .filter(|w| w[0].0 == "keyton" && w[1].0 == "text")
        .map(|w| (w[0].1.clone(), w[1].1.clone()))
        .collect()
}

#[test]
fn readme_examples_print_what_the_readme_says() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    let examples = examples(&readme);
    assert!(
        !examples.is_empty(),
        "the README shows at least one example"
    );
    let dir = tempfile::tempdir().expect("a temp dir");
    for (i, (program, expected)) in examples.iter().enumerate() {
        let path = dir.path().join(format!("readme_{i}.kt"));
        std::fs::write(&path, program).expect("write the example");
        let out = common::run_script(&path).output().expect("keyton runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "README example {i} failed:\n{stderr}");
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            *expected,
            "README example {i}"
        );
    }
}

#[test]
fn the_example_scripts_run() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut ran = 0;
    for entry in std::fs::read_dir(&dir).expect("examples/") {
        let path = entry.expect("an entry").path();
        if path.extension().is_some_and(|e| e == "kt") {
            let out = common::run_script(&path).output().expect("keyton runs");
            assert!(
                out.status.success(),
                "{}: {}",
                path.display(),
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(
                !out.stdout.is_empty(),
                "{} prints something",
                path.display()
            );
            ran += 1;
        }
    }
    assert!(ran > 0, "examples/ holds scripts");
}
