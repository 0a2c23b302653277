"""The base of the tf-v1-* checkers: they report what :mod:`tflint.analysis.tf1` found in one pass."""

from __future__ import annotations

from astroid import nodes

from tflint.analysis import tf1
from tflint.checkers.base import TFLintChecker, guarded


class V1Checker(TFLintChecker):
    """Reports the module's TF1 uses when pylint leaves the module.

    :mod:`tflint.analysis.tf1` finds every use in one pass over the module, so the checkers need no
    visit of each name, attribute and call (a large share of all nodes): they report the
    uses of their rules at the end of the module, in source order.
    """

    # rule -> the node classes it is reported on
    reports_on: dict[str, tuple[type, ...]] = {}

    @guarded
    def leave_module(self, node: nodes.Module) -> None:
        """Report this checker's uses in the module, in source order."""
        rules = [rule for rule in self.reports_on if self.linter.is_message_enabled(rule)]
        if not rules:
            return
        found = [
            use
            for uses in tf1.module_uses(node).values()
            for use in uses
            if use.rule in rules and isinstance(use.node, self.reports_on[use.rule])
        ]
        found.sort(key=lambda use: (use.node.lineno or 0, use.node.col_offset or 0))
        for use in found:
            self.report(use)

    def report(self, use: tf1.Use) -> None:
        """Emit the message for ``use``."""
        raise NotImplementedError
