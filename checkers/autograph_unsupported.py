"""tf-autograph-unsupported: constructs that make AutoGraph run a traced function unconverted."""

from __future__ import annotations

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages

from tflint.analysis import autograph, context
from tflint.checkers.base import TFLintChecker, guarded
from tflint.messages import msgid

SYMBOL = "tf-autograph-unsupported"
_UNCONVERTED = (
    "so TensorFlow logs 'AutoGraph could not transform <function {}> and will run it as-is' and traces "
    "it unconverted: a Python `if`/`for`/`while` on a tensor in it then raises OperatorNotAllowedInGraphError"
)
_FIXES = {
    autograph.FOR_ELSE: "replace the `else` with a flag set before `break`",
    autograph.WHILE_ELSE: "replace the `else` with a flag set before `break`",
    autograph.MANGLED: "rename the attribute with a single leading underscore",
}


class AutographUnsupportedChecker(TFLintChecker):
    """``for ... else``, ``while ... else``, ``self.__x`` and generators in converted graph code."""

    msgs = {
        msgid("W", 28): (
            "%s: AutoGraph refuses `%s` ('%s'), %s (%s); %s",
            SYMBOL,
            "Graph code uses a construct AutoGraph cannot convert, so the function runs unconverted. "
            "AutoGraph refuses a function that contains for/else, while/else, a name-mangled attribute "
            "(self.__x) or yield: TensorFlow warns and traces it as plain Python, so tensor-dependent "
            "control flow in it fails. A generator cannot be a tf.function or a tf.data function at all.",
        ),
    }

    @only_required_for_messages(SYMBOL)
    @guarded
    def visit_for(self, node: nodes.For) -> None:
        """``for ... else``."""
        if node.orelse:
            self._check(node, "`for ... else`")

    @only_required_for_messages(SYMBOL)
    @guarded
    def visit_while(self, node: nodes.While) -> None:
        """``while ... else``."""
        if node.orelse:
            self._check(node, "`while ... else`")

    @only_required_for_messages(SYMBOL)
    @guarded
    def visit_attribute(self, node: nodes.Attribute) -> None:
        """``self.__x``: a name-mangled attribute."""
        if autograph.refusal(node) == autograph.MANGLED:
            self._check(node, f"the name-mangled attribute `{node.as_string()}`")

    @only_required_for_messages(SYMBOL)
    @guarded
    def visit_yield(self, node: nodes.Yield) -> None:
        """``yield`` in a tf.function or tf.data function."""
        self._generator(node)

    @only_required_for_messages(SYMBOL)
    @guarded
    def visit_yieldfrom(self, node: nodes.YieldFrom) -> None:
        """``yield from`` in a tf.function or tf.data function."""
        self._generator(node)

    def _check(self, node: nodes.NodeNG, what: str) -> None:
        trace = autograph.traced(node)
        if trace is None or not trace.autograph:
            return
        if trace.kind == "keras" and autograph.keras_converts(node) is not True:
            return  # only tf_keras converts `call`; Keras 3 (and maybe tf.keras) never does
        unit = autograph.conversion_unit(node)
        if unit is None or autograph.not_converted(unit):
            return
        reason = autograph.refusal(node)
        assert reason is not None  # every caller passes a construct that refusal() names
        label = getattr(unit, "name", "<lambda>")
        self.add_message(
            SYMBOL,
            node=node,
            args=(what, label, reason, _UNCONVERTED.format(label), trace.describe(node.root().file), _FIXES[reason]),
            confidence=trace.confidence,
        )

    def _generator(self, node: nodes.NodeNG) -> None:
        func = node.scope()
        if not isinstance(func, nodes.FunctionDef):
            return
        trace = autograph.traced(node)
        if trace is None or trace.kind not in ("function", "dataset") or len(trace.chain) != 1:
            return
        if context.project().traced(func.root()).get(func) is not trace:
            return
        error = (
            "TypeError ('Python functions must return zero or more Tensors', found a generator)"
            if trace.kind == "function"
            else "TypeError ('Unsupported return value from function passed to Dataset.map(): <generator object>')"
        )
        self.add_message(
            SYMBOL,
            node=node,
            args=(
                f"`{node.as_string()}` makes `{func.name}` a generator",
                func.name,
                autograph.GENERATOR,
                f"and tracing a generator raises {error}",
                trace.describe(node.root().file),
                "return a tensor, or build a tf.data.Dataset (Dataset.from_generator runs a Python generator)",
            ),
            confidence=trace.confidence,
        )
