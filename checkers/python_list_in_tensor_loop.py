"""tf-python-list-in-tensor-loop: a Python list or dict grown inside a loop AutoGraph makes a graph loop."""

from __future__ import annotations

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages

from tflint.analysis import autograph, tensors
from tflint.analysis.names import scope_lookup
from tflint.checkers.base import TFLintChecker, guarded
from tflint.messages import msgid

SYMBOL = "tf-python-list-in-tensor-loop"
_GROWING = frozenset({"append", "extend", "insert", "appendleft", "extendleft", "update", "setdefault", "add"})
_CONTAINERS = frozenset({"list", "dict", "set"})
_LEAK = (
    "it then holds one symbolic tensor of the loop's own graph, and reading it after the loop raises "
    "InaccessibleTensorError"
)
_RESTRUCTURE = (
    "the loop variable changes structure between iterations, so tracing raises TypeError ('The two "
    "structures don't have the same number of elements')"
)
_FIX = (
    "collect the values in a tf.TensorArray (`ta = ta.write(i, v)`, then `ta.stack()`), or build the result "
    "with tensor ops"
)


class PythonListInTensorLoopChecker(TFLintChecker):
    """``out.append(v)`` inside ``for i in tf.range(n)``, ``while t``, ``for x in dataset``."""

    msgs = {
        msgid("E", 23): (
            "`%s` inside the tensor loop `%s` grows the Python %s `%s` only once, while TensorFlow traces "
            "the loop body of `%s` (%s): %s; %s",
            SYMBOL,
            "A Python list, dict or set is grown inside a loop that AutoGraph turns into a graph loop. "
            "The loop body is traced once, not run per iteration: the container gets one item, a "
            "symbolic tensor that lives inside the loop's graph, and reading it after the loop raises "
            "InaccessibleTensorError (`out = out + [v]` fails with TypeError instead). tf.TensorArray "
            "is the loop-carried list of graph loops.",
        ),
    }

    @only_required_for_messages(SYMBOL)
    @guarded
    def visit_call(self, node: nodes.Call) -> None:
        """``out.append(v)`` / ``d.update(...)`` on a container created before the loop."""
        if not isinstance(node.func, nodes.Attribute) or node.func.attrname not in _GROWING:
            return
        self._check(node, node.func.expr, f"{node.func.as_string()}(...)", _LEAK)

    @only_required_for_messages(SYMBOL)
    @guarded
    def visit_augassign(self, node: nodes.AugAssign) -> None:
        """``out += [v]``: the loop variable changes structure between iterations."""
        if node.op == "+=" and isinstance(node.target, nodes.AssignName):
            self._check(node, node.target, node.as_string(), _RESTRUCTURE)

    @only_required_for_messages(SYMBOL)
    @guarded
    def visit_assign(self, node: nodes.Assign) -> None:
        """``out = out + [v]``: the loop variable changes structure between iterations."""
        value = node.value
        if len(node.targets) != 1 or not isinstance(node.targets[0], nodes.AssignName):
            return
        name = node.targets[0].name
        if (
            isinstance(value, nodes.BinOp)
            and value.op == "+"
            and isinstance(value.left, nodes.Name)
            and value.left.name == name
            and isinstance(value.right, (nodes.List, nodes.Tuple))
        ):
            self._check(node, value.left, node.as_string(), _RESTRUCTURE)

    def _check(self, node: nodes.NodeNG, receiver: nodes.NodeNG, action: str, error: str) -> None:
        if not isinstance(receiver, (nodes.Name, nodes.AssignName)):
            return
        loop = _tensor_loop_around(node)
        if loop is None:
            return
        container = _container_before(receiver, loop)
        if container is None:
            return
        trace = autograph.traced(node)
        if trace is None or autograph.conversion(node, trace) is False:
            return
        self.add_message(
            SYMBOL,
            node=node,
            args=(
                action,
                autograph.loop_header(loop),
                container,
                receiver.name,
                trace.chain[-1],
                trace.describe(node.root().file),
                error,
                _FIX,
            ),
            confidence=autograph.confidence(trace),
        )


def _tensor_loop_around(node: nodes.NodeNG) -> nodes.For | nodes.While | None:
    """The innermost enclosing loop of ``node`` (in its function) that AutoGraph makes a graph loop."""
    child, current = node, node.parent
    while current is not None and not isinstance(current, (nodes.FunctionDef, nodes.Lambda, nodes.ClassDef)):
        if isinstance(current, (nodes.For, nodes.While)) and child in current.body and autograph.tensor_loop(current):
            return current
        child, current = current, current.parent
    return None


def _container_before(receiver: nodes.Name | nodes.AssignName, loop: nodes.NodeNG) -> str | None:
    """'list', 'dict' or 'set' when every binding of ``receiver`` is a container made before ``loop``."""
    scope, bindings = scope_lookup(loop, receiver.name)
    if scope is None:  # astroid could not look it up: unknown
        return None
    if scope is not receiver.scope() or not bindings:
        return None  # only the function's own locals: other state belongs to tf-python-side-effect
    kinds = set()
    for binding in bindings:
        value = tensors.value_of(binding)
        if not value.is_python or value.what not in _CONTAINERS:
            return None
        kinds.add(value.what)
    for binding in receiver.scope().locals.get(receiver.name, ()):
        if loop.parent_of(binding) and not (isinstance(binding.parent, nodes.AugAssign) or _rebuilds(binding)):
            return None  # rebound inside the loop: a fresh container each time
    return kinds.pop() if len(kinds) == 1 else None


def _rebuilds(binding: nodes.NodeNG) -> bool:
    """``out = out + [v]``: the binding that is itself the growth."""
    parent = binding.parent
    return (
        isinstance(parent, nodes.Assign)
        and isinstance(parent.value, nodes.BinOp)
        and isinstance(parent.value.left, nodes.Name)
        and parent.value.left.name == getattr(binding, "name", None)
    )
