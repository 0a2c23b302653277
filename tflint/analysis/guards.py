"""Branches of traced functions that do not run as graph code.

``if tf.executing_eagerly():`` is False while tracing, so its body is dead in graph code
(unless it sits in ``with tf.init_scope():``, where TensorFlow runs eagerly again);
after ``if not tf.executing_eagerly(): return`` the rest of the block only runs eagerly.
``if not self.built:`` / ``if x is None:`` guard code that runs once by design.
``if isinstance(x, np.ndarray):`` / ``if not tf.is_tensor(x):`` / ``if hasattr(x, "numpy"):``
guard code written for NumPy or eager values: a symbolic tensor never takes that branch.
"""

from __future__ import annotations

import re

from astroid import nodes

from tflint.analysis.names import NameResolver, assigned_value, scope_lookup
from tflint.facts import tfapi

_ONCE_FLAG = re.compile(r"built|initiali[sz]ed|(?:^|_)init(?:$|_)|first_call|first_run", re.IGNORECASE)


def eager_test(test: nodes.NodeNG, resolver: NameResolver, _depth: int = 0) -> bool | None:
    """True if ``test`` is true exactly when running eagerly, False for the reverse, else None.

    Follows a local flag: ``eager = tf.executing_eagerly()`` then ``if eager:``.
    """
    if _depth > 3:
        return None
    if isinstance(test, nodes.UnaryOp) and test.op == "not":
        inner = eager_test(test.operand, resolver, _depth + 1)
        return None if inner is None else not inner
    if isinstance(test, nodes.Call):
        api = resolver.api(test.func) or ""
        if api in tfapi.EAGER_GUARDS or api.endswith(".context.executing_eagerly"):
            return True
        if api in tfapi.GRAPH_GUARDS:
            return False
    if isinstance(test, nodes.Name):
        return _eager_flag(test, resolver, _depth)
    return None


def _eager_flag(name: nodes.Name, resolver: NameResolver, depth: int) -> bool | None:
    """``eager`` bound only by ``eager = tf.executing_eagerly()`` (or its negation)."""
    scope, bindings = scope_lookup(name, name.name)
    if scope is None:  # astroid could not look it up: unknown
        return None
    answers = set()
    for binding in bindings:
        value = assigned_value(binding) if isinstance(binding, nodes.AssignName) else None
        if value is None or not isinstance(binding.parent, nodes.Assign):
            return None  # a parameter, a loop target, an augmented assignment: not a plain flag
        answers.add(eager_test(value, resolver, depth + 1))
    return answers.pop() if len(answers) == 1 else None


def _eager_only_sides(test: nodes.NodeNG, resolver: NameResolver) -> tuple[bool, bool]:
    """(the body runs only eagerly, the ``else`` runs only eagerly) for an ``if`` on ``test``.

    Besides the exact tests of :func:`eager_test`, ``tf.executing_eagerly() and x`` is
    true only when running eagerly, and ``not tf.executing_eagerly() or x`` is false only then.
    """
    exact = eager_test(test, resolver)
    if exact is not None:
        return exact, not exact
    if isinstance(test, nodes.UnaryOp) and test.op == "not":
        body, orelse = _eager_only_sides(test.operand, resolver)
        return orelse, body
    if isinstance(test, nodes.BoolOp):
        sides = [_eager_only_sides(value, resolver) for value in test.values]
        if test.op == "and":
            return any(b for b, _ in sides), all(o for _, o in sides)
        return all(b for b, _ in sides), any(o for _, o in sides)
    return False, False


def dead_branch(branch: nodes.If, resolver: NameResolver) -> list[nodes.NodeNG]:
    """The statements of ``branch`` that never run while its function is traced."""
    if in_init_scope(branch, resolver):
        # inside init_scope TensorFlow runs eagerly: the graph-only side is the dead one
        exact = eager_test(branch.test, resolver)
        return [] if exact is None else branch.orelse if exact else branch.body
    body, orelse = _eager_only_sides(branch.test, resolver)
    return branch.body if body else branch.orelse if orelse else []


