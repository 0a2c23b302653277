"""tf-function-recreated: a tf.function built again in a loop or on every call, then called."""

from __future__ import annotations

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages
from pylint.interfaces import HIGH, INFERENCE

from tflint.analysis import calls, context, guards
from tflint.analysis.astutil import has_keyword, keyword_value
from tflint.analysis.graph import is_create_once
from tflint.analysis.names import scope_lookup
from tflint.checkers.base import TFLintChecker, guarded
from tflint.messages import msgid

SYMBOL = "tf-function-recreated"
_RUNNERS = frozenset({"run", "experimental_run_v2", "call_for_each_replica"})
_RUN_ONCE_NAMES = frozenset({"main", "_main", "run_main", "app_main", "setUp", "setUpClass", "tearDown"})


class FunctionRecreatedChecker(TFLintChecker):
    """Each new tf.function object traces from scratch: create it once and reuse it."""

    msgs = {
        msgid("W", 31): (
            "%s builds a new tf.function %s, and %s calls it: every new tf.function object traces "
            "from scratch, so no graph is ever reused; %s",
            SYMBOL,
            "A tf.function is created in a loop or on every call of a function, and then called. "
            "A tf.function keeps its graphs on the object: a new object, made by tf.function(f) or "
            "by executing a @tf.function def again, has none and traces again on its first call. "
            "Built inside a loop or a function that runs every step, it traces on every "
            "iteration, which is far slower than not using tf.function at all.",
        ),
    }

    @only_required_for_messages(SYMBOL)
    @guarded
    def visit_call(self, node: nodes.Call) -> None:
        """``tf.function(f)`` calls."""
        if not calls.tf_function_call(node):
            return
        target = node.args[0].as_string() if node.args else "..."
        self._check(node, node, f"`{node.func.as_string()}({target})`")

    @only_required_for_messages(SYMBOL)
    @guarded
    def visit_functiondef(self, node: nodes.FunctionDef) -> None:
        """``@tf.function`` defs nested in a function or a loop."""
        decorator = calls.tf_function_decorator(node)
        if decorator is None:
            return
        if isinstance(node.parent.scope(), (nodes.Module, nodes.ClassDef)) and not calls.enclosing_loops(node):
            return  # defined once, at module or class level
        self._check(node, decorator, f"`@{_decorator_name(decorator)}` on `{node.name}`")

    def _check(self, created: nodes.NodeNG, where: nodes.NodeNG, what: str) -> None:
        if context.graph_context(where) is not None or _graph_only(created):
            return  # built while an outer function is traced: once per outer trace
        if context.in_test_code(created):
            return  # tests build a tf.function per case on purpose
        options = where if isinstance(where, nodes.Call) else None
        if options is not None and has_keyword(options, "experimental_implements"):
            return  # a composite op definition, meant to be built inside an outer trace
        uses = _calls_of_created(created)
        if uses is None or not uses:
            return  # stored, returned or passed on: a factory or a cache, not a rebuild
        if _traced_for_its_graph(created):
            return  # `.get_concrete_function()`: tracing is the point (shapes, a graph to export)
        if isinstance(created, nodes.Call) and _wraps_a_new_value(created):
            return  # `tf.function(loaded.signatures[k])`: the wrapped callable is new too, nothing to reuse
        loops = calls.enclosing_loops(created)
        if loops:
            self._check_loop(loops[0], uses, where, what)
        else:
            self._check_per_call(created, uses, where, what)

    def _check_loop(self, loop: nodes.NodeNG, uses: list[nodes.Call], where: nodes.NodeNG, what: str) -> None:
        """Built in a loop: reported when the same iteration calls it."""
        if any(loop in calls.enclosing_loops(use) for use in uses):
            self.add_message(
                SYMBOL,
                node=where,
                args=(
                    what,
                    f"on every iteration of {calls.loop_phrase(loop)}",
                    "the loop",
                    "create it once, before the loop, and call that object",
                ),
                confidence=HIGH,
            )

    def _check_per_call(self, created: nodes.NodeNG, uses: list[nodes.Call], where: nodes.NodeNG, what: str) -> None:
        """Built in a function that calls it: reported unless that function runs once or traced."""
        owner = created.parent.scope() if isinstance(created, nodes.FunctionDef) else created.scope()
        if not isinstance(owner, nodes.FunctionDef) or _runs_once(owner):
            return
        uses = [use for use in uses if not _runs_function(use)]
        if not uses:
            return  # only handed to `strategy.run`, which is itself usually traced (Orbit, custom loops)
        if any(calls.enclosing_loops(use) for use in uses):
            return  # reused by a loop within each call: one trace per call of `owner`, not per step
        confidence = HIGH
        callers = calls.calls_of(owner)
        if callers and all(_called_once(call) for call in callers):
            return
        closes = _closes_over_call_values(created, owner)
        if closes and callers and not any(calls.enclosing_loops(call) for call in callers):
            return  # traces what each call was given, and no caller repeats it in a loop
        if context.settings().keras_traced and any(_in_keras_method(call) for call in callers):
            return  # called from a Keras layer or model: runs while fit/predict trace it
        if not callers:
            if _only_passed_to_calls(owner):
                return  # `strategy.run(step_fn)`, `tf.map_fn(fn, ...)`: the callee runs it, usually traced
            if closes:
                return  # an API entry point tracing what its arguments describe: one trace per call is the design
            confidence = INFERENCE
        self.add_message(
            SYMBOL,
            node=where,
            args=(
                what,
                f"on every call of `{owner.name}`",
                f"`{owner.name}`",
                f"create it once outside `{owner.name}` (at module level, or in `__init__` stored on self) and "
                f"reuse it",
            ),
            confidence=confidence,
        )


