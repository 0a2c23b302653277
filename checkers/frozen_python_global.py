"""tf-frozen-python-global: graph code reads a module global that changes later."""

from __future__ import annotations

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages
from pylint.interfaces import CONTROL_FLOW

from tflint.analysis import context, pystate
from tflint.analysis.names import scope_lookup
from tflint.analysis.project import ModuleFact
from tflint.checkers.base import TFLintChecker, guarded
from tflint.messages import msgid

# The module globals the module changes after set-up, with the line of the change.
CHANGED_GLOBALS = ModuleFact("changed globals", lambda module: pystate.changed_globals(module, context.names(module)))


class FrozenPythonGlobalChecker(TFLintChecker):
    """A Python global read while tracing is captured as a constant."""

    msgs = {
        msgid("W", 4): (
            "`%s` reads the module-level `%s`, which this module changes at line %s; the graph "
            "keeps the value from the first trace and ignores later changes (%s). Pass it as "
            "an argument (a tensor) or keep it in a tf.Variable",
            "tf-frozen-python-global",
            "Traced code reads a module global that the module changes later, so the graph "
            "keeps a stale value. A Python value read by graph code is captured when the function is traced and "
            "stored in the graph as a constant. When the module later rebinds or mutates the "
            "global (a learning rate schedule, a flag, a list of settings), the traced function "
            "keeps using the old value until it happens to retrace.",
        ),
    }

    _changed: dict[str, int] | None = None  # the walked module's changing globals

    def visit_module(self, node: nodes.Module) -> None:
        """One message per function and global is enough."""
        self._reported: set[tuple[int, str]] = set()
        self._changed = None  # computed at the first name

    def leave_module(self, node: nodes.Module) -> None:  # pylint: disable=unused-argument
        """Forget the module's globals (editors keep the checker between runs)."""
        self._changed = None

    @only_required_for_messages("tf-frozen-python-global")
    @guarded
    def visit_name(self, node: nodes.Name) -> None:
        """Report the first read of a changing module global in each traced function."""
        if self._changed is None:
            module = node.root()
            self._changed = context.project().fact(module, CHANGED_GLOBALS) if context.has_graph_code(module) else {}
        line = self._changed.get(node.name)  # most names end here, at one look-up
        if line is None or pystate.is_mutated_here(node):
            return
        module = node.root()
        if isinstance(node.parent, nodes.Call) and node.parent.func is node:
            return
        if _lookup_by_computed_key(node):
            return
        scope, _ = scope_lookup(node, node.name)
        if scope is None:  # astroid could not look it up: unknown
            return
        if scope is not module:
            return
        func = context.enclosing_function(node)
        if func is None or _rebinds_global(func, node.name):
            return
        key = (id(func), node.name)
        if key in self._reported:
            return
        trace = context.graph_context(node)
        if trace is None:
            return
        self._reported.add(key)
        self.add_message(
            "tf-frozen-python-global",
            node=node,
            args=(trace.chain[-1], node.name, line, trace.describe(module.file)),
            # Whether the change happens after the first trace is a guess about control flow.
            confidence=CONTROL_FLOW,
        )


def _rebinds_global(func: nodes.FunctionDef | nodes.Lambda, name: str) -> bool:
    """The function itself assigns the global (tf-python-side-effect reports that)."""
    declared = any(name in stmt.names and stmt.scope() is func for stmt in func.nodes_of_class(nodes.Global))
    return declared and any(
        assign.name == name and assign.scope() is func for assign in func.nodes_of_class(nodes.AssignName)
    )


def _lookup_by_computed_key(node: nodes.Name) -> bool:
    """``REGISTRY[name]``, ``obj in REGISTRY``, ``REGISTRY.get(graph)``: a registry lookup.

    The trace picks its own entry by a key it computes (a class name, the graph being
    traced), so entries added later concern other keys. A constant key (``CONFIG["lr"]``)
    reads a setting and is still reported.
    """
    parent = node.parent
    if isinstance(parent, nodes.Subscript) and parent.value is node:
        return not isinstance(parent.slice, nodes.Const)
    if isinstance(parent, nodes.Compare) and parent.ops and parent.ops[0][0] in ("in", "not in"):
        return parent.ops[0][1] is node and not isinstance(parent.left, nodes.Const)
    if isinstance(parent, nodes.Attribute) and parent.attrname == "get":
        call = parent.parent
        if isinstance(call, nodes.Call) and call.func is parent and call.args:
            return not isinstance(call.args[0], nodes.Const)
    return False
