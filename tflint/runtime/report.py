"""The runtime mode's report: text for people, JSON (schema in docs/runtime.md) for tools.

The JSON schema is versioned by ``schema_version``: fields are only ever added within a version.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from typing import Any

import tflint
from tflint.runtime.confirm import Outcome
from tflint.runtime.confirmations import NOT_REPRODUCED, VERDICTS
from tflint.runtime.findings import display_path

SCHEMA_VERSION = 1
DEFAULT_FAIL_ON = (NOT_REPRODUCED,)


def exit_status(outcome: Outcome, fail_on: tuple[str, ...] = DEFAULT_FAIL_ON) -> int:
    """0 when no finding has a verdict in ``fail_on``, 1 when one does, 2 when nothing could run
    or a file could not be analysed (its lack of findings says nothing)."""
    if outcome.tensorflow_missing or outcome.static.problems:
        return 2
    return 1 if any(result.verdict in fail_on for result in outcome.results) else 0


def summary(outcome: Outcome) -> dict[str, Any]:
    counts = Counter(result.verdict for result in outcome.results)
    by_symbol: dict[str, dict[str, int]] = {}
    for result in outcome.results:
        row = by_symbol.setdefault(result.finding.symbol, dict.fromkeys(VERDICTS, 0))
        row[result.verdict] += 1
    with_findings = {f.path for f in outcome.static.findings}
    return {
        "findings": len(outcome.results),
        **{verdict: counts.get(verdict, 0) for verdict in VERDICTS},
        "by_symbol": dict(sorted(by_symbol.items())),
        "files": len(outcome.static.files),
        "files_with_findings": len(with_findings),
        "runs": len(outcome.runs),
        "runs_with_problems": sum(1 for run in outcome.runs if run.problem()),
    }


def _tensorflow_version(outcome: Outcome) -> str | None:
    for run in outcome.runs:
        version = ((run.observations or {}).get("run") or {}).get("tensorflow_version")
        if version:
            return version
    return None


def to_json(outcome: Outcome, fail_on: tuple[str, ...] = DEFAULT_FAIL_ON) -> dict[str, Any]:
    cwd = os.getcwd()
    with_findings = Counter(f.path for f in outcome.static.findings)
    run_paths = {run.plan.path for run in outcome.runs}
    return {
        "schema_version": SCHEMA_VERSION,
        "tflint_version": tflint.__version__,
        "tensorflow_version": _tensorflow_version(outcome),
        "python_version": sys.version.split()[0],
        "mode": outcome.mode,
        "paths": outcome.paths,
        "findings": [
            {
                "path": display_path(r.finding.path, cwd),
                "line": r.finding.line,
                "column": r.finding.column,
                "end_line": r.finding.end_line,
                "end_column": r.finding.end_column,
                "symbol": r.finding.symbol,
                "msgid": r.finding.msgid,
                "confidence": r.finding.confidence,
                "message": r.finding.message,
                "verdict": r.verdict,
                "evidence": r.evidence,
                "run": r.run,
            }
            for r in outcome.results
        ],
        "files": [
            {
                "path": display_path(path, cwd),
                "findings": with_findings.get(path, 0),
                "run": path in run_paths or outcome.mode == "pytest" and bool(with_findings.get(path)),
            }
            for path in outcome.static.files
        ],
        "runs": [
            {
                "name": run.plan.name,
                "kind": run.plan.kind,
                "exit_code": ((run.observations or {}).get("run") or {}).get("exit_code", run.returncode),
                "timed_out": run.timed_out,
                "duration": round(run.duration, 2),
                "problem": run.problem(),
                "stdout_tail": run.stdout[-2000:],
                "stderr_tail": run.stderr[-2000:],
                "notes": (run.observations or {}).get("notes", []),
            }
            for run in outcome.runs
        ],
        "problems": outcome.static.problems,
        "summary": summary(outcome),
        "exit_status": exit_status(outcome, fail_on),
    }


def to_text(outcome: Outcome) -> str:
    cwd = os.getcwd()
    lines: list[str] = []
    for result in outcome.results:
        finding = result.finding
        lines.append(
            f"{display_path(finding.path, cwd)}:{finding.line} {finding.symbol} {result.verdict} "
            f"\u2014 {result.evidence}"
        )
    not_clean = {f.path for f in outcome.static.findings} | outcome.static.problem_files
    clean = [display_path(p, cwd) for p in outcome.static.files if p not in not_clean]
    for path in clean:
        lines.append(f"{path}: no findings")
    for problem in outcome.static.problems:
        lines.append(f"could not analyse {problem} (its findings are unknown)")
    for run in outcome.runs:
        stopped = run.problem()
        if stopped:
            lines.append(f"run {run.plan.name}: {stopped}")
    if not outcome.static.files:
        lines.append("no Python files found")
    lines.append("")
    lines.extend(_table(outcome))
    return "\n".join(lines) + "\n"


def _table(outcome: Outcome) -> list[str]:
    data = summary(outcome)
    width = max([len("symbol"), len("total"), *(len(s) for s in data["by_symbol"])])
    header = f"{'symbol':<{width}}  " + "  ".join(f"{v:>14}" for v in VERDICTS)
    rows = [header, "-" * len(header)]
    for symbol, counts in data["by_symbol"].items():
        rows.append(f"{symbol:<{width}}  " + "  ".join(f"{counts[v]:>14}" for v in VERDICTS))
    rows.append(f"{'total':<{width}}  " + "  ".join(f"{data[v]:>14}" for v in VERDICTS))
    runs = data["runs"]
    rows.append(
        f"{data['files']} file(s), {data['files_with_findings']} with findings; {runs} run(s)"
        + (f", {data['runs_with_problems']} with problems" if data["runs_with_problems"] else "")
    )
    return rows


def render(outcome: Outcome, fmt: str, fail_on: tuple[str, ...] = DEFAULT_FAIL_ON) -> str:
    if fmt == "json":
        return json.dumps(to_json(outcome, fail_on), indent=2) + "\n"
    return to_text(outcome)