def _calls_of_created(created: nodes.NodeNG) -> list[nodes.Call] | None:
    """Calls of the tf.function object ``created`` makes; None when the object escapes."""
    if isinstance(created, nodes.Call):
        parent = created.parent
        if isinstance(parent, nodes.Call) and parent.func is created:
            return [parent]  # tf.function(f)(x)
        target = parent.targets[0] if isinstance(parent, nodes.Assign) and len(parent.targets) == 1 else None
        if isinstance(target, nodes.AssignName):
            return _uses_of_name(target.name, target, created.scope())
        return None
    return _uses_of_name(created.name, created, created.parent.scope())


def _uses_of_name(name: str, binding: nodes.NodeNG, scope: nodes.NodeNG) -> list[nodes.Call] | None:
    """Calls of the local ``name`` bound by ``binding``; None if it is used any other way."""
    found = []
    for use in scope.nodes_of_class(nodes.Name):
        if use.name != name:
            continue
        scope, bindings = scope_lookup(use, name)
        if scope is None:  # astroid could not look it up: unknown
            return None
        if binding not in bindings:
            continue
        if use.scope() is not scope:
            return None  # used by a nested function, which may be returned or stored: a factory
        parent = use.parent
        if isinstance(parent, nodes.Call) and parent.func is use:
            found.append(parent)
        elif isinstance(parent, nodes.Call) and _runs_function(parent):
            found.append(parent)  # `strategy.run(fn, ...)` calls it
        elif isinstance(parent, nodes.Attribute):
            continue  # `fn.get_concrete_function(...)`, `fn.experimental_get_tracing_count()`
        else:
            return None  # returned, stored or passed on
    return found


def _traced_for_its_graph(created: nodes.NodeNG) -> bool:
    """The local name of the new tf.function is asked for ``get_concrete_function()``."""
    if isinstance(created, nodes.Call):
        parent = created.parent
        target = parent.targets[0] if isinstance(parent, nodes.Assign) and len(parent.targets) == 1 else None
        if not isinstance(target, nodes.AssignName):
            return False
        name, scope = target.name, created.scope()
    else:
        name, scope = created.name, created.parent.scope()
    return any(
        isinstance(use.parent, nodes.Attribute) and use.parent.attrname == "get_concrete_function"
        for use in scope.nodes_of_class(nodes.Name)
        if use.name == name
    )


def _closes_over_call_values(created: nodes.NodeNG, owner: nodes.FunctionDef) -> bool:
    """The traced function reads parameters or locals of ``owner`` from its closure: it describes
    what this call was given, so it cannot simply be created once outside."""
    if isinstance(created, nodes.Call):
        target = created.args[0] if created.args else None
        func = target if isinstance(target, nodes.Lambda) else None
        if isinstance(target, nodes.Name):
            func = next((f for f in owner.nodes_of_class(nodes.FunctionDef) if f.name == target.name), None)
    else:
        func = created
    if not isinstance(func, (nodes.FunctionDef, nodes.Lambda)) or func is owner:
        return False
    for use in func.nodes_of_class(nodes.Name):
        if use.name in ("self", "cls"):
            continue
        scope, bindings = scope_lookup(use, use.name)
        if scope is None:  # astroid could not look it up: unknown
            continue
        if (
            scope is owner
            and bindings
            and not any(
                isinstance(b, (nodes.FunctionDef, nodes.ClassDef, nodes.Import, nodes.ImportFrom)) for b in bindings
            )
        ):
            return True
    return False


