"""Where tf.functions are called, and with what: the shared analysis of the retracing rules.

A ``tf.function`` object keeps one graph per *trace key*. Tensors enter the key by dtype
and shape; Python values enter it by value (``3`` and ``4`` are two keys) and other
Python objects by identity (a new lambda or a new object is a new key). So whether a
call retraces depends on what the call site passes, which is what this module works out:

- :func:`traced_callable` -- which ``tf.function`` object a callee expression names: a
  ``@tf.function`` def (a function, a method, a project import) or a name/attribute bound
  to ``tf.function(f)``; with its ``input_signature`` and ``reduce_retracing``;
- :func:`call_site` -- one call of such an object: each argument's parameter, its kind
  (Python literal, loop variable, a Python value computed in a loop, f-string, display,
  lambda, fresh object, tensor ...), whether it changes between calls and whether an
  ``input_signature`` covers it;
- :func:`call_sites` / :func:`calls_of` -- every call of a traced function / of any
  project function, in its module and the project modules importing it;
- :func:`traced_callables` -- the tf.function objects a module creates.

What a value is on each iteration of the loops around it (and the loop helpers) lives in
:mod:`tflint.analysis.loopvalues`; the kinds and helpers are re-exported here.

Nothing here imports TensorFlow or infers into it: names come from the imports
(:mod:`tflint.analysis.names`) and callees from :mod:`tflint.analysis.graph`'s resolution.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from astroid import nodes

from tflint import settings
from tflint.analysis import context, run
from tflint.analysis.astutil import has_keyword, keyword_value, source_text
from tflint.analysis.graph import FunctionNode, Instance, ModuleGraph, function_label
from tflint.analysis.index import module_nodes

# Re-exported: the checkers ask `calls.LOOP_VARIABLE`, `calls.enclosing_loops(...)`.
from tflint.analysis.loopvalues import (  # pylint: disable=unused-import  # noqa: F401
    DISPLAY,
    FRESH_OBJECT,
    FUNCTION,
    LITERAL,
    LOOP_VALUE,
    LOOP_VARIABLE,
    PARAMETER,
    STRING,
    TENSOR,
    UNKNOWN,
    Classifier,
    Value,
    enclosing_loops,
    flatten,
    loop_phrase,
)
from tflint.analysis.memo import NodeMemo
from tflint.analysis.names import assigned_value, scope_lookup
from tflint.analysis.project import ModuleFact

_LIBRARY_PREFIXES = ("tensorflow.", "keras.", "numpy.", "builtins.", "math.", "jax.")
# Keras calls these callback methods with a new Python int (epoch or batch) every time.
_KERAS_CALLBACK_METHODS = frozenset(
    {
        "on_epoch_begin",
        "on_epoch_end",
        "on_batch_begin",
        "on_batch_end",
        "on_train_batch_begin",
        "on_train_batch_end",
        "on_test_batch_begin",
        "on_test_batch_end",
        "on_predict_batch_begin",
        "on_predict_batch_end",
    }
)


# ---- the tf.function objects ---------------------------------------------------------------
@dataclass(frozen=True)
class TracedCallable:
    """A ``tf.function`` object as the source creates it.

    ``func`` is the Python function it traces, ``creation`` the decorator or the
    ``tf.function(...)`` call, ``bound`` whether calls pass ``self`` implicitly.
    """

    func: FunctionNode
    creation: nodes.NodeNG
    signature: nodes.NodeNG | None = None
    reduce_retracing: bool = False
    bound: bool = False

    @property
    def label(self) -> str:
        """``train_step`` or ``Model.train_step``."""
        return function_label(self.func)

    @property
    def decorated(self) -> bool:
        """True for ``@tf.function`` defs, False for ``tf.function(f)`` objects."""
        return isinstance(self.creation.parent, nodes.Decorators)

    def positional_parameters(self) -> list[str]:
        """Parameters a positional argument can bind to, ``self`` left out for bound calls."""
        args = self.func.args
        names = [a.name for a in (args.posonlyargs or []) + (args.args or [])]
        return names[1:] if self.bound and names else names

    def parameter_for(self, position: int | None, keyword: str | None) -> str | None:
        """The parameter the argument at ``position`` (or ``keyword=``) binds to."""
        args = self.func.args
        if keyword is not None:
            every = [a.name for a in (args.posonlyargs or []) + (args.args or []) + (args.kwonlyargs or [])]
            if keyword in every:
                return keyword
            return args.kwarg or None
        positional = self.positional_parameters()
        if position is not None and position < len(positional):
            return positional[position]
        return args.vararg or None

    def covered(self, parameter: str | None) -> bool:
        """True when the ``input_signature`` turns what is passed for ``parameter`` into a tensor."""
        if self.signature is None or parameter is None:
            return False
        elts = _signature_entries(self.signature)
        if elts is None:
            return True  # a signature built elsewhere: assume it covers everything
        positional = self.positional_parameters()
        if parameter in positional:
            return positional.index(parameter) < elts
        return parameter == self.func.args.vararg

    def where(self) -> str:
        """``@tf.function at line 12`` or ``tf.function(...) at line 30``."""
        spelled = _spelled(self.creation.func if isinstance(self.creation, nodes.Call) else self.creation)
        if self.decorated:
            return f"@{spelled} at line {self.creation.lineno}"
        return f"{spelled}(...) at line {self.creation.lineno}"


def _signature_entries(signature: nodes.NodeNG) -> int | None:
    if isinstance(signature, (nodes.List, nodes.Tuple)):
        return len(signature.elts)
    return None


def _spelled(expr: nodes.NodeNG) -> str:
    return source_text(expr, "tf.function")


def _options(creation: nodes.NodeNG) -> tuple[nodes.NodeNG | None, bool]:
    """``input_signature`` and ``reduce_retracing`` of a decorator or ``tf.function(...)`` call.

    ``tf.function(func=None, input_signature=None, ...)``: the signature is the second
    positional argument in both forms.
    """
    if not isinstance(creation, nodes.Call):
        return None, False
    signature = creation.args[1] if len(creation.args) > 1 else None
    reduce = False
    for kw in creation.keywords or ():
        if kw.arg == "input_signature":
            signature = kw.value
        elif kw.arg in ("reduce_retracing", "experimental_relax_shapes"):
            reduce = not (isinstance(kw.value, nodes.Const) and not kw.value.value)
        elif kw.arg is None:
            reduce = True  # **options: unknown, assume the best
    if isinstance(signature, nodes.Const) and signature.value is None:
        signature = None
    return signature, reduce


def tf_function_decorator(func: nodes.NodeNG) -> nodes.NodeNG | None:
    """The ``@tf.function``/``@tf.function(...)`` decorator of ``func`` (project wrappers too)."""
    if not isinstance(func, nodes.FunctionDef) or not func.decorators:
        return None
    graph = _graph(func)
    for decorator in func.decorators.nodes:
        target = decorator.func if isinstance(decorator, nodes.Call) else decorator
        if _spelled_like_function(target) and graph.is_tf_function(target):
            return decorator
    return None


def _spelled_like_function(expr: nodes.NodeNG) -> bool:
    """``tf.function``, ``function``, ``common.function``, ``compile_graph`` (an alias):
    a cheap test before resolving, for names imported from TF or spelled like a wrapper."""
    name = expr.attrname if isinstance(expr, nodes.Attribute) else getattr(expr, "name", "")
    if "function" in name.lower():
        return True
    entries = run.current().settings.graph_decorators
    if entries and settings.is_graph_decorator(expr, context.names(expr).raw(expr), entries):
        return True  # a project wrapper named in tf-graph-decorators
    return isinstance(expr, nodes.Name) and (context.names(expr).api(expr) or "").startswith("tensorflow.")


def tf_function_call(expr: nodes.NodeNG | None) -> bool:
    """True when ``expr`` is a ``tf.function(f, ...)`` call (or a project wrapper's)."""
    if not isinstance(expr, nodes.Call) or not expr.args and not has_keyword(expr, "func"):
        return False
    if isinstance(expr.parent, nodes.Decorators) or not _spelled_like_function(expr.func):
        return False
    return _graph(expr).is_tf_function(expr.func)


def decorated_callable(func: nodes.NodeNG) -> TracedCallable | None:
    """The tf.function object that a ``@tf.function`` def is."""
    decorator = tf_function_decorator(func)
    if decorator is None:
        return None
    signature, reduce = _options(decorator)
    return TracedCallable(func, decorator, signature, reduce, bound=_is_method(func))


def created_callable(creation: nodes.Call) -> TracedCallable | None:
    """The tf.function object ``tf.function(f, ...)`` creates, when ``f`` resolves."""
    if not tf_function_call(creation):
        return None
    target = creation.args[0] if creation.args else keyword_value(creation, "func")
    func = _graph(creation).function_of(target, creation)
    if func is None:
        return None
    signature, reduce = _options(creation)
    bound = _is_method(func) and isinstance(target, nodes.Attribute) and not _names_class(target.expr)
    return TracedCallable(func, creation, signature, reduce, bound=bound)


def traced_callable(expr: nodes.NodeNG) -> TracedCallable | None:
    """The tf.function object that the callee expression ``expr`` names, if any.

    ``step`` / ``self.step`` / ``module.step`` / ``obj.step`` naming a ``@tf.function``
    def, or a name or attribute bound to ``tf.function(f)``. Several rules ask it of the
    same callees: it is kept per expression for the run.
    """
    if not isinstance(expr, (nodes.Name, nodes.Attribute)):
        return None
    return _traced_callables.get(expr, _find_traced_callable)


_traced_callables: NodeMemo[nodes.NodeNG, TracedCallable | None] = NodeMemo()


def _find_traced_callable(expr: nodes.Name | nodes.Attribute) -> TracedCallable | None:
    api = context.names(expr).api(expr) or ""
    if api.startswith(_LIBRARY_PREFIXES) and not api.endswith(")"):
        return None  # `tf.reduce_sum`, `np.mean`, `print`: library functions, never the project's tf.functions
    graph = _graph(expr)
    func = graph.function_of(expr, expr)
    if isinstance(func, nodes.FunctionDef):
        found = decorated_callable(func)
        if found is None:
            return None
        if found.bound and isinstance(expr, nodes.Attribute) and _names_class(expr.expr):
            found = TracedCallable(found.func, found.creation, found.signature, found.reduce_retracing, bound=False)
        elif found.bound and isinstance(expr, nodes.Name):
            found = TracedCallable(found.func, found.creation, found.signature, found.reduce_retracing, bound=False)
        return found
    for value in _bound_values(expr):
        if isinstance(value, nodes.Call):
            found = created_callable(value)
            if found is not None:
                return found
    return None


def _bound_values(expr: nodes.NodeNG) -> list[nodes.NodeNG]:
    """Values assigned to the name or attribute ``expr`` (``x = ...`` / ``self.x = ...``)."""
    if isinstance(expr, nodes.Name):
        scope, bindings = scope_lookup(expr, expr.name)
        if scope is None:  # astroid could not look it up: unknown
            return []
        values = []
        for binding in bindings:
            if isinstance(binding, nodes.ImportFrom):
                values.extend(_imported_values(binding, expr.name))
            else:
                value = assigned_value(binding)
                if value is not None:
                    values.append(value)
        return values
    if not isinstance(expr, nodes.Attribute):
        return []
    graph = _graph(expr)
    owner = graph.definition_of(expr.expr)
    classes: list[nodes.ClassDef] = []
    if isinstance(expr.expr, nodes.Name) and expr.expr.name in ("self", "cls"):
        cls = context.enclosing_class(expr)
        if cls is not None:
            classes = graph.class_chain(cls)
    elif isinstance(owner, Instance):
        classes = graph.class_chain(owner.cls)
    elif isinstance(owner, nodes.ClassDef):
        classes = graph.class_chain(owner)
    elif isinstance(owner, nodes.Module):
        return [assigned_value(b) for b in owner.locals.get(expr.attrname, ()) if assigned_value(b) is not None]
    values = []
    for cls in classes:
        for assign in cls.instance_attrs.get(expr.attrname, ()):
            if isinstance(assign.parent, (nodes.Assign, nodes.AnnAssign)) and assign.parent.value is not None:
                values.append(assign.parent.value)
        for member in cls.locals.get(expr.attrname, ()):
            value = assigned_value(member)
            if value is not None:
                values.append(value)
    return values


def _imported_values(binding: nodes.ImportFrom, name: str) -> list[nodes.NodeNG]:
    imported = next((orig for orig, alias in binding.names if (alias or orig) == name), None)
    if imported is None:
        return []
    module = context.project().load(binding, binding.modname)
    if module is None:
        return []
    return [v for v in (assigned_value(b) for b in module.locals.get(imported, ())) if v is not None]


# ---- what an argument is -------------------------------------------------------------------
@dataclass(frozen=True)
class Argument:
    """One argument of a call of a tf.function.

    ``varies`` is True when the value changes between calls in a way that changes the
    trace key (a new Python value or object, or a new tensor shape); ``detail`` says how,
    for messages ("`step`, the loop variable of `range(...)` at line 12").
    """

    expr: nodes.NodeNG
    parameter: str | None
    kind: str
    detail: str = ""
    varies: bool = False
    covered: bool = False
    shape_varies: bool = False
    static_shape: tuple | None = None
    loop: nodes.NodeNG | None = None
    confidence_inferred: bool = False

    @property
    def retraces(self) -> bool:
        """True when this argument makes calls retrace: it changes and no signature converts it."""
        return self.varies and not self.covered


@dataclass(frozen=True)
class CallSite:
    """A call of a tf.function object, with what each argument is."""

    call: nodes.Call
    target: TracedCallable
    arguments: tuple[Argument, ...]
    loops: tuple[nodes.NodeNG, ...] = ()
    in_graph: bool = False

    def argument(self, parameter: str) -> Argument | None:
        """The argument passed for ``parameter``."""
        return next((a for a in self.arguments if a.parameter == parameter), None)


# ---- call sites ----------------------------------------------------------------------------
def classify(expr: nodes.NodeNG, loops: list[nodes.NodeNG] | None = None) -> Argument:
    """What ``expr`` is as a tf.function argument, evaluated inside ``loops`` (innermost first)."""
    loops = enclosing_loops(expr) if loops is None else loops
    found = Classifier(context.names(expr), loops).value(expr)
    return Argument(
        expr,
        None,
        found.kind,
        found.detail,
        found.varies,
        False,
        found.shape_varies,
        found.static_shape,
        found.loop,
        found.inferred,
    )


def may_retrace(call: nodes.Call) -> bool:
    """A cheap syntactic test: could an argument of ``call`` change the trace key?

    True for calls in a loop, calls passing a parameter of the enclosing function, and
    calls passing a literal-shaped tensor; the full analysis resolves the callee.
    """
    args = [*call.args, *(kw.value for kw in call.keywords or ())]
    if all(isinstance(a, nodes.Const) for a in args):
        return False  # no arguments, or only literals
    if any(isinstance(a, nodes.Call) for a in args) or enclosing_loops(call):
        return True
    passed = {a.name for a in args if isinstance(a, nodes.Name)}
    func = call.scope() if passed else None
    if isinstance(func, nodes.FunctionDef):
        return not passed.isdisjoint(_parameter_names(func.args))
    return False


def _parameter_names(args: nodes.Arguments) -> set[str]:
    """The names of a function's parameters. Read from the fields: astroid's ``arguments``
    property caches its answer in the node's ``__dict__``, and so makes one more object that
    lives as long as the module, for each of the thousands of functions asked about."""
    names = {a.name for group in (args.posonlyargs, args.args, args.kwonlyargs) for a in group or ()}
    names.update(name for name in (args.vararg, args.kwarg) if name)
    return names


def call_site(call: nodes.Call) -> CallSite | None:
    """The call site ``call`` when it calls a tf.function object, with its arguments classified."""
    target = traced_callable(call.func)
    if target is None:
        return None
    return _site(call, target)


def _site(call: nodes.Call, target: TracedCallable) -> CallSite:
    loops = enclosing_loops(call)
    classifier = Classifier(context.names(call), loops)
    arguments = []
    for position, arg in enumerate(call.args):
        if isinstance(arg, nodes.Starred):
            break
        arguments.append(_argument(classifier, target, arg, position, None))
    for kw in call.keywords or ():
        if kw.arg is not None:
            arguments.append(_argument(classifier, target, kw.value, None, kw.arg))
    in_graph = context.graph_context(call) is not None
    return CallSite(call, target, tuple(arguments), tuple(loops), in_graph)


def _argument(
    classifier: Classifier, target: TracedCallable, expr: nodes.NodeNG, position: int | None, keyword: str | None
) -> Argument:
    """One argument of a call of ``target``, classified."""
    parameter = target.parameter_for(position, keyword)
    found = classifier.value(expr)
    if found.kind == PARAMETER:
        found = _through_parameter(expr) or found
    elif found.kind == UNKNOWN and isinstance(expr, nodes.Name):
        found = _keras_callback_counter(expr) or found
    return Argument(
        expr,
        parameter,
        found.kind,
        found.detail,
        found.varies,
        target.covered(parameter),
        found.shape_varies,
        found.static_shape,
        found.loop,
        found.inferred,
    )


def _through_parameter(name: nodes.Name, depth: int = 0) -> Value | None:
    """A parameter of the enclosing function that its callers feed changing values."""
    keras = _keras_callback_counter(name)
    if keras is not None:
        return keras
    func = context.enclosing_function(name)
    if not isinstance(func, nodes.FunctionDef) or depth > 1 or context.graph_context(func) is not None:
        return None
    args = func.args
    positional = [a.name for a in (args.posonlyargs or []) + (args.args or [])]
    if name.name not in positional and name.name not in [a.name for a in args.kwonlyargs or []]:
        return None
    for call in calls_of(func):
        if context.graph_context(call) is not None:
            continue
        passed = _passed_for(call, func, name.name)
        if passed is None:
            continue
        value = Classifier(context.names(call), enclosing_loops(call)).value(passed)
        if value.kind == PARAMETER and isinstance(passed, nodes.Name):
            value = _through_parameter(passed, depth + 1) or value
        if value.varies or value.shape_varies:
            where = os_basename(call.root().file)
            here = os_basename(name.root().file)
            place = f"line {call.lineno}" if where == here else f"line {call.lineno} of {where}"
            same_module = value.loop is not None and value.loop.root() is call.root()
            loop = f" in {loop_phrase(value.loop)}" if same_module else ""
            inner = flatten(value.detail)
            detail = f"`{name.name}` (which the call of `{func.name}` at {place}{loop} sets to {inner})"
            return Value(value.kind, detail, value.varies, value.shape_varies, value.loop, inferred=True)
    return None


def _keras_callback_counter(name: nodes.Name) -> Value | None:
    """``epoch``/``batch`` of a Keras callback method: a new Python int on every call."""
    func = context.enclosing_function(name)
    if not isinstance(func, nodes.FunctionDef) or func.name not in _KERAS_CALLBACK_METHODS:
        return None
    params = [a.name for a in (func.args.posonlyargs or []) + (func.args.args or [])]
    if len(params) < 2 or params[1] != name.name:
        return None
    scope, bindings = scope_lookup(name, name.name)
    if scope is None:  # astroid could not look it up: unknown
        return None
    if not all(isinstance(b, nodes.AssignName) and isinstance(b.parent, nodes.Arguments) for b in bindings):
        return None
    return Value(
        LOOP_VARIABLE,
        f"`{name.name}` (the {params[1]} number Keras passes to `{func.name}`, a new Python int on every call)",
        varies=True,
        inferred=True,
    )


def _passed_for(call: nodes.Call, func: nodes.FunctionDef, parameter: str) -> nodes.NodeNG | None:
    """What ``call`` passes for ``parameter`` of ``func``."""
    for kw in call.keywords or ():
        if kw.arg == parameter:
            return kw.value
    positional = [a.name for a in (func.args.posonlyargs or []) + (func.args.args or [])]
    if _is_method(func) and isinstance(call.func, nodes.Attribute) and not _names_class(call.func.expr):
        positional = positional[1:]
    if parameter not in positional:
        return None
    index = positional.index(parameter)
    if any(isinstance(a, nodes.Starred) for a in call.args[: index + 1]):
        return None
    return call.args[index] if index < len(call.args) else None


def os_basename(path: str | None) -> str:
    """The file name of ``path`` (``""`` for modules without a file)."""
    return os.path.basename(path or "")


# ---- project-wide call sites ---------------------------------------------------------------
class _CallIndex:
    """The calls of one module by the last name of the callee (``f(...)``, ``x.f(...)`` -> ``f``).

    One list grouped by name and a span per name, rather than a list per name: the index lives
    for the whole run, and tens of thousands of small lists would lengthen every full garbage
    collection (tuples of two ints are not tracked by the collector at all)."""

    def __init__(self, module: nodes.Module) -> None:
        named = []
        for call in module_nodes(module, nodes.Call):
            func = call.func
            name = func.name if isinstance(func, nodes.Name) else getattr(func, "attrname", None)
            if name:
                named.append((name, call))
        named.sort(key=lambda item: item[0])  # stable: each name's calls stay in source order
        self._calls = [call for _, call in named]
        self._spans: dict[str, tuple[int, int]] = {}
        for position, (name, _) in enumerate(named):
            start = self._spans.get(name, (position, 0))[0]
            self._spans[name] = (start, position + 1)

    def named(self, name: str) -> list[nodes.Call]:
        """The calls whose callee's last name is ``name``, in source order."""
        start, stop = self._spans.get(name, (0, 0))
        return self._calls[start:stop]


def _importer_modules(module: nodes.Module) -> tuple[nodes.Module, ...]:
    importers, _ = context.project().importers(module)  # unreadable files count as importing nothing
    return tuple(m for m in importers if m is not module)


IMPORTERS = ModuleFact("project modules importing it", _importer_modules)
CALL_INDEX = ModuleFact("calls by callee name", _CallIndex)
# Per run: the calls of a project function, and the call sites of a tf.function object.
_CALLS_OF: NodeMemo[nodes.FunctionDef, tuple[nodes.Call, ...]] = NodeMemo()
_CALL_SITES: NodeMemo[nodes.NodeNG, tuple[CallSite, ...]] = NodeMemo()


def _modules_calling(module: nodes.Module) -> list[nodes.Module]:
    """``module`` and the project modules that import it, directly or not."""
    return [module, *context.project().fact(module, IMPORTERS)]


def calls_of(func: FunctionNode) -> list[nodes.Call]:
    """Every call of the project function ``func`` by its name, in its module and importers.

    Calls through other names (``g = func; g()``) or containers are not followed.
    """
    if not isinstance(func, nodes.FunctionDef):
        return []
    return list(_CALLS_OF.get(func, _find_calls))


def _find_calls(func: nodes.FunctionDef) -> tuple[nodes.Call, ...]:
    project = context.project()
    found = []
    for module in _modules_calling(func.root()):
        index = project.fact(module, CALL_INDEX)
        for call in index.named(func.name):
            if project.graph(call.root()).function_of(call.func, call) is func:
                found.append(call)
    return tuple(found)


def traced_callables(module: nodes.Module) -> list[TracedCallable]:
    """The tf.function objects ``module`` creates: decorated defs and ``tf.function(f)`` calls."""
    result = []
    for node in module_nodes(module, (nodes.FunctionDef, nodes.Call)):
        if isinstance(node, nodes.FunctionDef):
            found = decorated_callable(node)
        else:
            found = created_callable(node)
        if found is not None:
            result.append(found)
    return result


def call_sites(target: TracedCallable) -> list[CallSite]:
    """Every call of the tf.function object ``target`` in its module and the project
    modules importing it, in file and line order."""
    return list(_CALL_SITES.get(target.creation, lambda _creation: tuple(_find_sites(target))))


def _find_sites(target: TracedCallable) -> list[CallSite]:
    project = context.project()
    names = _call_names(target)
    sites = []
    for module in _modules_calling(target.creation.root()):
        index = project.fact(module, CALL_INDEX)
        for name in names:
            for call in index.named(name):
                found = traced_callable(call.func)
                if found is not None and found.creation is target.creation:
                    sites.append(_site(call, found))
    sites.sort(key=lambda s: (s.call.root().file or "", s.call.lineno or 0, s.call.col_offset or 0))
    return sites


def _call_names(target: TracedCallable) -> set[str]:
    """The names a call of ``target`` may be spelled with."""
    if target.decorated:
        return {target.func.name}
    names = set()
    parent = target.creation.parent
    if isinstance(parent, (nodes.Assign, nodes.AnnAssign)):
        targets = parent.targets if isinstance(parent, nodes.Assign) else [parent.target]
        for assigned in targets:
            if isinstance(assigned, nodes.AssignName):
                names.add(assigned.name)
            elif isinstance(assigned, nodes.AssignAttr):
                names.add(assigned.attrname)
    return names


# ---- small helpers ---------------------------------------------------------------------------
def _graph(node: nodes.NodeNG) -> ModuleGraph:
    return context.project().graph(node.root())


def _is_method(func: nodes.NodeNG) -> bool:
    if not isinstance(func, nodes.FunctionDef) or not isinstance(func.parent, nodes.ClassDef):
        return False
    decorators = [_spelled(d) for d in func.decorators.nodes] if func.decorators else []
    return "staticmethod" not in decorators


def _names_class(expr: nodes.NodeNG) -> bool:
    """True when ``expr`` names a class (``Model.step(model, x)`` passes ``self`` explicitly)."""
    if isinstance(expr, nodes.Name) and expr.name in ("self", "cls"):
        return False
    return _graph(expr).class_of(expr) is not None
