"""Branches of traced functions that do not run as graph code.

``if tf.executing_eagerly():`` is False while tracing, so its body is dead in graph code
(unless it sits in ``with tf.init_scope():``, where TensorFlow runs eagerly again);
after ``if not tf.executing_eagerly(): return`` the rest of the block only runs eagerly.
``if not self.built:`` / ``if x is None:`` guard code that runs once by design.
"""

from __future__ import annotations

import re

from astroid import nodes

from tflint import tfapi
from tflint.names import NameResolver

_ONCE_FLAG = re.compile(r"built|initiali[sz]ed|(?:^|_)init(?:$|_)|first_call|first_run", re.IGNORECASE)


def eager_test(test: nodes.NodeNG, resolver: NameResolver) -> bool | None:
    """True if ``test`` is true exactly when running eagerly, False for the reverse, else None."""
    if isinstance(test, nodes.UnaryOp) and test.op == "not":
        inner = eager_test(test.operand, resolver)
        return None if inner is None else not inner
    if isinstance(test, nodes.Call):
        api = resolver.api(test.func) or ""
        if api in tfapi.EAGER_GUARDS or api.endswith(".context.executing_eagerly"):
            return True
        if api in tfapi.GRAPH_GUARDS:
            return False
    return None


def dead_branch(branch: nodes.If, resolver: NameResolver) -> list[nodes.NodeNG]:
    """The statements of ``branch`` that never run while its function is traced."""
    eager_when_true = eager_test(branch.test, resolver)
    if eager_when_true is None:
        return []
    if in_init_scope(branch, resolver):
        eager_when_true = not eager_when_true
    return branch.body if eager_when_true else branch.orelse


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


def after_graph_return(statement: nodes.NodeNG, resolver: NameResolver) -> bool:
    """True when an earlier sibling ended the graph path (see :func:`ends_graph_path`)."""
    if not getattr(statement, "is_statement", False):
        return False
    sibling = statement.previous_sibling()
    while sibling is not None:
        if ends_graph_path(sibling, resolver):
            return True
        sibling = sibling.previous_sibling()
    return False


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
