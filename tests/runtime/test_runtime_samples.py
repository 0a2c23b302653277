"""``python -m tflint confirm samples/`` with real TensorFlow: every finding of every bad sample is
confirmed with evidence, every good sample is clean. Covers whatever samples exist when it runs
(one confirm run, shared by every test here, also across pytest-xdist workers)."""

from __future__ import annotations

import json

import pytest
from conftest import BAD_SAMPLES, GOOD_SAMPLES, REPO, annotated_findings, sample_id
from runtime_support import run_cli, shared


def _rel(path) -> str:
    return path.relative_to(REPO).as_posix()


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    def compute():
        # every sample's rule, the opt-in ones too (named after --, as users do)
        result = run_cli("confirm", "samples/", "--format", "json", "--jobs", "2", "--", "--enable=tflint-opt-in")
        return {
            "returncode": result.returncode,
            "stderr": result.stderr,
            "report": json.loads(result.stdout) if result.stdout.strip() else None,
        }

    return shared(tmp_path_factory, "confirm-samples", compute)


def test_confirm_samples_exits_0_with_nothing_on_stderr(report):
    assert report["report"] is not None, report["stderr"][-3000:]
    assert report["stderr"] == ""
    assert report["returncode"] == 0, json.dumps(report["report"]["summary"], indent=2)
    assert report["report"]["exit_status"] == 0


def _covered(report, path) -> None:
    if _rel(path) not in {f["path"] for f in report["report"]["files"]}:
        pytest.skip("the sample was added after the shared confirm run started")


@pytest.mark.parametrize("path", BAD_SAMPLES, ids=sample_id)
def test_every_finding_of_a_bad_sample_is_confirmed_with_evidence(report, path):
    _covered(report, path)
    findings = [f for f in report["report"]["findings"] if f["path"] == _rel(path)]
    assert sorted((f["symbol"], f["line"]) for f in findings) == annotated_findings(path)
    unconfirmed = [
        (f["line"], f["symbol"], f["verdict"], f["evidence"]) for f in findings if f["verdict"] != "confirmed"
    ]
    assert unconfirmed == []
    assert all(f["evidence"] and f["run"] == _rel(path) for f in findings)


@pytest.mark.parametrize("path", BAD_SAMPLES, ids=sample_id)
def test_every_bad_sample_ran_to_completion(report, path):
    _covered(report, path)
    (run,) = [r for r in report["report"]["runs"] if r["name"] == _rel(path)]
    assert (run["exit_code"], run["timed_out"], run["problem"]) == (0, False, None), run["stderr_tail"]
    assert run["stdout_tail"].strip(), "the sample prints what it observed"


@pytest.mark.parametrize("path", GOOD_SAMPLES, ids=sample_id)
def test_a_good_sample_has_no_findings_and_is_not_run(report, path):
    _covered(report, path)
    (entry,) = [f for f in report["report"]["files"] if f["path"] == _rel(path)]
    assert entry == {"path": _rel(path), "findings": 0, "run": False}


def test_the_summary_counts_every_annotated_pitfall_as_confirmed(report):
    run = [REPO / f["path"] for f in report["report"]["files"] if f["path"].endswith("/bad.py")]
    expected = sum(len(annotated_findings(path)) for path in run)
    summary = report["report"]["summary"]
    assert (summary["findings"], summary["confirmed"]) == (expected, expected)
    assert summary["runs"] == len(run) and summary["runs_with_problems"] == 0
