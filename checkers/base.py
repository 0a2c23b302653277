"""What every tflint checker shares: the ``tflint`` name (``tflint-opt-in`` for rules that are
off by default), a per-run reset, and a guard that turns any exception inside tflint's own
analysis into one ``tf-internal-error``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

from astroid import nodes
from pylint.checkers import BaseChecker
from pylint.interfaces import HIGH

from tflint import settings
from tflint.analysis import autograph, run
from tflint.analysis.trace import Trace
from tflint.messages import msgid

INTERNAL_ERROR = "tf-internal-error"
CHECKER_NAME = "tflint"
OPT_IN_CHECKER_NAME = "tflint-opt-in"
_Visit = TypeVar("_Visit", bound=Callable[..., None])


class TFLintChecker(BaseChecker):
    """Base for tflint's checkers: all share one name so ``--enable=tflint`` enables them."""

    name = CHECKER_NAME

    def open(self) -> None:
        """Start each pylint run with empty caches and this run's options (editors reuse the process)."""
        options = settings.Settings.from_config(self.linter.config)
        state = run.current()
        if _parallel_worker(self.linter) and state.owner is self.linter:
            state.settings = options  # pylint's parallel workers call open() before every file of one run
            return
        run.start(options, owner=self.linter)

    def close(self) -> None:
        """End of the run: back to the default options, so code that analyses without a run
        (tests, embedding tools) never sees a previous run's configuration."""
        run.current().settings = settings.DEFAULTS

    def add_traced_message(
        self, symbol: str, node: nodes.NodeNG, trace: Trace, what: str, error: str, fix: str
    ) -> None:
        """Report ``symbol`` in traced code: what fails, the error TF raises, where the
        function is traced and the fix, with the confidence AutoGraph's state allows."""
        self.add_message(
            symbol,
            node=node,
            args=(what, error, trace.chain[-1], trace.describe(node.root().file), fix),
            confidence=autograph.confidence(trace),
        )

    def report_internal_error(self, node: nodes.NodeNG, where: str, exc: BaseException) -> None:
        """Report a failure of tflint itself on ``node`` without stopping pylint."""
        detail = f"{type(exc).__name__}: {exc}"[:200]
        try:
            self.add_message(INTERNAL_ERROR, node=node, args=(where, type(node).__name__, detail), confidence=HIGH)
        except Exception:  # the message itself may be disabled or unknown in a bare test linter
            pass


class OptInChecker(TFLintChecker):
    """Base for the checkers of rules that are off by default (``default_enabled: False``).

    pylint's ``--enable=<checker name>`` turns on every message of the checkers of that name,
    off-by-default ones included, so under the shared name ``--disable=all --enable=tflint``
    (the usual "tflint's rules only") would switch these rules on. Their own name keeps them
    off until the rule itself (or ``tflint-opt-in``) is enabled.
    """

    name = OPT_IN_CHECKER_NAME


def _parallel_worker(linter: object) -> bool:
    """True in a ``pylint -j N`` worker process: its linter is pylint's worker linter, which
    serves one run only and calls the checkers' ``open()`` before each of its files."""
    from pylint.lint import parallel  # pylint: disable=import-outside-toplevel

    return linter is not None and linter is getattr(parallel, "_worker_linter", None)


def guarded(visit: _Visit) -> _Visit:
    """Decorate a ``visit_*`` method: an exception becomes ``tf-internal-error``."""

    @functools.wraps(visit)
    def wrapper(self: TFLintChecker, node: nodes.NodeNG) -> None:
        try:
            visit(self, node)
        except Exception as exc:  # pylint: disable=broad-exception-caught  # RecursionError included
            self.report_internal_error(node, f"{type(self).__name__}.{visit.__name__}", exc)

    return wrapper  # type: ignore[return-value]


class InternalErrorChecker(TFLintChecker):
    """Owns ``tf-internal-error``, which every tflint checker may emit, and the options of the
    shared analysis (registered once: pylint's option names are global)."""

    options = settings.OPTIONS

    msgs = {
        msgid("I", 99): (
            "tflint failed inside %s on a %s node (%s); other checks still ran. Please report it",
            INTERNAL_ERROR,
            "tflint itself failed on this node; the other checks still ran. An exception inside "
            "tflint's own analysis is caught so that pylint's "
            "other checkers still run on the file. It should never appear; please report it "
            "with the code that triggers it.",
        ),
    }
