"""tflint's static analysis, run in-process through pylint's API.

Nothing is executed and TensorFlow is not imported: this is ``python -m tflint check`` (the same
files, the same rules, the user's configuration read) with a collecting reporter instead of
printed output.
"""

from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import dataclass, field

import tflint
from tflint.cli.files import discover
from tflint.messages import BASE_ID
from tflint.runtime.findings import Finding, make_finding

# Problems that stop tflint from analysing a file: reported, never joined as findings.
_PROBLEM_SYMBOLS = ("syntax-error", "astroid-error", "fatal", "parse-error")
# pylint's word that the plugin itself did not load: then no file was analysed at all.
_PLUGIN_FAILED = "bad-plugin-value"


class StaticLintError(RuntimeError):
    """The static step could not run tflint's rules at all (the plugin did not load)."""


@dataclass
class StaticResult:
    """The Python files found under the given paths, tflint's findings and files pylint could not read."""

    files: list[str]
    findings: list[Finding] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    problem_files: set[str] = field(default_factory=set)  # files not analysed: no findings means nothing


def python_files(paths: list[str]) -> list[str]:
    """Absolute paths of the ``.py`` files given or found below the given folders, sorted
    (the same files ``python -m tflint check`` lints)."""
    return sorted({os.path.abspath(p) for p in discover(paths) if p.endswith(".py") and os.path.isfile(p)})


def lint(files: list[str], extra_args: tuple[str, ...] = ()) -> StaticResult:
    """Run tflint's checkers on ``files``; pylint's own output goes to stderr, never stdout.

    Raises :class:`StaticLintError` when tflint's plugin cannot be loaded: an empty result would
    read as "no findings" for files that were never looked at.
    """
    # Imported here: ``python -m tflint --version`` should not pay for pylint's start-up.
    from pylint.lint import Run  # pylint: disable=import-outside-toplevel
    from pylint.reporters import CollectingReporter  # pylint: disable=import-outside-toplevel

    from tflint.cli.check import read_user_config, rule_selection  # pylint: disable=import-outside-toplevel

    result = StaticResult(files=list(files))
    if not files:
        return result
    problem = tflint.load_problem()
    if problem is not None:
        raise StaticLintError(problem)
    reporter = CollectingReporter()
    # The rules `check` runs: on by default, or as the user's configuration and ``extra_args`` say.
    rules = rule_selection(read_user_config(list(extra_args)))
    args = [
        "--load-plugins=tflint",
        *rules,
        "--enable=" + ",".join((*_PROBLEM_SYMBOLS, _PLUGIN_FAILED)),
        "--persistent=no",
        "--score=no",
        "--reports=no",
        *extra_args,
        *files,
    ]
    with contextlib.redirect_stdout(sys.stderr):
        Run(args, reporter=reporter, exit=False)
    for message in reporter.messages:
        if message.symbol == _PLUGIN_FAILED:
            raise StaticLintError(message.msg)
        path = os.path.abspath(message.abspath or message.path)
        if message.symbol in _PROBLEM_SYMBOLS:
            result.problems.append(f"{path}:{message.line}: {message.symbol}: {message.msg}")
            result.problem_files.add(path)
            continue
        if message.msg_id[1:3] != str(BASE_ID):
            continue  # pylint's own notes (unknown-option-value for foreign pragmas...) are not findings
        result.findings.append(
            make_finding(
                path,
                message.line,
                message.column,
                message.end_line,
                message.end_column,
                message.symbol,
                message.msg_id,
                message.msg,
                message.confidence.name,
            )
        )
    result.findings.sort(key=lambda f: (f.path, f.line, f.column, f.symbol))
    return result
