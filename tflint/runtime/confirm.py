"""The runtime mode end to end: lint, plan the runs, run them in children, join, judge.

Runs: without ``--pytest``, every file named on the command line and every file that has
findings is run on its own, as a script (or as ``python -m package.module`` when it sits in a
package); with ``--pytest``, the user's test suite runs once. Every run traces all Python files under the given paths, so a helper's finding is
judged by the run that exercised it: a finding's verdict is the most informative one over all
runs (confirmed, then not-reproduced, then not-exercised).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from tflint.runtime import confirmations
from tflint.runtime.confirmations import CONFIRMED, NOT_EXERCISED, NOT_REPRODUCED, Verdict
from tflint.runtime.findings import Finding, display_path
from tflint.runtime.observations import Observations
from tflint.runtime.runner import RunPlan, RunResult, run_plans
from tflint.runtime.static import StaticResult, lint, python_files

_RANK = {CONFIRMED: 0, NOT_REPRODUCED: 1, NOT_EXERCISED: 2}


@dataclass
class Judged:
    """A finding and its verdict; ``run`` names the run whose observations decided it."""

    finding: Finding
    verdict: str
    evidence: str
    run: str | None


@dataclass
class Outcome:
    """Everything the report shows."""

    paths: list[str]
    mode: str
    static: StaticResult
    results: list[Judged] = field(default_factory=list)
    runs: list[RunResult] = field(default_factory=list)

    @property
    def tensorflow_missing(self) -> bool:
        return any(run.tensorflow_missing for run in self.runs)


def _package_module(path: str) -> tuple[str, str] | None:
    """``(root, dotted name)`` when ``path`` is inside a package, else None."""
    folder = os.path.dirname(path)
    if not os.path.isfile(os.path.join(folder, "__init__.py")):
        return None
    parts = [os.path.splitext(os.path.basename(path))[0]]
    while os.path.isfile(os.path.join(folder, "__init__.py")):
        parts.insert(0, os.path.basename(folder))
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    if parts[-1] == "__init__":
        parts.pop()
    if not all(part.isidentifier() for part in parts):
        return None
    return folder, ".".join(parts)


def plan_runs(
    static: StaticResult, pytest_args: list[str] | None, cwd: str, named: list[str] | None = None
) -> list[RunPlan]:
    """One pytest plan; or one plan per file named on the command line and per file with findings."""
    wanted = confirmations.watches(static.findings)
    common: dict[str, Any] = {
        "cwd": cwd,
        "trace_files": static.files,
        "watch_globals": wanted.get("globals", []),
        "module_checks": wanted.get("modules", []),
    }
    if pytest_args is not None:
        name = "pytest " + " ".join(pytest_args) if pytest_args else "pytest"
        return [
            RunPlan(
                kind="pytest",
                name=name,
                target=list(pytest_args),
                sys_path0=cwd,
                argv=["pytest", *pytest_args],
                **common,
            )
        ]
    plans = []
    for path in sorted({f.path for f in static.findings} | set(named or ())):
        package = _package_module(path)
        if package is not None:
            root, module = package
            plans.append(
                RunPlan(
                    kind="module",
                    name=display_path(path, cwd),
                    target=module,
                    sys_path0=root,
                    argv=[path],
                    path=path,
                    **common,
                )
            )
        else:
            plans.append(
                RunPlan(
                    kind="script",
                    name=display_path(path, cwd),
                    target=path,
                    sys_path0=os.path.dirname(path),
                    argv=[path],
                    path=path,
                    **common,
                )
            )
    return plans


def judge(finding: Finding, runs: list[RunResult]) -> Judged:
    """The most informative verdict over every run that observed something."""
    best: tuple[Verdict, RunResult] | None = None
    for run in runs:
        if run.observations is None:
            continue
        verdict = confirmations.confirm(finding, Observations(run.observations))
        if (
            best is None
            or _RANK[verdict.verdict] < _RANK[best[0].verdict]
            or (_RANK[verdict.verdict] == _RANK[best[0].verdict] and run.plan.path == finding.path)
        ):
            best = (verdict, run)
    if best is None:
        problems = "; ".join(p for p in (run.problem() for run in runs) if p) or "no run observed anything"
        return Judged(finding, NOT_EXERCISED, f"not run ({problems})", None)
    verdict, run = best
    evidence = verdict.evidence
    if verdict.verdict == NOT_EXERCISED and run.problem():
        evidence += f" (the run stopped early: {run.problem()})"
    return Judged(finding, verdict.verdict, evidence, run.plan.name)


def confirm_paths(
    paths: list[str],
    pytest_args: list[str] | None = None,
    timeout: float = 300.0,
    jobs: int = 1,
    env: dict[str, str] | None = None,
    pylint_args: tuple[str, ...] = (),
) -> Outcome:
    """Lint ``paths`` (with ``pylint_args`` after the defaults), run what has findings under the
    instrumentation and judge every finding."""
    cwd = os.getcwd()
    static = lint(python_files(paths), pylint_args)
    outcome = Outcome(paths=list(paths), mode="pytest" if pytest_args is not None else "scripts", static=static)
    if not static.findings:
        return outcome
    named = [os.path.abspath(p) for p in paths if os.path.isfile(p) and p.endswith(".py")]
    outcome.runs = run_plans(plan_runs(static, pytest_args, cwd, named), timeout, jobs, env)
    if outcome.tensorflow_missing:
        return outcome
    outcome.results = [judge(finding, outcome.runs) for finding in static.findings]
    return outcome
