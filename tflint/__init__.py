"""tflint: a Pylint plugin that finds TensorFlow 2 graph-mode pitfalls.

Load it with ``pylint --load-plugins tflint``. Nothing here imports TensorFlow.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from pylint.lint import PyLinter


class PluginLoadError(ModuleNotFoundError):
    """tflint's checkers cannot be imported (a broken install, or a source tree missing a part).

    A ``ModuleNotFoundError`` on purpose: pylint turns that, raised by ``register``, into its own
    ``bad-plugin-value`` error (exit status 2) and goes on with its other checkers, where any
    other exception would end the whole run with a traceback.
    """


def load_problem() -> str | None:
    """Why tflint's checkers cannot be loaded, in one line; None when they load."""
    try:
        import tflint.checkers  # noqa: F401  # pylint: disable=import-outside-toplevel,unused-import  # imports every checker
    except Exception as exc:  # pylint: disable=broad-exception-caught  # any failure is the same news
        return (
            f"tflint's checkers cannot be loaded from {__path__[0]} ({type(exc).__name__}: {exc}); "
            "reinstall tflint in this environment"
        )
    return None


def register(linter: PyLinter) -> None:
    """Register every tflint checker with ``linter`` (pylint's plugin entry point)."""
    problem = load_problem()
    if problem is not None:
        raise PluginLoadError(problem)
    from tflint.checkers import ALL_CHECKERS  # pylint: disable=import-outside-toplevel
    from tflint.checkers.base import InternalErrorChecker  # pylint: disable=import-outside-toplevel

    linter.register_checker(InternalErrorChecker(linter))
    for checker_class in ALL_CHECKERS:
        linter.register_checker(checker_class(linter))
