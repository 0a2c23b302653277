"""The tflint options that steer the shared analysis, and the current run's values.

Pylint option names are global, so tflint registers these once (on
:class:`~tflint.checkers.base.InternalErrorChecker`); :meth:`TFLintChecker.open` starts each run
(:func:`tflint.analysis.run.start`) with :meth:`Settings.from_config`, so a long-lived editor
process picks up a changed configuration on its next run. Rule-specific options (``tf-unroll-threshold``,
``tf-report-logging``) stay on their checkers and are read from ``linter.config``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from astroid import nodes

if TYPE_CHECKING:
    from pylint.typing import Options

GRAPH_DECORATORS = "tf-graph-decorators"
KERAS_TRACED = "tf-keras-traced"

OPTIONS: Options = (
    (
        GRAPH_DECORATORS,
        {
            "default": (),
            "type": "csv",
            "metavar": "<names>",
            "help": "Extra decorators or wrapper functions that trace the function they get, like "
            "tf.function does (your project's wrappers around it). A dotted name (mylib.compiled) "
            "matches that import path; a bare name (compiled) matches any decorator or call "
            "ending in it. Both @compiled and compiled(f) count.",
        },
    ),
    (
        KERAS_TRACED,
        {
            "default": True,
            "type": "yn",
            "metavar": "<y or n>",
            "help": "Count the methods Keras traces (Layer/Model call, train_step, test_step, "
            "predict_step, Metric update_state...), functions given to compile() and Lambda "
            "layers as graph code. Say n when your models run eagerly (run_eagerly=True).",
        },
    ),
)


@dataclass(frozen=True)
class Settings:
    """The option values the shared analysis reads (the current run's: ``run.current().settings``)."""

    graph_decorators: tuple[str, ...] = ()
    keras_traced: bool = True

    @classmethod
    def from_config(cls, config: object) -> Settings:
        """The values in pylint's ``linter.config`` (missing options: defaults)."""
        names = getattr(config, GRAPH_DECORATORS.replace("-", "_"), ()) or ()
        if isinstance(names, str):  # set programmatically rather than through pylint's csv parser
            names = names.split(",")
        cleaned = tuple(dict.fromkeys(n.strip().lstrip("@") for n in names if n and n.strip().lstrip("@")))
        keras = getattr(config, KERAS_TRACED.replace("-", "_"), True)
        return cls(graph_decorators=cleaned, keras_traced=bool(keras))


DEFAULTS = Settings()


def is_graph_decorator(expr: nodes.NodeNG, resolved: str | None, entries: tuple[str, ...]) -> bool:
    """True when ``expr`` (a decorator or callee) is one of the configured ``tf-graph-decorators``.

    ``resolved`` is the dotted name the module's imports give ``expr`` (``mylib.compiled``
    for ``from mylib import compiled``); ``entries`` are the run's ``graph_decorators``. A
    dotted entry matches the resolved name, the spelling in the source, or a resolved name
    ending in it (``pkg.mylib.compiled``); a bare entry matches the last part of the name
    (``@compiled``, ``@utils.compiled``).
    """
    if not entries or not isinstance(expr, (nodes.Name, nodes.Attribute)):
        return False
    last = expr.attrname if isinstance(expr, nodes.Attribute) else expr.name
    spelled = _spelling(expr)
    for entry in entries:
        if "." not in entry:
            if last == entry:
                return True
        elif entry in (spelled, resolved) or (resolved or "").endswith("." + entry):
            return True
    return False


def _spelling(expr: nodes.NodeNG) -> str:
    parts = []
    while isinstance(expr, nodes.Attribute):
        parts.append(expr.attrname)
        expr = expr.expr
    if not isinstance(expr, nodes.Name):
        return ""
    parts.append(expr.name)
    return ".".join(reversed(parts))
