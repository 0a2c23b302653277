"""``python -m tflint confirm``: the runtime mode's command line (registered in ``tflint.__main__``)."""

from __future__ import annotations

import argparse
import importlib.util
import os
import shlex
import signal
import sys

from tflint.runtime.confirmations import VERDICTS
from tflint.runtime.report import DEFAULT_FAIL_ON
from tflint.runtime.runner import INSTALL_HINT

HELP = "run the code under real TensorFlow and confirm each finding"
DESCRIPTION = """\
Lint PATH... with tflint, then run each file that has findings (or, with --pytest, your test
suite) under real TensorFlow with instrumentation, in a child process with a timeout, and give
every finding a verdict:

  confirmed       the pitfall happened; the evidence says what was observed
  not-reproduced  the line ran and the pitfall did not happen (a likely false alarm)
  not-exercised   the line never ran (or only while tracing a function never called afterwards)

The rules are those `python -m tflint check` runs: on by default, or as your pylint
configuration says; arguments after -- go to the static step's pylint, e.g.
`-- --enable=tf-eager-training-loop` for a rule that is off by default.

Exit status: 0 when no finding has a verdict listed in --fail-on (default: not-reproduced),
1 when one has, 2 when TensorFlow is missing, the command is wrong, tflint's rules cannot be
loaded, or a file cannot be analysed (a syntax error: it is reported, not run).
Your code runs only in the child; your files are never modified."""


PASSTHROUGH = True  # the arguments after `--` reach run() as args.passthrough, for pylint


def _fail_on(text: str) -> tuple[str, ...]:
    if text.strip().lower() in ("none", "never", ""):
        return ()
    values = tuple(v.strip() for v in text.split(",") if v.strip())
    unknown = [v for v in values if v not in VERDICTS]
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown verdict {', '.join(unknown)} (choose from {', '.join(VERDICTS)}, none)"
        )
    return values


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="Python files or folders to lint and run")
    parser.add_argument(
        "--pytest",
        metavar="ARGS",
        default=None,
        help='run your test suite instead of the files: pytest arguments as one string, e.g. --pytest="tests/ -x -q"',
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=300.0,
        metavar="S",
        help="seconds each run may take before its process group is killed (default 300)",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text", help="report format (default text)")
    parser.add_argument(
        "--fail-on",
        type=_fail_on,
        default=DEFAULT_FAIL_ON,
        metavar="VERDICTS",
        help="comma-separated verdicts that make the exit status 1, or 'none' (default: not-reproduced)",
    )
    parser.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=min(4, os.cpu_count() or 1),
        metavar="N",
        help="runs in parallel (default: CPUs, at most 4)",
    )


def tensorflow_available() -> bool:
    """Is TensorFlow importable? Checked without importing it."""
    try:
        return importlib.util.find_spec("tensorflow") is not None
    except (ImportError, ValueError):
        return False


def _exit_on_sigterm() -> None:
    """SIGTERM (a cancelled CI job) unwinds like Ctrl-C, so the runner kills its children's process
    groups: they run in sessions of their own and would otherwise outlive us."""

    def stop(signum: int, frame: object) -> None:  # pylint: disable=unused-argument
        raise SystemExit(128 + signum)

    try:
        signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread (an embedding application): leave its handlers alone
        pass


def run(args: argparse.Namespace) -> int:
    from tflint.runtime.confirm import confirm_paths  # pylint: disable=import-outside-toplevel
    from tflint.runtime.report import exit_status, render  # pylint: disable=import-outside-toplevel
    from tflint.runtime.static import StaticLintError  # pylint: disable=import-outside-toplevel

    missing = [p for p in args.paths if not os.path.exists(p)]
    if missing:
        print(f"tflint confirm: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    if not tensorflow_available():
        print(
            f"tflint confirm: TensorFlow is not installed for {sys.executable}; the runtime mode runs your "
            f"code with real TensorFlow: {INSTALL_HINT}",
            file=sys.stderr,
        )
        return 2
    pytest_args = shlex.split(args.pytest) if args.pytest is not None else None
    _exit_on_sigterm()
    try:
        outcome = confirm_paths(
            args.paths,
            pytest_args,
            args.timeout,
            max(1, args.jobs),
            pylint_args=tuple(getattr(args, "passthrough", None) or ()),
        )
    except StaticLintError as exc:
        print(f"tflint confirm: the static step did not run: {exc}", file=sys.stderr)
        return 2
    if outcome.tensorflow_missing:
        problem = next(run.problem() for run in outcome.runs if run.tensorflow_missing)
        print(f"tflint confirm: {problem}", file=sys.stderr)
        return 2
    sys.stdout.write(render(outcome, args.format, args.fail_on))
    return exit_status(outcome, args.fail_on)
