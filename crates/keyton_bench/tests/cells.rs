//! The `cells` group through real sessions (in the shared cache, whose
//! deps dylib the first session builds), as short as it goes. Times are
//! never asserted on: the machines are shared and noisy.

use keyton_bench::cells::{Settings, report, run};
use keyton_bench::figure::Figure;
use keyton_compiler::Cache;

/// Every case and phase column has figures.
#[test]
fn a_short_run_gives_every_case_a_figure() {
    let cache = Cache::from_env().unwrap();
    let work = tempfile::tempdir().unwrap();
    let settings = Settings {
        reps: 1,
        session_cells: 8,
    };
    let results = run(&settings, &cache, work.path());
    let names: Vec<&str> = results.figures.iter().map(|f| &f.case.name[..]).collect();
    assert_eq!(
        names,
        [
            "warm `1 + 1`",
            "warm `double(21)`",
            "cell 8 vs cell 5",
            "bare rustc, cell 8 vs cell 5"
        ]
    );
    for Figure { case, .. } in &results.figures {
        assert_eq!(case.failure, None, "{}", case.name);
        let ratio = case.ratio(0, 1).unwrap();
        assert!(ratio.is_finite() && ratio > 0.0, "{}: {ratio}", case.name);
        for measurement in &case.measurements {
            let median = measurement.summary().unwrap().median;
            assert!(median.is_finite() && median > 0.0, "{measurement:?}");
        }
    }
    let labels: Vec<&str> = results.phases.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(labels, ["warm `1 + 1` ms", "cells 3-7 ms", "cells 4-8 ms"]);
    for (label, samples) in &results.phases {
        assert!(!samples.is_empty(), "{label}");
        for sample in samples {
            let rustc = sample.timings.rustc.as_secs_f64();
            assert!(
                rustc > 0.0 && sample.execute >= rustc,
                "{label}: {sample:?}"
            );
        }
    }
    // Every cell of the long session is on the curve; bare rustc of cell 1
    // (then of every tenth) beside it.
    assert_eq!(results.curve.cells.len(), 8);
    assert_eq!(results.curve.rustc.len(), 1);
    assert_eq!(results.curve.rustc[0].0, 1);
    assert!(report(&results).contains("execute"));
}
