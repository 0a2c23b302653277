"""The line counter on its own (no TensorFlow): ``sys.settrace`` on this Python, ``sys.monitoring``
on 3.12+ when such an interpreter is installed, and a trace callback that fails must not switch
counting off."""

from __future__ import annotations

import glob
import json
import os
import shutil
import subprocess
import sys
import textwrap
from collections import Counter

import pytest
from conftest import REPO

from tflint.runtime.lines import LineTracer

USER_CODE = """
def work(n):
    total = 0
    for i in range(n):
        total += i
    try:
        raise ValueError("caught")
    except ValueError:
        pass
    return total
"""

DRIVER = textwrap.dedent("""
    import json, sys
    from collections import Counter
    from tflint.runtime.lines import LineTracer

    source = open(sys.argv[1]).read()
    namespace = {}
    exec(compile(source, sys.argv[1], "exec"), namespace)
    lines, errors = Counter(), []
    tracer = LineTracer(lambda code: code.co_filename == sys.argv[1],
                        lambda frame, line: lines.update([line]),
                        lambda frame, exc: errors.append((frame.f_lineno, type(exc).__name__)))
    tracer.start()
    namespace["work"](3)
    tracer.stop()
    print(json.dumps({"backend": tracer.backend, "lines": lines, "errors": errors}))
""")


def _expected_counts() -> dict[str, int]:
    # line numbers of USER_CODE once written to a file (the leading newline is stripped)
    return {"2": 1, "3": 4, "4": 3, "5": 1, "6": 1}


def _run(python: str, tmp_path) -> dict:
    user = tmp_path / "user.py"
    user.write_text(USER_CODE.lstrip(), encoding="utf-8")
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER, encoding="utf-8")
    result = subprocess.run(
        [python, str(driver), str(user)],
        capture_output=True,
        text=True,
        check=False,
        env=dict(os.environ, PYTHONPATH=str(REPO)),
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _python312() -> str | None:
    for name in ("python3.13", "python3.12"):
        found = shutil.which(name)
        if (
            found
            and subprocess.run([found, "-c", "import sys; sys.monitoring"], capture_output=True, check=False).returncode
            == 0
        ):
            return found
    candidates = sorted(glob.glob(os.path.expanduser("~/.pyenv/versions/3.1[2-9]*/bin/python")))
    return candidates[-1] if candidates else None


def test_settrace_counts_the_lines_and_exceptions_of_user_code_only(tmp_path):
    report = _run(sys.executable, tmp_path)
    assert report["backend"] == ("sys.monitoring" if hasattr(sys, "monitoring") else "sys.settrace")
    for line, count in _expected_counts().items():
        assert report["lines"][line] >= count, (line, report["lines"])
    assert report["lines"]["4"] == 3  # the loop body, once per iteration
    assert ["6", "ValueError"] in [[str(line), name] for line, name in report["errors"]]


def test_sys_monitoring_counts_the_same_lines_on_python_312(tmp_path):
    python = _python312()  # looked for when the test runs, not at collection
    if python is None:
        pytest.skip("no Python 3.12+ interpreter installed")
    report = _run(python, tmp_path)
    assert report["backend"] == "sys.monitoring"
    assert report["lines"]["4"] == 3
    assert report["lines"]["3"] >= 3
    assert ["6", "ValueError"] in [[str(line), name] for line, name in report["errors"]]


def test_a_failing_callback_does_not_switch_counting_off(tmp_path):
    path = tmp_path / "user.py"
    path.write_text(USER_CODE.lstrip(), encoding="utf-8")
    namespace: dict = {}
    exec(compile(path.read_text(), str(path), "exec"), namespace)  # pylint: disable=exec-used
    lines: Counter = Counter()

    def on_line(frame, line):
        lines.update([line])
        if line == 4 and lines[4] == 1:
            raise RecursionError("as if the user's recursion hit the limit inside the callback")

    tracer = LineTracer(lambda code: code.co_filename == str(path), on_line, lambda frame, exc: None)
    previous = sys.gettrace()
    tracer.start()
    try:
        namespace["work"](3)
        assert tracer.active
    finally:
        tracer.stop()
        sys.settrace(previous)
    assert lines[4] == 3 and lines[5] == 1
    assert tracer.dropped == 1
