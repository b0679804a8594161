//! The `rimport` group through real sessions, on the local fixture crate
//! `counter` (quick to build; reqwest would take minutes): one cold import
//! as `--quick` runs it, the warm cases, a short loop. Times are never asserted on: the machines
//! are shared and noisy.

use keyton_bench::rimport::{ColdModes, Settings, Workload, report, run};
use keyton_compiler::Cache;

/// Every case has finite, positive figures.
#[test]
fn the_cases_on_the_fixture_crate_give_figures() {
    let cache = Cache::from_env().unwrap();
    let work = tempfile::tempdir().unwrap();
    let settings = Settings {
        reps: 1,
        cells: 1,
        cold_runs: 1,
        cold_modes: ColdModes::Quick,
        cold_workload: Workload::counter(),
        workload: Workload::counter(),
        loop_calls: 1000,
    };
    let results = run(&settings, &cache, work.path());
    let names: Vec<&str> = results.figures.iter().map(|f| &f.case.name[..]).collect();
    assert_eq!(
        names,
        [
            "cold session start",
            "cold `rimport counter`",
            "restart + `rimport counter`",
            "warm counter call",
            "loop of 10^3 counter.mix"
        ]
    );
    for figure in &results.figures {
        let case = &figure.case;
        assert_eq!(case.failure, None, "{}", case.name);
        assert!(!case.measurements.is_empty(), "{}", case.name);
        for measurement in &case.measurements {
            let median = measurement.summary().unwrap().median;
            assert!(median.is_finite() && median > 0.0, "{measurement:?}");
        }
    }
    // One sccache setting ran; the note says why not the other.
    let note = results.figures[1].note.as_deref().unwrap_or_default();
    assert!(note.starts_with("sccache o"), "{note}");
    assert_eq!(results.calls.len(), 1);
    let report = report(&results);
    assert!(
        report.contains("<= 3.000 s") && report.contains("execute"),
        "{report}"
    );
}
