//! The core's JSON reader against the JSONTestSuite parsing corpus
//! (tests/data/JSONTestSuite): every `y_` file is accepted, every `n_` file
//! refused, and no file, `i_` ones included, makes it panic. One test a file.

use std::fs;
use std::panic;
use std::path::Path;

use libtest_mimic::{Arguments, Failed, Trial};
use whatsjet::json::{self, ToJson};

const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/JSONTestSuite/test_parsing"
);

fn main() {
    let args = Arguments::from_args();
    let mut paths: Vec<_> = fs::read_dir(CORPUS)
        .map(|dir| dir.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.sort();
    let mut trials: Vec<Trial> = paths
        .into_iter()
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|path| {
            let name = path.file_stem().unwrap_or_default().to_string_lossy();
            Trial::test(name.into_owned(), move || check(&path))
        })
        .collect();
    // An empty or missing corpus would otherwise pass as zero tests.
    trials.push(Trial::test("the_corpus_is_all_there", || {
        let count = |prefix: &str| {
            fs::read_dir(CORPUS)
                .into_iter()
                .flatten()
                .filter_map(|e| e.ok())
                .filter(|e| e.file_name().to_string_lossy().starts_with(prefix))
                .count()
        };
        let counts = (count("y_"), count("n_"), count("i_"));
        if counts == (95, 188, 35) {
            Ok(())
        } else {
            Err(format!("y_, n_, i_ files: {counts:?}, expected (95, 188, 35)").into())
        }
    }));
    libtest_mimic::run(&args, trials).exit();
}

fn check(path: &Path) -> Result<(), Failed> {
    let bytes = fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    // The reader takes text: invalid UTF-8 becomes U+FFFD first, as the
    // transport's `Response.text()` decodes a body.
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let outcome = panic::catch_unwind(|| json::parse(&text))
        .map_err(|_| format!("the reader panicked on {text:?}"))?;
    match (&name[..2], outcome) {
        ("y_", Err(e)) => Err(format!("refused ({e:?}) valid JSON {text:?}").into()),
        ("n_", Ok(v)) => Err(format!("accepted {text:?} as {}", v.to_json_string()).into()),
        _ => Ok(()),
    }
}
