"""Start the instrumented child for one run, with a timeout, and collect what it wrote.

Each run is a fresh process in its own process group (:mod:`tflint.runtime.child`); its
stdout and stderr go to temporary files, its observations to a temporary JSON file. On timeout the
whole group gets SIGTERM (the child then writes what it saw so far), then SIGKILL.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import tflint

# The child exits with these when it cannot run the user's code at all.
EXIT_NO_TENSORFLOW = 3
EXIT_BAD_PLAN = 4
_GRACE_SECONDS = 5.0
_RUNNING: set[subprocess.Popen] = set()  # children being waited for, killed on Ctrl-C
_LOCK = threading.Lock()
_TAIL = 4000
# tflint is not on PyPI yet: name the package that works under any install of tflint.
INSTALL_HINT = "pip install tensorflow-cpu (or tensorflow), or install tflint with its runtime extra"


@dataclass
class RunPlan:
    """What one child runs and watches. ``kind`` is ``script``, ``module`` or ``pytest``."""

    kind: str
    name: str
    target: str | list[str]
    cwd: str
    sys_path0: str | None
    argv: list[str]
    trace_files: list[str]
    watch_globals: list[dict[str, Any]] = field(default_factory=list)
    module_checks: list[str] = field(default_factory=list)
    path: str | None = None  # the file run as a script or module (None for pytest)

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class RunResult:
    """How a child ended and what it observed (``observations`` is None when it wrote nothing)."""

    plan: RunPlan
    returncode: int | None
    timed_out: bool
    duration: float
    observations: dict[str, Any] | None
    stdout: str
    stderr: str

    @property
    def tensorflow_missing(self) -> bool:
        return self.returncode == EXIT_NO_TENSORFLOW

    def problem(self) -> str | None:
        """A one-line reason when the run did not complete normally."""
        if self.tensorflow_missing:
            return f"TensorFlow is not installed for {sys.executable}: {INSTALL_HINT}"
        if self.timed_out:
            return f"timed out after {self.duration:.0f} s (process group killed)"
        run = (self.observations or {}).get("run", {})
        if self.observations is None:
            return f"the child wrote no observations (exit status {self.returncode})"
        exception = run.get("exception")
        if exception:
            where = f" at {exception['path']}:{exception['line']}" if exception.get("path") else ""
            return f"stopped by {exception['type']}{where}: {exception['message'][:200]}"
        if run.get("exit_code") not in (0, None):
            return f"exited with status {run.get('exit_code')}"
        return None


def _child_env(extra: dict[str, str] | None) -> dict[str, str]:
    """The user's environment, unchanged but for TensorFlow's C++ log level and ``extra``."""
    env = dict(os.environ)
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    env.update(extra or {})
    return env


# The child's first lines, run by ``python -c``. The child must import *this* tflint (a source
# checkout run from another folder is not on the child's path), but the user's code must see the
# ``sys.path`` its own command would give: so the folder holding tflint is put in front only for
# the import of the child module and taken out again (one entry, by position), and PYTHONPATH is
# never touched. Removing every entry equal to that folder instead would remove site-packages,
# with TensorFlow and pytest in it, under a normal install.
# (The module's dotted name is spelled out so that `ps` shows which process is the child.)
_BOOTSTRAP = (
    "import importlib, sys; sys.path.insert(0, sys.argv.pop(1)); "
    "child = importlib.import_module('tflint.runtime.child'); del sys.path[0]; sys.exit(child.main())"
)


def child_command(plan_path: str, out_path: str) -> list[str]:
    """The command that starts the instrumented child for the plan in ``plan_path``."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(tflint.__file__)))
    return [sys.executable, "-c", _BOOTSTRAP, root, "--plan", plan_path, "--out", out_path]


def _kill_group(process: subprocess.Popen) -> None:
    """SIGTERM the child's process group, wait a little, then SIGKILL whatever is left."""
    if os.name != "posix":
        process.kill()
        process.wait()
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    try:
        process.wait(timeout=_GRACE_SECONDS)
    except subprocess.TimeoutExpired:
        pass
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait()


def _tail(path: str) -> str:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            text = handle.read()
    except OSError:
        return ""
    return text[-_TAIL:]


def run_plan(plan: RunPlan, timeout: float, env: dict[str, str] | None = None) -> RunResult:
    """Run ``plan`` in a child process and wait at most ``timeout`` seconds."""
    with tempfile.TemporaryDirectory(prefix="tflint-confirm-") as work:
        plan_path = os.path.join(work, "plan.json")
        out_path = os.path.join(work, "observations.json")
        stdout_path = os.path.join(work, "stdout.txt")
        stderr_path = os.path.join(work, "stderr.txt")
        with open(plan_path, "w", encoding="utf-8") as handle:
            json.dump(plan.to_json(), handle)
        command = child_command(plan_path, out_path)
        started = time.monotonic()
        with open(stdout_path, "wb") as stdout, open(stderr_path, "wb") as stderr:
            process = subprocess.Popen(  # pylint: disable=consider-using-with
                command,
                stdin=subprocess.DEVNULL,
                stdout=stdout,
                stderr=stderr,
                cwd=plan.cwd,
                env=_child_env(env),
                start_new_session=(os.name == "posix"),
            )
            timed_out = False
            with _LOCK:
                _RUNNING.add(process)
            try:
                process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                timed_out = True
                _kill_group(process)
            except BaseException:  # Ctrl-C: the child is in its own session and did not get it
                _kill_group(process)
                raise
            else:
                if os.name == "posix":  # grandchildren the user's code left behind
                    try:
                        os.killpg(process.pid, signal.SIGKILL)
                    except (ProcessLookupError, PermissionError):
                        pass
            finally:
                with _LOCK:
                    _RUNNING.discard(process)
        duration = time.monotonic() - started
        observations = None
        try:
            with open(out_path, encoding="utf-8") as handle:
                observations = json.load(handle)
        except (OSError, ValueError):
            observations = None
        return RunResult(
            plan, process.returncode, timed_out, duration, observations, _tail(stdout_path), _tail(stderr_path)
        )


def run_plans(plans: list[RunPlan], timeout: float, jobs: int, env: dict[str, str] | None = None) -> list[RunResult]:
    """Run every plan, ``jobs`` at a time; results in the order of ``plans``."""
    if jobs <= 1 or len(plans) <= 1:
        return [run_plan(plan, timeout, env) for plan in plans]
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(run_plan, plan, timeout, env) for plan in plans]
        try:
            return [future.result() for future in futures]
        except BaseException:  # Ctrl-C in the main thread: stop the runs the workers are waiting for
            for future in futures:
                future.cancel()
            with _LOCK:
                running = list(_RUNNING)
            for process in running:
                _kill_group(process)
            raise
