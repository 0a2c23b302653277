"""tf-python-side-effect: Python state changed by graph code changes once per trace."""

from __future__ import annotations

from astroid import nodes
from astroid.const import Context
from pylint.checkers.utils import only_required_for_messages

from tflint.analysis import context, pystate
from tflint.analysis.index import module_nodes
from tflint.analysis.names import scope_lookup
from tflint.analysis.project import ModuleFact
from tflint.analysis.trace import Trace
from tflint.checkers.base import TFLintChecker, guarded
from tflint.facts import pyapi
from tflint.messages import msgid

_STATE_FIX = "keep the state in a tf.Variable (or a tf.TensorArray), or return the value from the function"
_LOG_FIX = "use tf.print() to log on every call, or log outside the traced function"
_IO_FIX = "do the I/O outside the traced function, or inside a tf.py_function callback"
_NEXT_FIX = "iterate a tf.data.Dataset instead (its iterator advances on every call), or pass the element in"
_OWNER_PHRASE = {
    "global": "the module-level `{}`",
    "closure": "the enclosing function's `{}`",
    "self": "an attribute of `{}`",
    "argument": "the argument `{}`",
}


class PythonSideEffectChecker(TFLintChecker):
    """Mutations, logging and I/O in graph code happen while tracing, not per call."""

    msgs = {
        msgid("W", 2): (
            "%s runs only while TensorFlow traces `%s`, not on each call (%s); %s",
            "tf-python-side-effect",
            "Python state changed by traced code changes once per trace, not on every call. "
            "Graph code runs its Python only while TensorFlow traces it. Appending to a "
            "global list, bumping a counter on self, rebinding a global, logging or writing "
            "a file therefore happens once per trace (often once in total) instead of once "
            "per call, and tensors stored this way are symbolic graph tensors.",
        ),
    }

    options = (
        (
            "tf-report-logging",
            {
                "default": True,
                "type": "yn",
                "metavar": "<y or n>",
                "help": "Report logging calls in traced code (they log once per trace). "
                "Libraries that log shapes or warnings at trace time on purpose can turn this off.",
            },
        ),
    )

    def _report(self, node: nodes.NodeNG, trace: Trace, action: str, fix: str) -> None:
        self.add_message(
            "tf-python-side-effect",
            node=node,
            args=(action, trace.chain[-1], trace.describe(node.root().file), fix),
            confidence=trace.confidence,
        )

    def _owner(self, expr: nodes.NodeNG, trace: Trace) -> pystate.Owner | None:
        func = context.enclosing_function(expr)
        if func is None:
            return None
        # Only a tf.function's caller hands it objects that outlive the call; the
        # arguments of tf.data functions and Keras methods are TensorFlow's own.
        is_entry = (
            trace.kind == "function"
            and len(trace.chain) == 1
            and context.project().traced(func.root()).get(func) is trace
        )
        return pystate.outliving_owner(expr, func, is_entry, lambda scope: context.graph_context(scope) is not None)

    @only_required_for_messages("tf-python-side-effect")
    @guarded
    def visit_call(self, node: nodes.Call) -> None:
        """Mutating calls, logging, I/O and ``next()`` on Python iterators."""
        name = context.callee_api(node)
        if pyapi.is_logging_call(name):
            if not self.linter.config.tf_report_logging:
                return
            action, fix = f"`{node.func.as_string()}(...)`", _LOG_FIX
        elif pyapi.is_io_call(name):
            action, fix = f"`{node.func.as_string()}(...)`", _IO_FIX
        elif name == "builtins.next" and node.args and self._python_iterator(node.args[0]):
            action, fix = f"`next({node.args[0].as_string()})`", _NEXT_FIX
        elif isinstance(node.func, nodes.Attribute) and self._may_mutate(node.func.attrname):
            trace = context.graph_context(node)
            if trace is None:
                return
            owner = self._owner(node.func.expr, trace)
            if owner is None or context.in_run_once_code(node):
                return
            cls = context.enclosing_class(node)
            classes = context.project().graph(node.root()).class_chain(cls) if cls is not None else []
            known = pystate.container_known(node.func.expr, owner, context.names(node), classes)
            if pystate.is_mutating_call(node, owner, known):
                phrase = _OWNER_PHRASE[owner.kind].format(owner.name)
                self._report(node, trace, f"`{node.func.as_string()}(...)` on {phrase}", _STATE_FIX)
            return
        else:
            return
        trace = context.graph_context(node)
        if trace is not None:
            self._report(node, trace, action, fix)

    @staticmethod
    def _may_mutate(method: str) -> bool:
        return method in pyapi.UNAMBIGUOUS_MUTATORS or method in pyapi.AMBIGUOUS_MUTATORS

    def _python_iterator(self, expr: nodes.NodeNG) -> bool:
        """``it`` in ``next(it)`` is a Python iterator created outside the traced call."""
        if not isinstance(expr, nodes.Name):
            return False
        trace = context.graph_context(expr)
        if trace is None:
            return False
        owner = self._owner(expr, trace)
        if owner is None or owner.kind not in ("global", "closure"):
            return False
        value = owner.binding_value
        if isinstance(value, nodes.GeneratorExp):
            return True
        if isinstance(value, nodes.Call):
            api = context.names(expr).api(value.func) or ""
            if api == "builtins.iter" and value.args:
                return _python_iterable(value.args[0], context.names(expr))
            return api.startswith("itertools.") or _is_generator_call(value, expr)
        return False

    @only_required_for_messages("tf-python-side-effect")
    @guarded
    def visit_assignname(self, node: nodes.AssignName) -> None:
        """Rebinding a ``global``/``nonlocal`` name from graph code."""
        scope = node.scope()
        if not isinstance(scope, nodes.FunctionDef) or not _declared_outside(scope, node.name):
            return
        trace = context.graph_context(node)
        if trace is None:
            return
        if pystate.is_variable_value(_statement_value(node), context.names(node)):
            return  # a create-once tf.Variable guarded by the global: TF's own pattern
        if pystate.inside_guard_on(node, node.name):
            return  # `if cache is None: cache = ...` runs once by design
        owner = _nonlocal_owner(scope, node.name)
        if owner is not None and context.graph_context(owner) is not None:
            return  # the enclosing function is traced too: its local lives for one trace only
        self._report(node, trace, f"Rebinding the outer variable `{node.name}`", _STATE_FIX)

    @only_required_for_messages("tf-python-side-effect")
    @guarded
    def visit_assignattr(self, node: nodes.AssignAttr) -> None:
        """``self.count += 1`` and other Python values stored on long-lived objects."""
        value = _statement_value(node)
        if value is None or not pystate.is_python_value(value):
            return
        func = context.enclosing_function(node)
        if func is None or context.in_run_once_code(node) or pystate.inside_guard_on(node, node.attrname):
            return
        trace = context.graph_context(node)
        if trace is None:
            return
        owner = self._owner(node, trace)
        if owner is None:
            return
        cls = context.enclosing_class(node)
        if owner.kind == "self" and cls is not None:
            resolver = context.names(node)
            if any(pystate.is_variable_value(v, resolver) for v in pystate.attribute_values(cls, node.attrname)):
                return
        self._report(node, trace, f"Setting `{node.as_string()}` to a Python value", _STATE_FIX)

    @only_required_for_messages("tf-python-side-effect")
    @guarded
    def visit_subscript(self, node: nodes.Subscript) -> None:
        """``cache[key] = value`` / ``del cache[key]`` on a container that outlives the call."""
        if node.ctx not in (Context.Store, Context.Del):
            return
        trace = context.graph_context(node)
        if trace is None:
            return
        owner = self._owner(node.value, trace)
        if owner is None or context.in_run_once_code(node):
            return
        verb = "Deleting" if node.ctx == Context.Del else "Assigning"
        phrase = _OWNER_PHRASE[owner.kind].format(owner.name)
        self._report(node, trace, f"{verb} `{node.as_string()}` in {phrase}", _STATE_FIX)