def in_init_scope(node: nodes.NodeNG, resolver: NameResolver) -> bool:
    """True inside ``with tf.init_scope():`` within the same function."""
    current = node.parent
    while current is not None and not isinstance(current, (nodes.FunctionDef, nodes.Lambda)):
        if isinstance(current, nodes.With) and any(
            isinstance(expr, nodes.Call) and resolver.api(expr.func) == "tensorflow.init_scope"
            for expr, _ in current.items
        ):
            return True
        current = current.parent
    return False


def ends_graph_path(statement: nodes.NodeNG, resolver: NameResolver) -> bool:
    """True for ``if not tf.executing_eagerly(): return ...``: later statements run eagerly only."""
    if not isinstance(statement, nodes.If) or statement.orelse or not statement.body:
        return False
    if not isinstance(statement.body[-1], (nodes.Return, nodes.Raise)):
        return False
    eager_when_true = eager_test(statement.test, resolver)
    if eager_when_true is not None and in_init_scope(statement, resolver):
        eager_when_true = not eager_when_true
    return eager_when_true is False


def is_once_guard(test: nodes.NodeNG) -> bool:
    """``if not self.built:``, ``if self._layer is None:``, ``if first_call:``: run-once guards."""
    for part in test.nodes_of_class((nodes.Name, nodes.Attribute)):
        name = part.name if isinstance(part, nodes.Name) else part.attrname
        if _ONCE_FLAG.search(name):
            return True
    for compare in test.nodes_of_class(nodes.Compare):
        # `self._cache is None` guards a lazily made attribute; `mask is None` on an
        # argument is an ordinary branch that runs on every trace.
        if isinstance(compare.left, nodes.Attribute) and any(
            op in ("is", "is not") and isinstance(other, nodes.Const) and other.value is None
            for op, other in compare.ops
        ):
            return True
    return False


def eager_values_only(node: nodes.NodeNG, resolver: NameResolver) -> bool:
    """True under ``if isinstance(x, np.ndarray):`` / ``if not tf.is_tensor(x):`` /
    ``if hasattr(x, "numpy"):`` (within the function): branches written for NumPy or eager
    values, which a symbolic tensor never takes."""
    child, current = node, node.parent
    while current is not None and not isinstance(current, (nodes.FunctionDef, nodes.Lambda, nodes.ClassDef)):
        if isinstance(current, (nodes.If, nodes.IfExp)) and child is not current.test:
            body = current.body if isinstance(current.body, list) else [current.body]
            positive = _values_test(current.test, resolver)
            if positive is not None and (child in body) == positive:
                return True
        child, current = current, current.parent
    return False


def _values_test(test: nodes.NodeNG, resolver: NameResolver) -> bool | None:
    """True if ``test`` holds only for NumPy/eager values, False for the reverse, else None."""
    if isinstance(test, nodes.UnaryOp) and test.op == "not":
        inner = _values_test(test.operand, resolver)
        return None if inner is None else not inner
    if isinstance(test, nodes.BoolOp) and test.op == "and":
        # `isinstance(x, np.ndarray) and x.size > 1` is true only for NumPy values
        return True if any(_values_test(v, resolver) is True for v in test.values) else None
    if isinstance(test, nodes.BoolOp) and test.op == "or":
        return False if any(_values_test(v, resolver) is False for v in test.values) else None
    if not isinstance(test, nodes.Call):
        return None
    name = resolver.api(test.func) or ""
    if name == "builtins.isinstance" and len(test.args) == 2:
        kinds = test.args[1].elts if isinstance(test.args[1], nodes.Tuple) else [test.args[1]]
        if kinds and all((resolver.api(k) or "").startswith("numpy.") for k in kinds):
            return True
    if name == "builtins.hasattr" and len(test.args) == 2:
        if isinstance(test.args[1], nodes.Const) and test.args[1].value == "numpy":
            return True
    if name in ("tensorflow.is_tensor", "tensorflow.is_symbolic_tensor", "keras.ops.is_tensor"):
        return False
    return None
