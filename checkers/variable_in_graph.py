"""tf-variable-in-graph: tf.Variables (and objects holding them) created on every trace."""

from __future__ import annotations

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages

from tflint.analysis import context
from tflint.analysis.names import scope_lookup
from tflint.checkers.base import TFLintChecker, guarded
from tflint.facts import tfapi
from tflint.messages import msgid

SYMBOL = "tf-variable-in-graph"
_TF_ERROR = "'tf.function only supports singleton tf.Variables created on the first call'"


class VariableInGraphChecker(TFLintChecker):
    """tf.function only allows variables created once, on the first call."""

    msgs = {
        msgid("E", 32): (
            "`%s(...)` creates %s in `%s` each time TensorFlow traces it (%s), so TensorFlow raises "
            "ValueError: " + _TF_ERROR + "; %s",
            SYMBOL,
            "A tf.Variable, tf.random.Generator or Keras optimizer, metric or layer is created in "
            "traced code without a create-once guard. tf.function allows variables to be created "
            "only on the first trace and checks it by tracing again: a variable created on every "
            "trace makes the first call fail with ValueError. Keras objects create tf.Variables "
            "too (optimizers and metrics in their constructor, layers when first called).",
        ),
    }

    @only_required_for_messages(SYMBOL)
    @guarded
    def visit_call(self, node: nodes.Call) -> None:
        """Variable-creating constructors in graph code, outside create-once code."""
        api = context.callee_api(node)
        if api is None:
            return
        raw = context.names(node).raw(node.func) or ""
        what = tfapi.variable_creator(api, keras2=raw.startswith(tfapi.KERAS2_PREFIXES))
        if what is None:
            return
        trace = context.graph_context(node)
        if trace is None or context.in_run_once_code(node) or _lazily_created(node):
            return
        if what.startswith("a Keras layer") and (not _called_here(node) or _weightless_wrapper(node)):
            return  # a layer makes its weights when called: one that is never called makes none
        self.add_message(
            SYMBOL,
            node=node,
            args=(node.func.as_string(), what, trace.chain[-1], trace.describe(node.root().file), _fix(node)),
            confidence=trace.confidence,
        )


def _lazily_created(node: nodes.NodeNG) -> bool:
    """Under a create-once guard on state that outlives the trace: ``if not hasattr(self, "v"):``,
    ``if key not in self._cache:``, ``if cache[0] is None:``, ``if GLOBAL is None:``."""
    func = context.enclosing_function(node)
    child, current = node, node.parent
    while current is not None and not isinstance(current, (nodes.FunctionDef, nodes.Lambda)):
        if isinstance(current, nodes.If) and child in current.body:
            test = current.test
            if any(
                isinstance(c.func, nodes.Name) and c.func.name in ("hasattr", "getattr")
                for c in test.nodes_of_class(nodes.Call)
            ):
                return True
            for compare in test.nodes_of_class(nodes.Compare):
                for op, other in compare.ops:
                    if op == "not in":
                        return True
                    if (
                        op in ("is", "==")
                        and isinstance(other, nodes.Const)
                        and other.value is None
                        and _outlives_the_call(compare.left, func)
                    ):
                        return True
        child, current = current, current.parent
    return False


def _outlives_the_call(expr: nodes.NodeNG, func, depth: int = 0) -> bool:
    """``self.v``, ``cache[0]``, a global/closure name, or a local read from such state
    (``counter = self._counters.get(name)``): state kept between traces."""
    if isinstance(expr, (nodes.Attribute, nodes.Subscript)):
        return True
    if not isinstance(expr, nodes.Name) or func is None:
        return False
    scope, bindings = scope_lookup(expr, expr.name)
    if scope is None:  # astroid could not look it up: unknown
        return False
    if scope is not func:
        return True
    return depth == 0 and any(_read_from_state(b, func) for b in bindings)


def _read_from_state(binding: nodes.NodeNG, func) -> bool:
    """``x = self._cache.get(key)``, ``x = getattr(self, name, None)``, ``x = CACHE[key]``."""
    parent = binding.parent
    if not isinstance(binding, nodes.AssignName) or not isinstance(parent, nodes.Assign):
        return False
    value = parent.value
    if isinstance(value, nodes.Call):
        if isinstance(value.func, nodes.Attribute) and value.func.attrname == "get":
            value = value.func.expr
        elif isinstance(value.func, nodes.Name) and value.func.name == "getattr" and value.args:
            value = value.args[0]
        else:
            return False
    if isinstance(value, nodes.Subscript):
        value = value.value
    if isinstance(value, nodes.Name) and value.name == "self":
        return True
    return isinstance(value, (nodes.Attribute, nodes.Name)) and _outlives_the_call(value, func, depth=1)


def _weightless_wrapper(node: nodes.Call) -> bool:
    """``RNN(cell)``, ``Bidirectional(layer)``, ``TimeDistributed(layer)``: the wrapper's weights
    are those of what it wraps, so it matters only when that is created here too."""
    api = context.callee_api(node) or ""
    if api.rpartition(".")[2] not in tfapi.KERAS_LAYER_WRAPPERS:
        return False
    inner = node.args[0] if node.args else None
    if isinstance(inner, nodes.Call):
        return tfapi.variable_creator(context.names(node).api(inner.func)) is None
    return True


def _called_here(node: nodes.Call) -> bool:
    """True when the layer ``node`` creates is called in the same function (``Dense(3)(x)``,
    ``layer = Dense(3); layer(x)``, ``self.d = Dense(3); self.d(x)``)."""
    parent = node.parent
    if isinstance(parent, nodes.Call) and parent.func is node:
        return True
    if not isinstance(parent, nodes.Assign) or len(parent.targets) != 1:
        return False
    target = parent.targets[0]
    if isinstance(target, nodes.AssignName):
        spelled = target.name
    elif isinstance(target, nodes.AssignAttr):
        spelled = target.as_string()
    else:
        return False
    scope = node.scope()
    return any(
        call.func.as_string() == spelled
        for call in scope.nodes_of_class(nodes.Call)
        if isinstance(call.func, (nodes.Name, nodes.Attribute))
    )


def _fix(node: nodes.Call) -> str:
    """Show the guard on the attribute the object is stored in, when there is one."""
    parent = node.parent
    stored = parent.targets[0] if isinstance(parent, nodes.Assign) and len(parent.targets) == 1 else None
    if isinstance(stored, nodes.AssignAttr):
        target = stored.as_string()
        return (
            f"create it once, in `__init__` or `build`, or guard it: `if {target} is None: {target} = "
            f"{node.func.as_string()}(...)`"
        )
    return (
        "create it once outside the traced code (in `__init__`, `build` or at module level) and use that "
        "object here, or guard it: `if self.v is None: self.v = ...`"
    )
