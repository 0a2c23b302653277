"""Helpers for the tests that run TensorFlow (tests/runtime/): run the CLI, run one child on a
script with hand-made findings, run a sample once per session, and share one expensive result
between pytest-xdist workers."""

from __future__ import annotations

import os
import pickle
import subprocess
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from conftest import PYTHON, REPO, SAMPLES

from tflint.runtime import confirmations
from tflint.runtime.findings import Finding, make_finding
from tflint.runtime.observations import Observations
from tflint.runtime.runner import RunPlan, run_plan

# A sitecustomize that makes TensorFlow unimportable: the environment of a machine without it.
NO_TENSORFLOW = textwrap.dedent(
    """
    import sys
    class _NoTensorFlow:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("tensorflow", "keras", "tf_keras"):
                raise ModuleNotFoundError("No module named " + repr(name), name=name)
            return None
    sys.meta_path.insert(0, _NoTensorFlow())
    """
)


def clean_env(**extra: str) -> dict[str, str]:
    """The test process' environment without pytest's own variables (children may run pytest)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "COV_"))}
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    env.update(extra)
    return env


def run_cli(
    *args: str, cwd: str | os.PathLike = REPO, env: dict[str, str] | None = None, timeout: float = 600
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [PYTHON, "-m", "tflint", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env or clean_env(),
        timeout=timeout,
        check=False,
    )


def write(folder: Path, name: str, source: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(source).lstrip(), encoding="utf-8")
    return path


def line_of(path: Path, marker: str) -> int:
    """The line holding ``# <marker>`` (markers keep the tests readable when scripts change)."""
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text.rstrip().endswith(f"# {marker}"):
            return number
    raise AssertionError(f"no line marked {marker!r} in {path}")


def observe(script: Path, timeout: float = 300) -> tuple[Observations, Any]:
    """Run ``script`` in the instrumented child (no linting) and return what it observed."""
    path = str(script.resolve())
    plan = RunPlan(
        kind="script",
        name=script.name,
        target=path,
        cwd=str(script.parent),
        sys_path0=str(script.parent),
        argv=[path],
        trace_files=[path],
        path=path,
    )
    result = run_plan(plan, timeout, clean_env())
    assert result.observations is not None, result.stderr[-3000:]
    return Observations(result.observations), result


def finding(script: Path, marker: str, symbol: str, subject: str = "") -> Finding:
    """A hand-made finding at the marked line (for rules whose checkers live elsewhere)."""
    line = line_of(script, marker)
    text = script.read_text(encoding="utf-8").splitlines()[line - 1]
    column = text.find(subject) if subject and subject in text else len(text) - len(text.lstrip())
    end = column + len(subject) if subject else len(text.split("  #")[0])
    return make_finding(str(script.resolve()), line, column, line, end, symbol, "W0000", "hand-made", "HIGH")


def verdict(script: Path, observations: Observations, marker: str, symbol: str, subject: str = ""):
    return confirmations.confirm(finding(script, marker, symbol, subject), observations)


def shared(tmp_path_factory, name: str, compute: Callable[[], Any], wait: float = 900) -> Any:
    """``compute()`` once per test session, even across pytest-xdist workers (a lock file; the
    value is pickled for the other workers)."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent
    data, lock = root / f"{name}.pickle", root / f"{name}.lock"
    try:
        os.close(os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:
        deadline = time.monotonic() + wait
        while not data.exists():
            if time.monotonic() > deadline:
                raise TimeoutError(f"waited {wait} s for another worker to compute {name}") from None
            time.sleep(0.5)
        kind, value = pickle.loads(data.read_bytes())
        if kind == "error":
            raise RuntimeError(f"computing {name} failed in another worker: {value}") from None
        return value
    try:
        value = compute()
    except BaseException as exc:
        data.write_bytes(pickle.dumps(("error", repr(exc))))
        raise
    partial = data.with_suffix(".partial")
    partial.write_bytes(pickle.dumps(("value", value)))
    partial.replace(data)
    return value


def run_sample(tmp_path_factory, path: Path) -> subprocess.CompletedProcess:
    """``python samples/<symbol>/<bad|good>.py`` with real TensorFlow, run once per test session
    (across pytest-xdist workers) for every test that reads what the sample prints."""
    path = Path(path)

    def run() -> subprocess.CompletedProcess:
        env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="2", CUDA_VISIBLE_DEVICES="")
        return subprocess.run(
            [PYTHON, str(path)], capture_output=True, text=True, timeout=300, env=env, cwd=path.parent, check=False
        )

    name = path.resolve().relative_to(SAMPLES).with_suffix("").as_posix().replace("/", "-")
    return shared(tmp_path_factory, f"sample-run-{name}", run)
