"""Every rule family end to end: tflint's real checkers find the pitfalls in a runnable script, and
``confirm`` proves each one under real TensorFlow. Each script (tests/runtime_scripts/) marks its
findings with ``# [symbol]``, optionally followed by the verdict when it is not ``confirmed``."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from conftest import REPO
from runtime_support import run_cli

SCRIPTS = sorted((REPO / "tests" / "runtime_scripts").glob("*.py"))
_MARK = re.compile(r"#\s*\[([a-z0-9, -]+)\](?:\s+(not-exercised|not-reproduced))?")


def _expected(path) -> list[tuple[str, int, str]]:
    found = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = _MARK.search(line)
        if match:
            verdict = match.group(2) or "confirmed"
            found.extend((symbol.strip(), number, verdict) for symbol in match.group(1).split(","))
    return sorted(found)


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.stem)
def test_every_finding_of_the_family_gets_its_verdict(script, tmp_path):
    # Copied out of tests/: the checkers treat files under tests/ as test code on purpose.
    shutil.copy(script, tmp_path / script.name)
    # every rule of the family, the opt-in ones too (named after --, as users do)
    result = run_cli("confirm", script.name, "--format", "json", "--", "--enable=tflint-opt-in", cwd=tmp_path)
    report = json.loads(result.stdout)
    (run,) = report["runs"]
    assert (run["exit_code"], run["problem"]) == (0, None), run["stderr_tail"]
    got = sorted((f["symbol"], f["line"], f["verdict"]) for f in report["findings"])
    assert got == _expected(script), "\n".join(
        f"{f['line']} {f['symbol']} {f['verdict']}: {f['evidence']}" for f in report["findings"]
    )
    assert all(f["evidence"] for f in report["findings"])