def _python_iterable(expr: nodes.NodeNG, resolver) -> bool:
    """Literal Python iterables (``[1, 2]``, ``range(3)``, ``"abc"``); unknown ones may be datasets."""
    if isinstance(expr, (nodes.List, nodes.Tuple, nodes.Set, nodes.Dict, nodes.Const)):
        return True
    return isinstance(expr, nodes.Call) and resolver.api(expr.func) in (
        "builtins.range",
        "builtins.enumerate",
        "builtins.zip",
    )


def _is_generator_call(call: nodes.Call, context_node: nodes.NodeNG) -> bool:
    """A call of a generator function defined in this module."""
    if not isinstance(call.func, nodes.Name):
        return False
    scope, bindings = scope_lookup(context_node, call.func.name)
    if scope is None:  # astroid could not look it up: unknown
        return False
    return any(isinstance(b, nodes.FunctionDef) and b.is_generator() for b in bindings)


def _statement_value(node: nodes.NodeNG) -> nodes.NodeNG | None:
    """The value stored into an assignment target (``x = v``, ``x += v``, ``x: T = v``)."""
    parent = node.parent
    if isinstance(parent, (nodes.Assign, nodes.AugAssign, nodes.AnnAssign)):
        return parent.value
    return None


def _nonlocal_owner(func: nodes.FunctionDef, name: str) -> nodes.NodeNG | None:
    """The enclosing function that binds a ``nonlocal`` name (None for globals)."""
    if not any(
        isinstance(s, nodes.Nonlocal) and name in s.names and s.scope() is func
        for s in func.nodes_of_class(nodes.Nonlocal)
    ):
        return None
    scope = func.parent.scope() if func.parent else None
    while isinstance(scope, (nodes.FunctionDef, nodes.Lambda)):
        if name in scope.locals:
            return scope
        scope = scope.parent.scope() if scope.parent else None
    return None


def _declared_outside(func: nodes.FunctionDef, name: str) -> bool:
    """``name`` is declared ``global`` or ``nonlocal`` in ``func`` itself."""
    declared = context.project().fact(func.root(), GLOBAL_DECLARATIONS)
    return name in declared.get(func, ())


def _global_declarations(module: nodes.Module) -> dict[nodes.NodeNG, set[str]]:
    """Each scope's ``global``/``nonlocal`` names: one walk per module instead of one per assignment."""
    found: dict[nodes.NodeNG, set[str]] = {}
    for stmt in module_nodes(module, (nodes.Global, nodes.Nonlocal)):
        found.setdefault(stmt.scope(), set()).update(stmt.names)
    return found


GLOBAL_DECLARATIONS = ModuleFact("global and nonlocal declarations by scope", _global_declarations)
