"""tflint's static analysis, run in-process through pylint's API.

Nothing is executed and TensorFlow is not imported: this is ``pylint --load-plugins tflint
--disable=all --enable=tflint`` with a collecting reporter instead of printed output.
"""

from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import dataclass, field

from tflint.messages import BASE_ID
from tflint.runtime.findings import Finding, make_finding

_SKIP_DIRS = frozenset({
    ".git", ".hg", ".svn", ".tox", ".nox", ".venv", "venv", ".eggs", "__pycache__", "node_modules",
    "site-packages", "dist-packages", "build", "dist", ".mypy_cache", ".pytest_cache", ".ruff_cache",
})
# Problems that stop tflint from analysing a file: reported, never joined as findings.
_PROBLEM_SYMBOLS = ("syntax-error", "astroid-error", "fatal", "parse-error")


@dataclass
class StaticResult:
    """The Python files found under the given paths, tflint's findings and files pylint could not read."""

    files: list[str]
    findings: list[Finding] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def python_files(paths: list[str]) -> list[str]:
    """Absolute paths of the ``.py`` files given or found below the given folders, sorted."""
    found: set[str] = set()
    for given in paths:
        path = os.path.abspath(given)
        if os.path.isfile(path):
            if path.endswith(".py"):
                found.add(path)
            continue
        for folder, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
            found.update(os.path.join(folder, name) for name in files if name.endswith(".py"))
    return sorted(found)


def lint(files: list[str], extra_args: tuple[str, ...] = ()) -> StaticResult:
    """Run tflint's checkers on ``files``; pylint's own output goes to stderr, never stdout."""
    # Imported here: ``python -m tflint --version`` should not pay for pylint's start-up.
    from pylint.lint import Run  # pylint: disable=import-outside-toplevel
    from pylint.reporters import CollectingReporter  # pylint: disable=import-outside-toplevel

    result = StaticResult(files=list(files))
    if not files:
        return result
    reporter = CollectingReporter()
    args = [
        "--load-plugins=tflint", "--disable=all", "--enable=tflint," + ",".join(_PROBLEM_SYMBOLS),
        "--persistent=no", "--score=no", "--reports=no", *extra_args, *files,
    ]
    with contextlib.redirect_stdout(sys.stderr):
        Run(args, reporter=reporter, exit=False)
    for message in reporter.messages:
        path = os.path.abspath(message.abspath or message.path)
        if message.symbol in _PROBLEM_SYMBOLS:
            result.problems.append(f"{path}:{message.line}: {message.symbol}: {message.msg}")
            continue
        if message.msg_id[1:3] != str(BASE_ID):
            continue  # pylint's own notes (unknown-option-value for foreign pragmas...) are not findings
        result.findings.append(make_finding(
            path, message.line, message.column, message.end_line, message.end_column,
            message.symbol, message.msg_id, message.msg, message.confidence.name,
        ))
    result.findings.sort(key=lambda f: (f.path, f.line, f.column, f.symbol))
    return result
