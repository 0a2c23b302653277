"""The instrumented child, started as ``python -c BOOTSTRAP ROOT --plan PLAN.json --out OUT.json``.

Started by :mod:`tflint.runtime.runner`, never by users. It imports TensorFlow (or says clearly
that it is missing), installs the instrumentation, runs the user's script, module or test suite
the way ``python script.py``, ``python -m pkg.mod`` or ``python -m pytest ARGS`` would, and
writes its observations to OUT.json — also when the code raises, exits, or the parent stops it
with SIGTERM on timeout.
"""

from __future__ import annotations

import argparse
import json
import os
import runpy
import signal
import sys
import time
import traceback
from typing import Any

from tflint.runtime.observations import Recorder
from tflint.runtime.runner import EXIT_BAD_PLAN, EXIT_NO_TENSORFLOW, INSTALL_HINT

EXIT_TIMEOUT = 124


def _restore_sys_path(plan: dict[str, Any]) -> None:
    """Make ``sys.path[0]`` what the user's command would have had (the script's folder, or the
    working folder for ``-m`` and pytest); the rest is the user's own environment already.
    Under ``PYTHONSAFEPATH`` (``-P``) the user's command would not have that entry, and ours is not there either."""
    if plan.get("sys_path0") and not getattr(sys.flags, "safe_path", False):
        sys.path[0] = plan["sys_path0"]


def _import_tensorflow() -> str | None:
    """Import TensorFlow; the reason it failed, or None."""
    try:
        import tensorflow  # noqa: F401  # pylint: disable=import-outside-toplevel,unused-import
    except ImportError as exc:
        if (exc.name or "").split(".")[0] == "tensorflow" or "tensorflow" in str(exc):
            return f"TensorFlow cannot be imported ({exc}); the runtime mode needs it: {INSTALL_HINT}"
        return f"TensorFlow failed to import: {type(exc).__name__}: {exc}"
    except Exception as exc:  # pylint: disable=broad-exception-caught
        return f"TensorFlow failed to import: {type(exc).__name__}: {exc}"
    return None


class Child:
    """One run of user code under the instrumentation."""

    def __init__(self, plan: dict[str, Any], out: str) -> None:
        self.plan = plan
        self.out = out
        self.recorder = Recorder()
        self.instrumentation: Any = None
        self._written = False

    def write(self) -> None:
        if self._written:
            return
        self._written = True
        if self.instrumentation is not None:
            try:
                self.instrumentation.finish()
            except Exception as exc:  # pylint: disable=broad-exception-caught
                self.recorder.notes.append(f"finishing the instrumentation failed: {exc!r}")
        self.recorder.write(self.out)

    def on_sigterm(self, signum: int, frame: Any) -> None:  # pylint: disable=unused-argument
        self.recorder.run["timed_out"] = True
        try:
            self.write()
        finally:
            os._exit(EXIT_TIMEOUT)  # pylint: disable=protected-access

    def run(self) -> int:
        plan = self.plan
        run = self.recorder.run
        run.update(kind=plan["kind"], name=plan["name"], started=time.time())
        from tflint.runtime import instrument  # pylint: disable=import-outside-toplevel  # imports TF

        self.instrumentation = instrument.install(plan, self.recorder)
        signal.signal(signal.SIGTERM, self.on_sigterm)
        exit_code = 0
        started = time.monotonic()
        try:
            exit_code = self._execute()
        except SystemExit as exc:
            exit_code = _exit_status(exc.code)
        except BaseException as exc:  # pylint: disable=broad-exception-caught  # the user's error
            exit_code = 1
            location = self.instrumentation.traceback_location(exc.__traceback__)
            run["exception"] = {
                "type": type(exc).__name__,
                "message": str(exc)[:1000],
                "path": location[0] if location else None,
                "line": location[1] if location else None,
            }
            traceback.print_exception(type(exc), exc, exc.__traceback__)
        finally:
            run["duration"] = round(time.monotonic() - started, 3)
            run["exit_code"] = exit_code
            sys.stdout.flush()
            sys.stderr.flush()
            self.write()
        return exit_code

    def _execute(self) -> int:
        plan = self.plan
        sys.argv = list(plan["argv"])
        if plan["kind"] == "script":
            runpy.run_path(plan["target"], run_name="__main__")
            return 0
        if plan["kind"] == "module":
            runpy.run_module(plan["target"], run_name="__main__", alter_sys=True)
            return 0
        if plan["kind"] == "pytest":
            import pytest  # pylint: disable=import-outside-toplevel

            return int(pytest.main(list(plan["target"])))
        raise ValueError(f"unknown run kind {plan['kind']!r}")


def _exit_status(code: Any) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tflint runtime child", description=__doc__)
    parser.add_argument("--plan", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    try:
        with open(args.plan, encoding="utf-8") as handle:
            plan = json.load(handle)
    except (OSError, ValueError) as exc:
        print(f"tflint runtime child: cannot read the plan: {exc}", file=sys.stderr)
        return EXIT_BAD_PLAN
    _restore_sys_path(plan)
    problem = _import_tensorflow()
    if problem is not None:
        print(f"tflint: {problem}", file=sys.stderr)
        return EXIT_NO_TENSORFLOW
    return Child(plan, args.out).run()


if __name__ == "__main__":
    sys.exit(main())
