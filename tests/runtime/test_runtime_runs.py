"""End-to-end runs of ``confirm`` with real TensorFlow: one verdict of each kind from tflint's own
findings, the exit status, the text report, untouched user files, the timeout (the process group is
killed, what was seen is kept), ``--pytest``, and files of a package run as modules."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from runtime_support import clean_env, line_of, run_cli, shared, write

from tflint.runtime.confirm import confirm_paths
from tflint.runtime.report import exit_status, to_text

VERDICTS = """
import tensorflow as tf


@tf.function
def shown(x):
    print("shown", x)  # confirmed
    return x + 1


@tf.function
def retraced(x):
    print("retraced", x)  # not-reproduced: a new Python float each call, so every call traces
    return x + 1


@tf.function
def unreachable(x):
    print("unreachable", x)  # not-exercised
    return x


for value in (1.0, 2.0, 3.0):
    shown(tf.constant(value))
    retraced(value)

if __name__ == "__never__":
    unreachable(tf.constant(0.0))
"""


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def verdicts(tmp_path_factory):
    def compute():
        folder = tmp_path_factory.mktemp("verdicts")
        script = write(folder, "verdicts.py", VERDICTS)
        before = _digest(folder)
        cwd = os.getcwd()
        os.chdir(folder)
        try:
            outcome = confirm_paths(["verdicts.py"], timeout=300)
        finally:
            os.chdir(cwd)
        return script, outcome, before, _digest(folder)

    return shared(tmp_path_factory, "confirm-verdicts", compute)


def _result(outcome, script, marker):
    line = line_of(script, marker)
    (result,) = [r for r in outcome.results if r.finding.line == line and r.finding.symbol == "tf-print-in-graph"]
    return result


def test_confirmed(verdicts):
    script, outcome, *_ = verdicts
    result = _result(outcome, script, "confirmed")
    assert result.verdict == "confirmed"
    assert result.evidence == "print ran 1 time in 3 calls of `shown`, only while TensorFlow traced it"


def test_not_reproduced_when_the_pitfall_does_not_happen_at_run_time(verdicts):
    script, outcome, *_ = verdicts
    result = _result(outcome, script, "not-reproduced: a new Python float each call, so every call traces")
    assert result.verdict == "not-reproduced"
    assert result.evidence == "print ran 3 times in 3 calls of `retraced`: no call ran without tracing it again"


def test_not_exercised_when_the_line_never_runs(verdicts):
    script, outcome, *_ = verdicts
    result = _result(outcome, script, "not-exercised")
    assert (result.verdict, result.evidence) == ("not-exercised", "print never ran")


def test_exit_status_follows_fail_on(verdicts):
    _, outcome, *_ = verdicts
    assert exit_status(outcome) == 1  # one not-reproduced
    assert exit_status(outcome, ()) == 0
    assert exit_status(outcome, ("not-exercised",)) == 1
    assert exit_status(outcome, ("confirmed",)) == 1


def test_text_report_has_one_line_per_finding_then_a_summary_table(verdicts):
    script, outcome, *_ = verdicts
    cwd = os.getcwd()
    os.chdir(script.parent)
    try:
        text = to_text(outcome)
    finally:
        os.chdir(cwd)
    lines = text.splitlines()
    assert lines[0] == (
        f"verdicts.py:{line_of(script, 'confirmed')} tf-print-in-graph confirmed \u2014 "
        "print ran 1 time in 3 calls of `shown`, only while TensorFlow traced it"
    )
    assert lines[1].startswith(
        f"verdicts.py:{line_of(script, 'not-reproduced: a new Python float each call, so every call traces')} tf-print-in-graph not-reproduced \u2014 "
    )
    assert lines[2].startswith(
        f"verdicts.py:{line_of(script, 'not-exercised')} tf-print-in-graph not-exercised \u2014 "
    )
    assert lines[4].split() == ["symbol", "confirmed", "not-reproduced", "not-exercised"]
    assert lines[6].split() == ["tf-print-in-graph", "1", "1", "1"]
    assert lines[7].split() == ["total", "1", "1", "1"]


def test_user_files_are_never_modified(verdicts):
    _, _, before, after = verdicts
    assert before == after


def _dead(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status", encoding="utf-8") as status:
            return "\nState:\tZ" in status.read()
    except FileNotFoundError:
        return True


@pytest.mark.skipif(os.name != "posix" or not os.path.isdir("/proc"), reason="process groups and /proc")
def test_timeout_kills_the_process_group_and_keeps_what_was_seen(tmp_path):
    script = write(
        tmp_path,
        "hangs.py",
        """
        import pathlib
        import subprocess
        import sys
        import time

        import tensorflow as tf

        here = pathlib.Path(__file__).parent
        sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
        (here / "grandchild.pid").write_text(str(sleeper.pid))


        @tf.function
        def step(x):
            print("step", x)  # print
            return x


        for value in (1.0, 2.0, 3.0):
            step(tf.constant(value))
        (here / "called").write_text("3 calls")
        while True:
            time.sleep(0.1)
    """,
    )
    started = time.monotonic()
    result = run_cli("confirm", str(script), "--format", "json", "--timeout", "10", cwd=tmp_path)
    elapsed = time.monotonic() - started
    report = json.loads(result.stdout)
    (run,) = report["runs"]
    assert run["timed_out"] is True and "timed out after" in run["problem"]
    assert elapsed < 10 + 20
    assert _dead(int((tmp_path / "grandchild.pid").read_text()))
    (finding,) = [f for f in report["findings"] if f["symbol"] == "tf-print-in-graph"]
    if (tmp_path / "called").exists():  # the calls happened before the timeout: their evidence is kept
        assert finding["verdict"] == "confirmed", finding
        assert "3 calls of `step`" in finding["evidence"]


def test_pytest_runs_the_test_suite_under_the_instrumentation(tmp_path):
    write(
        tmp_path,
        "model.py",
        """
        import tensorflow as tf

        history = []


        @tf.function
        def double(x):
            history.append(x)  # side effect
            return x * 2
    """,
    )
    write(
        tmp_path,
        "test_model.py",
        """
        import tensorflow as tf

        from model import double


        def test_double():
            for value in (1.0, 2.0, 3.0):
                assert float(double(tf.constant(value))) == 2 * value
    """,
    )
    result = run_cli(
        "confirm",
        ".",
        "--format",
        "json",
        "--pytest",
        "-q -p no:cacheprovider test_model.py",
        cwd=tmp_path,
        env=clean_env(),
    )
    report = json.loads(result.stdout)
    (run,) = report["runs"]
    assert (report["mode"], run["kind"], run["exit_code"]) == ("pytest", "pytest", 0), run["stdout_tail"]
    assert "1 passed" in run["stdout_tail"]
    (finding,) = [f for f in report["findings"] if f["symbol"] == "tf-python-side-effect"]
    assert (finding["path"], finding["verdict"]) == ("model.py", "confirmed")
    assert finding["evidence"].startswith("`history.append(x)` ran 1 time in 3 calls of `double`")
    assert result.returncode == 0


def test_package_files_run_as_modules_and_helpers_are_judged_by_the_run_that_used_them(tmp_path):
    write(tmp_path, "pkg/__init__.py", "")
    write(
        tmp_path,
        "pkg/helpers.py",
        """
        def log(x):
            print("value", x)  # helper print
    """,
    )
    write(
        tmp_path,
        "pkg/train.py",
        """
        import tensorflow as tf

        from .helpers import log


        @tf.function
        def step(x):
            log(x)
            return x + 1


        if __name__ == "__main__":
            for value in (1.0, 2.0):
                step(tf.constant(value))
    """,
    )
    result = run_cli("confirm", "pkg", "pkg/train.py", "--format", "json", cwd=tmp_path)
    report = json.loads(result.stdout)
    assert sorted((r["name"], r["kind"], r["exit_code"]) for r in report["runs"]) == [
        ("pkg/helpers.py", "module", 0),
        ("pkg/train.py", "module", 0),
    ]
    (finding,) = [f for f in report["findings"] if f["symbol"] == "tf-print-in-graph"]
    assert (finding["path"], finding["verdict"], finding["run"]) == ("pkg/helpers.py", "confirmed", "pkg/train.py")
    assert "1 time in 2 calls of `step`" in finding["evidence"]


def _children_in(folder: Path) -> list[int]:
    """Instrumented children whose working directory is ``folder``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes()
            cwd = os.readlink(entry / "cwd")
        except OSError:
            continue
        if b"tflint.runtime.child" in cmdline and Path(cwd) == folder:
            found.append(int(entry.name))
    return found


@pytest.mark.skipif(os.name != "posix" or not os.path.isdir("/proc"), reason="signals and /proc")
def test_sigterm_to_confirm_stops_its_runs(tmp_path):
    write(
        tmp_path,
        "hangs.py",
        """
        import time

        import tensorflow as tf


        @tf.function
        def step(x):
            print(x)
            return x


        step(tf.constant(1.0))
        while True:
            time.sleep(0.1)
    """,
    )
    parent = subprocess.Popen(
        [sys.executable, "-m", "tflint", "confirm", "hangs.py"],
        cwd=tmp_path,
        env=clean_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 120
        while not _children_in(tmp_path):
            assert parent.poll() is None and time.monotonic() < deadline, "the child never started"
            time.sleep(0.2)
        parent.send_signal(signal.SIGTERM)
        assert parent.wait(timeout=30) == 128 + signal.SIGTERM
        assert _children_in(tmp_path) == []
    finally:
        if parent.poll() is None:
            parent.kill()