def _wraps_a_new_value(creation: nodes.Call) -> bool:
    """``f = load(path); tf.function(f)``: the wrapped callable is a local value made in the same
    scope (a loaded model, a concrete function), not a def or a method, so each rebuild wraps a
    different function and there is no graph that could have been reused."""
    target = creation.args[0] if creation.args else keyword_value(creation, "func")
    if not isinstance(target, nodes.Name):
        return False
    scope, bindings = scope_lookup(target, target.name)
    if scope is None:  # astroid could not look it up: unknown
        return False
    if scope is not creation.scope() or not bindings:
        return False
    for binding in bindings:
        parent = binding.parent
        if not isinstance(binding, nodes.AssignName) or not isinstance(parent, (nodes.Assign, nodes.AnnAssign)):
            return False  # a nested def, a parameter, a loop target: the same code each time
        if not isinstance(parent.value, (nodes.Call, nodes.Subscript, nodes.Attribute)):
            return False
        if isinstance(parent.value, nodes.Call) and calls.tf_function_call(parent.value):
            return False
    return True


def _runs_function(call: nodes.Call) -> bool:
    """``strategy.run(fn, args=...)`` and its older names: calls the function it is given."""
    return isinstance(call.func, nodes.Attribute) and call.func.attrname in _RUNNERS and bool(call.args)


def _graph_only(node: nodes.NodeNG) -> bool:
    """In the branch of ``if tf.executing_eagerly():`` that runs only while tracing."""
    resolver = context.names(node)
    child, current = node, node.parent
    while current is not None:
        if getattr(child, "is_statement", False) and _after_eager_return(child, resolver):
            return True
        if isinstance(current, (nodes.FunctionDef, nodes.Lambda, nodes.Module)):
            return False
        if isinstance(current, nodes.If) and (
            child in current.body
            and _graph_when(current.test, True, resolver)
            or child in current.orelse
            and _graph_when(current.test, False, resolver)
        ):
            return True
        child, current = current, current.parent
    return False


def _graph_when(test: nodes.NodeNG, outcome: bool, resolver) -> bool:
    """True when ``test`` evaluating to ``outcome`` means TensorFlow is not executing eagerly
    (``if tf.executing_eagerly() or not xla: ... else: <graph only>``)."""
    eager = guards.eager_test(test, resolver)
    if eager is not None:
        return eager is not outcome
    if isinstance(test, nodes.BoolOp) and (test.op == "or") is not outcome:
        # `a or b` False: every operand False; `a and b` True: every operand True
        return any(_graph_when(value, outcome, resolver) for value in test.values)
    return False


def _after_eager_return(statement: nodes.NodeNG, resolver) -> bool:
    """After ``if tf.executing_eagerly(): return ...``: the rest runs only while tracing."""
    sibling = statement.previous_sibling()
    while sibling is not None:
        if (
            isinstance(sibling, nodes.If)
            and not sibling.orelse
            and sibling.body
            and isinstance(sibling.body[-1], (nodes.Return, nodes.Raise))
            and guards.eager_test(sibling.test, resolver) is True
        ):
            return True
        sibling = sibling.previous_sibling()
    return False


def _runs_once(func: nodes.FunctionDef) -> bool:
    """Functions that run once by design: ``__init__``/``build``-like, ``main``, tests."""
    return (
        is_create_once(func)
        or func.name in _RUN_ONCE_NAMES
        or func.name.startswith("test")
        or func.name.startswith("_test")
    )


def _called_once(call: nodes.Call) -> bool:
    """A call at module level (or in ``main``) outside any loop."""
    if calls.enclosing_loops(call):
        return False
    scope = call.scope()
    return isinstance(scope, nodes.Module) or isinstance(scope, nodes.FunctionDef) and _runs_once(scope)


def _only_passed_to_calls(func: nodes.FunctionDef) -> bool:
    """True when ``func`` is referenced only as an argument of other calls."""
    scope = func.parent.scope()
    passed = False
    for use in scope.nodes_of_class(nodes.Name):
        if use.name != func.name:
            continue
        scope, bindings = scope_lookup(use, use.name)
        if scope is None:  # astroid could not look it up: unknown
            return False
        if func not in bindings:
            continue
        parent = use.parent.parent if isinstance(use.parent, nodes.Keyword) else use.parent
        if isinstance(parent, nodes.Call) and parent.func is not use:
            passed = True
        else:
            return False  # returned, stored or called: someone may call it repeatedly
    return passed


def _in_keras_method(call: nodes.Call) -> bool:
    """A call in a method of a Keras Layer/Model/Metric subclass (traced under fit/predict)."""
    if context.graph_context(call) is not None:
        return True
    cls = context.enclosing_class(call)
    return cls is not None and context.project().graph(cls.root()).keras_family(cls, 0) is not None


def _decorator_name(decorator: nodes.NodeNG) -> str:
    target = decorator.func if isinstance(decorator, nodes.Call) else decorator
    return target.as_string()
