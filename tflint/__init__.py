"""tflint: a Pylint plugin that finds TensorFlow 2 graph-mode pitfalls.

Load it with ``pylint --load-plugins tflint``. Nothing here imports TensorFlow.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from pylint.lint import PyLinter


def register(linter: PyLinter) -> None:
    """Register every tflint checker with ``linter`` (pylint's plugin entry point)."""
    from tflint.checker import InternalErrorChecker
    from tflint.checkers import ALL_CHECKERS

    linter.register_checker(InternalErrorChecker(linter))
    for checker_class in ALL_CHECKERS:
        linter.register_checker(checker_class(linter))
