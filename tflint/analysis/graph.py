"""One module's share of the graph context: entry points, eager callbacks and call edges.

Everything here is local to a module and computed once. :mod:`tflint.analysis.project` joins
the modules of a project into the set of functions that really run traced.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TypeAlias

from astroid import nodes
from astroid.exceptions import AstroidError
from pylint.interfaces import CONTROL_FLOW, HIGH, INFERENCE, Confidence

from tflint import settings
from tflint.analysis import guards, run
from tflint.analysis.astutil import call_argument, keyword_constant, source_text
from tflint.analysis.index import module_nodes
from tflint.analysis.names import NameResolver, assigned_value, scope_lookup
from tflint.analysis.trace import Trace
from tflint.facts import tfapi

FunctionNode: TypeAlias = "nodes.FunctionDef | nodes.Lambda"
_MAX_CLASS_DEPTH = 6
_DATASET_WORD = re.compile(r"(?:^|_)(?:ds|dataset|datasets|dset)(?:$|_)", re.IGNORECASE)


@dataclass(frozen=True)
class Instance:
    """An object created from a project class (``helper = Describer()``)."""

    cls: nodes.ClassDef


def function_label(func: FunctionNode) -> str:
    """A readable name: ``step``, ``Model.call`` or ``<lambda>``."""
    if isinstance(func, nodes.Lambda) and not isinstance(func, nodes.FunctionDef):
        return "<lambda>"
    parent = func.parent.frame() if func.parent else None
    if isinstance(parent, nodes.ClassDef):
        return f"{parent.name}.{func.name}"
    return func.name


_RUN_FUNCTIONS_EAGERLY = frozenset(
    {"tensorflow.config.run_functions_eagerly", "tensorflow.config.experimental_run_functions_eagerly"}
)


class ModuleGraph:
    """Entry points, eager callbacks and call edges of one module."""

    def __init__(self, module: nodes.Module, names: NameResolver, project) -> None:
        """``project`` loads project modules (``load``) and their graphs (``graph``).

        Call :meth:`scan` once the graph is reachable through ``project.graph``: class
        hierarchies may lead back to this module.
        """
        self.module = module
        self.names = names
        self.project = project
        self.roots: dict[FunctionNode, Trace] = {}
        self.eager_callbacks: set[FunctionNode] = set()
        self._edges: dict[FunctionNode, list[tuple[FunctionNode, Confidence]]] = {}
        self._runs_eagerly = False
        self._wrappers: dict[nodes.FunctionDef, bool] = {}
        # Checkers ask about the same callee expressions again and again (every rule resolves
        # the callee of every call): the answer depends only on the expression and the
        # (unchanging) project files, so it is computed once per run.
        self._definitions: dict[nodes.NodeNG, object] = {}
        self._loads: dict[tuple[int, str], nodes.Module | None] = {}
        self._chains: dict[nodes.ClassDef, list[nodes.ClassDef]] = {}

    # ---- entry points -------------------------------------------------------------
    def scan(self) -> None:
        """Find this module's entry points and eager callbacks."""
        calls: list[nodes.Call] = []
        classes: list[nodes.ClassDef] = []
        for node in module_nodes(self.module, (nodes.Call, nodes.FunctionDef, nodes.ClassDef, nodes.Assign)):
            if isinstance(node, nodes.Call):
                calls.append(node)
            elif isinstance(node, nodes.FunctionDef):
                self._scan_decorators(node)
            elif isinstance(node, nodes.ClassDef):
                classes.append(node)
            elif isinstance(node, nodes.Assign):
                self._scan_run_eagerly_attribute(node)
        for call in calls:
            self._scan_call(call)
        if not self._runs_eagerly:
            for cls in classes:
                self._scan_keras_class(cls)

    def _add_root(self, func: FunctionNode | None, trace: Trace) -> None:
        if func is None or trace.kind == "keras" and not run.current().settings.keras_traced:
            return
        trace = Trace(
            (function_label(func),), trace.origin, trace.confidence, trace.autograph, self.module.file or "", trace.kind
        )
        old = self.roots.get(func)
        if old is None or trace.sort_key() < old.sort_key():
            self.roots[func] = trace

    def is_tf_function(self, expr: nodes.NodeNG, depth: int = 0) -> bool:
        """True when ``expr`` names ``tf.function``, a project wrapper that returns one, or one of
        the ``tf-graph-decorators`` the user configured."""
        if self.names.api(expr) in tfapi.TF_FUNCTION or settings.is_graph_decorator(
            expr, self.names.raw(expr), run.current().settings.graph_decorators
        ):
            return True
        if depth > 2 or not isinstance(expr, (nodes.Name, nodes.Attribute)):
            return False
        wrapper = self._definition_of(expr)
        if not isinstance(wrapper, nodes.FunctionDef):
            return False
        return self.project.graph(wrapper.root()).wraps_tf_function(wrapper, depth + 1)

    def wraps_tf_function(self, func: nodes.FunctionDef, depth: int) -> bool:
        """True for ``def function(*args, **kw): return tf.function(*args, **kw)``-style wrappers."""
        if func not in self._wrappers:
            self._wrappers[func] = False  # recursion guard
            self._wrappers[func] = any(
                isinstance(ret.value, nodes.Call)
                and ret.scope() is func
                and self.is_tf_function(ret.value.func, depth)
                and _forwards_arguments(ret.value, func)
                for ret in func.nodes_of_class(nodes.Return)
            )
        return self._wrappers[func]

    def _scan_decorators(self, func: nodes.FunctionDef) -> None:
        if not func.decorators:
            return
        for decorator in func.decorators.nodes:
            target = decorator.func if isinstance(decorator, nodes.Call) else decorator
            if self.is_tf_function(target):
                autograph = keyword_constant(decorator, "autograph") if isinstance(decorator, nodes.Call) else None
                origin = f"@{_source_name(target)} at line {decorator.lineno}"
                self._add_root(func, Trace((), origin, HIGH, autograph is not False))

    def _scan_call(self, call: nodes.Call) -> None:
        api = self.names.api(call.func)
        if (
            api in tfapi.TF_FUNCTION
            or self._configured_wrapper_call(call)
            or (_looks_like_wrapper_call(call) and self.is_tf_function(call.func))
        ):
            target = call_argument(call, 0, "func")
            autograph = keyword_constant(call, "autograph")
            origin = f"{_source_name(call.func)}(...) at line {call.lineno}"
            self._add_root(self.function_of(target, call), Trace((), origin, HIGH, autograph is not False))
            return
        if api in _RUN_FUNCTIONS_EAGERLY:
            switch = call_argument(call, 0, "run_eagerly")
            if isinstance(switch, nodes.Const) and switch.value is True:
                # The module runs its functions eagerly on purpose (a PyTorch bridge, a debug
                # script): like compile(run_eagerly=True), its Keras methods are not traced.
                self._runs_eagerly = True
            return
        if api in tfapi.EAGER_CALLBACK_APIS:
            self._mark_eager(call, *tfapi.EAGER_CALLBACK_APIS[api])
            return
        if api in tfapi.KERAS_FUNCTION_LAYERS:
            target = call_argument(call, *tfapi.KERAS_FUNCTION_LAYERS[api])
            origin = f"Keras inside fit/evaluate/predict (a `Lambda` layer at line {call.lineno})"
            self._add_root(self.function_of(target, call), Trace((), origin, CONTROL_FLOW, kind="keras"))
            return
        if not isinstance(call.func, nodes.Attribute):
            return
        method = call.func.attrname
        if method in tfapi.EAGER_CALLBACK_METHODS:
            self._mark_eager(call, *tfapi.EAGER_CALLBACK_METHODS[method])
        elif method in tfapi.DATASET_FUNCTION_METHODS:
            confidence = self._dataset_confidence(call)
            if confidence is not None:
                origin = f"tf.data `Dataset.{method}` at line {call.lineno}"
                for index, keyword in tfapi.DATASET_FUNCTION_METHODS[method]:
                    target = call_argument(call, index, keyword)
                    self._add_root(self.function_of(target, call), Trace((), origin, confidence, kind="dataset"))
        elif method == "compile":
            self._scan_compile(call)

    def _configured_wrapper_call(self, call: nodes.Call) -> bool:
        """``compiled(f)`` for a configured ``tf-graph-decorators`` name ``compiled``."""
        return bool(call.args or call.keywords) and settings.is_graph_decorator(
            call.func, self.names.raw(call.func), run.current().settings.graph_decorators
        )

    def _scan_compile(self, call: nodes.Call) -> None:
        """Plain functions given to Keras ``compile(loss=..., metrics=[...])``."""
        if keyword_constant(call, "run_eagerly") is True:
            self._runs_eagerly = True
            return
        origin = f"Keras inside fit/evaluate (passed to `compile` at line {call.lineno})"
        for kw in call.keywords or ():
            if kw.arg not in ("loss", "metrics", "weighted_metrics"):
                continue
            values = kw.value.elts if isinstance(kw.value, (nodes.List, nodes.Tuple)) else [kw.value]
            for value in values:
                if isinstance(value, (nodes.Name, nodes.Attribute, nodes.Lambda)):
                    self._add_root(self.function_of(value, call), Trace((), origin, CONTROL_FLOW, kind="keras"))

    def _scan_run_eagerly_attribute(self, node: nodes.Assign) -> None:
        if isinstance(node.value, nodes.Const) and node.value.value is True:
            for target in node.targets:
                if isinstance(target, nodes.AssignAttr) and target.attrname == "run_eagerly":
                    self._runs_eagerly = True

    def _dataset_confidence(self, call: nodes.Call):
        """HIGH when the receiver is a tf.data expression, INFERENCE when only its name says so."""
        if any(kw.arg in tfapi.DATASET_ONLY_KEYWORDS for kw in call.keywords or ()):
            return HIGH
        receiver = call.func.expr
        api = self.names.api(receiver)
        if api is not None:
            return HIGH if api.startswith("tensorflow.data.") else None
        if self._built_by_dataset_function(receiver):
            return HIGH
        name = receiver.name if isinstance(receiver, nodes.Name) else getattr(receiver, "attrname", None)
        if name and _DATASET_WORD.search(name):
            return INFERENCE
        return None

    def _built_by_dataset_function(self, receiver: nodes.NodeNG) -> bool:
        """``train = make_pipeline()`` where the project function returns a tf.data expression."""
        if isinstance(receiver, nodes.Name):
            scope, bindings = scope_lookup(receiver, receiver.name)
            if scope is None:  # astroid could not look it up: unknown
                return False
            values = [assigned_value(b) for b in bindings]
            receiver = next((v for v in values if isinstance(v, nodes.Call)), None)
        if not isinstance(receiver, nodes.Call):
            return False
        maker = self.function_of(receiver.func, receiver)
        if not isinstance(maker, nodes.FunctionDef):
            return False
        names = self.project.names(maker.root())
        return any(
            ret.value is not None and (names.api(ret.value) or "").startswith("tensorflow.data.")
            for ret in maker.nodes_of_class(nodes.Return)
            if ret.scope() is maker
        )

    def _mark_eager(self, call: nodes.Call, index: int, keyword: str) -> None:
        func = self.function_of(call_argument(call, index, keyword), call)
        if func is not None:
            self.eager_callbacks.add(func)

    def _scan_keras_class(self, cls: nodes.ClassDef) -> None:
        family = self.keras_family(cls, 0)
        if family is None:
            return
        kind = {"layer": "Layer/Model", "metric": "Metric", "loss": "Loss"}[family]
        for method_name in tfapi.traced_methods(family):
            for method in cls.locals.get(method_name, ()):
                if isinstance(method, nodes.FunctionDef):
                    origin = f"Keras inside fit/evaluate/predict (`{method_name}` of {kind} subclass `{cls.name}`)"
                    self._add_root(method, Trace((), origin, CONTROL_FLOW, kind="keras"))

    def keras_family(self, cls: nodes.ClassDef, depth: int) -> str | None:
        """The Keras family ('layer', 'metric', 'loss') ``cls`` derives from, if any."""
        if depth > _MAX_CLASS_DEPTH:
            return None
        for base in cls.bases:
            family = tfapi.keras_family(self.names.api(base))
            if family is None:
                base_class = self.class_of(base)
                if base_class is not None and base_class is not cls:
                    family = self.project.graph(base_class.root()).keras_family(base_class, depth + 1)
            if family is not None:
                return family
        return None

    # ---- resolving functions and classes ---------------------------------------------
    def function_of(self, expr: nodes.NodeNG | None, context: nodes.NodeNG) -> FunctionNode | None:
        """The function definition ``expr`` names (a lambda, a def, a method, a project import)."""
        if expr is None:
            return None
        if isinstance(expr, nodes.Lambda):
            return expr
        found = self._definition_of(expr)
        if isinstance(found, (nodes.FunctionDef, nodes.Lambda)):
            return found
        return None

    def definition_of(self, expr: nodes.NodeNG):
        """The def, class, project module or :class:`Instance` that ``expr`` names, or None."""
        try:
            return self._definition_of(expr)
        except AstroidError:  # astroid's own failures on malformed trees: unknown is fine
            return None

    def class_of(self, expr: nodes.NodeNG) -> nodes.ClassDef | None:
        """The class definition ``expr`` names, in this module or a project module."""
        found = self._definition_of(expr)
        return found if isinstance(found, nodes.ClassDef) else None

    def _definition_of(self, expr: nodes.NodeNG, depth: int = 0):
        """The def, class, project module or :class:`Instance` that ``expr`` names."""
        if depth:
            return self._find_definition(expr, depth)
        if expr not in self._definitions:
            self._definitions[expr] = self._find_definition(expr, 0)
        return self._definitions[expr]

    def _find_definition(self, expr: nodes.NodeNG, depth: int):
        if depth > _MAX_CLASS_DEPTH:
            return None
        if isinstance(expr, nodes.Name):
            return self._lookup(expr, expr.name, depth)
        if not isinstance(expr, nodes.Attribute):
            return None
        if isinstance(expr.expr, nodes.Name):
            cls = _enclosing_class_for_self(expr.expr)
            if cls is not None:
                return self._member_of_self(cls, expr.attrname, depth)
        container = self._definition_of(expr.expr, depth + 1)
        if isinstance(container, nodes.Module):
            found = _first_definition(container, expr.attrname)
            if found is None and container.package:
                found = self._load(container, f"{container.name}.{expr.attrname}")
            return found
        if isinstance(container, nodes.ClassDef):
            return self._method_of(container, expr.attrname, 0)
        if isinstance(container, Instance):
            return self._method_of(container.cls, expr.attrname, 0)
        return None

    def _member_of_self(self, cls: nodes.ClassDef, name: str, depth: int):
        """``self.name``: a method, or an instance of a project class stored in __init__."""
        method = self._method_of(cls, name, 0)
        if method is not None:
            return method
        for klass in self.class_chain(cls):
            owner = self.project.graph(klass.root())
            for assign in klass.instance_attrs.get(name, ()):
                if isinstance(assign.parent, nodes.Assign) and isinstance(assign.parent.value, nodes.Call):
                    created = owner._definition_of(assign.parent.value.func, depth + 1)
                    if isinstance(created, nodes.ClassDef):
                        return Instance(created)
        return None

    def _lookup(self, node: nodes.NodeNG, name: str, depth: int = 0):
        sole = None
        if node.root() is self.module:  # astroid's lookup is dear: skip it where the module's bindings tell
            if not self.names.may_define(name):
                return None  # a builtin, a parameter, a plain variable
            sole = self.names.sole_import(name)
        if sole is not None:
            bindings = [sole]
        else:
            scope, bindings = scope_lookup(node, name)
            if scope is None:  # astroid could not look it up: unknown
                return None
            if isinstance(scope, nodes.Module) and scope.name == "builtins":
                return None
        for binding in reversed(bindings):
            if isinstance(binding, (nodes.FunctionDef, nodes.ClassDef)):
                return binding
            if isinstance(binding, nodes.ImportFrom):
                return self._from_import(binding, name)
            if isinstance(binding, nodes.Import):
                for modname, alias in binding.names:
                    if alias == name:
                        return self._load(binding, modname)
                    if alias is None and modname.split(".")[0] == name:
                        return self._load(binding, name)
                return None
            if isinstance(binding, nodes.AssignName):
                value = assigned_value(binding)
                if isinstance(value, nodes.Call):
                    created = self._definition_of(value.func, depth + 1)
                    return Instance(created) if isinstance(created, nodes.ClassDef) else None
                return None
        return None

    def _from_import(self, binding: nodes.ImportFrom, name: str):
        imported = next((orig for orig, alias in binding.names if (alias or orig) == name), None)
        if imported is None:
            return None
        module = self._load(binding, binding.modname)
        if module is not None:
            found = _first_definition(module, imported)
            if found is not None:
                return found
        submodule = f"{binding.modname}.{imported}" if binding.modname else imported
        return self._load(binding, submodule)

    def _load(self, binding: nodes.NodeNG, modname: str) -> nodes.Module | None:
        """``project.load``, once per import statement and name (it stats files to answer)."""
        # By id: a tuple of an int and a string is not tracked by the garbage collector, and the
        # import node (or package module) lives for the run, in astroid's module cache.
        key = (id(binding), modname)
        if key not in self._loads:
            self._loads[key] = self.project.load(binding, modname)
        return self._loads[key]

    def class_chain(self, cls: nodes.ClassDef, depth: int = 0) -> list[nodes.ClassDef]:
        """``cls`` and its base classes defined in the project (not TF's, never inferred)."""
        if depth:
            return self._find_class_chain(cls, depth)
        if cls not in self._chains:
            self._chains[cls] = self._find_class_chain(cls, 0)
        return list(self._chains[cls])  # a copy: callers may extend it

    def _find_class_chain(self, cls: nodes.ClassDef, depth: int) -> list[nodes.ClassDef]:
        chain = [cls]
        if depth > _MAX_CLASS_DEPTH:
            return chain
        owner = self.project.graph(cls.root())
        for base in cls.bases:
            base_class = owner.class_of(base)
            if base_class is not None and base_class is not cls:
                chain.extend(c for c in owner.class_chain(base_class, depth + 1) if c not in chain)
        return chain

    def _method_of(self, cls: nodes.ClassDef, name: str, depth: int):
        if depth > _MAX_CLASS_DEPTH:
            return None
        for member in cls.locals.get(name, ()):
            if isinstance(member, (nodes.FunctionDef, nodes.Lambda)):
                return member
            return None  # an attribute, not a method
        owner = self.project.graph(cls.root())
        for base in cls.bases:
            base_class = owner.class_of(base)
            if base_class is not None and base_class is not cls:
                found = owner._method_of(base_class, name, depth + 1)
                if found is not None:
                    return found
        return None

    # ---- call edges ----------------------------------------------------------------
    def edges(self, func: FunctionNode) -> list[tuple[FunctionNode, Confidence]]:
        """Functions that run when ``func`` runs: ``(callee, confidence)`` pairs.

        Calls inside nested functions count (they run as part of ``func``), except in
        eager callbacks. Functions passed as arguments count too (``tf.cond(p, f, g)``,
        ``tf.nest.map_structure(f, x)``): from graph code they run while tracing.
        """
        if func not in self._edges:
            self._edges[func] = list(self._compute_edges(func))
        return self._edges[func]

    def _compute_edges(self, func: FunctionNode) -> Iterator[tuple[FunctionNode, Confidence]]:
        for call in self._calls_within(func):
            api = self.names.api(call.func)
            if api in tfapi.EAGER_CALLBACK_APIS or api in tfapi.TF_FUNCTION:
                continue
            callee = self.function_of(call.func, call)
            if callee is not None and callee is not func and not is_create_once(callee):
                yield callee, HIGH
            if (api or "").startswith(_RUNS_CALLBACKS_ELSEWHERE):
                continue  # threads, exit hooks: the function runs later, outside the trace
            for arg in list(call.args) + [kw.value for kw in call.keywords or ()]:
                if isinstance(arg, (nodes.Name, nodes.Attribute)):
                    passed = self.function_of(arg, call)
                    if passed is not None and passed is not func and not is_create_once(passed):
                        yield passed, INFERENCE

    def _calls_within(self, func: FunctionNode) -> Iterator[nodes.Call]:
        """Calls that run when ``func`` is traced: not in eager-only or run-once branches."""
        yield from self._walk_calls(func.body if isinstance(func.body, list) else [func.body])

    def _walk_calls(self, children) -> Iterator[nodes.Call]:
        for child in children:
            if child in self.eager_callbacks or isinstance(child, nodes.ClassDef):
                continue
            if isinstance(child, nodes.Call):
                yield child
            if isinstance(child, nodes.If):
                dead = guards.dead_branch(child, self.names)
                once = guards.is_once_guard(child.test)
                yield from self._walk_calls([child.test])
                yield from self._walk_calls(s for s in child.body if s not in dead and not once)
                yield from self._walk_calls(s for s in child.orelse if s not in dead)
            else:
                yield from self._walk_calls(child.get_children())
            if guards.ends_graph_path(child, self.names):
                return  # the statements after it only run eagerly


_RUNS_CALLBACKS_ELSEWHERE = ("threading.", "multiprocessing.", "atexit.", "signal.", "concurrent.", "asyncio.")
_CREATE_ONCE_WORD = re.compile(r"(?:^|_)(?:build|built|init|initialize|setup|create)(?:$|_)", re.IGNORECASE)


def is_create_once(func: FunctionNode) -> bool:
    """Methods that build state once by design (``build``, ``__init__``, ``_init_graph_network``).

    Keras calls ``build`` from the first ``call``, so it does run inside the trace, but
    creating state there once is exactly what it is for: we follow no call into it.
    """
    if not isinstance(func, nodes.FunctionDef):
        return False
    if func.name in ("__init__", "__new__", "__post_init__") or _CREATE_ONCE_WORD.search(func.name.strip("_")):
        return True
    # `if self.built: return` first: the rest runs once per object
    first = next((s for s in func.body if not isinstance(s, nodes.Expr) or not isinstance(s.value, nodes.Const)), None)
    return (
        isinstance(first, nodes.If)
        and bool(first.body)
        and isinstance(first.body[-1], nodes.Return)
        and guards.is_once_guard(first.test)
    )


def _looks_like_wrapper_call(call: nodes.Call) -> bool:
    """Only calls spelled like ``x.function(f)`` are checked for project tf.function wrappers."""
    name = call.func.attrname if isinstance(call.func, nodes.Attribute) else getattr(call.func, "name", "")
    return "function" in name.lower() and bool(call.args)


def _forwards_arguments(call: nodes.Call, func: nodes.FunctionDef) -> bool:
    """True when ``call`` passes ``func``'s own parameters on (``*args`` or the first one)."""
    params = {a.name for a in (func.args.posonlyargs or []) + (func.args.args or [])}
    if func.args.vararg:
        params.add(func.args.vararg)
    for arg in call.args:
        inner = arg.value if isinstance(arg, nodes.Starred) else arg
        if isinstance(inner, nodes.Name) and inner.name in params:
            return True
    return any(isinstance(kw.value, nodes.Name) and kw.value.name in params for kw in call.keywords or ())


def _first_definition(module: nodes.Module, name: str):
    for member in module.locals.get(name, ()):
        if isinstance(member, (nodes.FunctionDef, nodes.ClassDef)):
            return member
    return None


def _enclosing_class_for_self(name: nodes.Name) -> nodes.ClassDef | None:
    """The class when ``name`` is the ``self``/``cls`` parameter of an enclosing method."""
    scope = name.scope()
    while isinstance(scope, (nodes.FunctionDef, nodes.Lambda)):
        if isinstance(scope, nodes.FunctionDef) and isinstance(scope.parent, nodes.ClassDef):
            args = scope.args.posonlyargs + scope.args.args
            if args and args[0].name == name.name:
                return scope.parent
            return None
        scope = scope.parent.scope() if scope.parent else None
    return None


def _source_name(expr: nodes.NodeNG) -> str:
    """How the source spells a decorator or callee (``tf.function``)."""
    return source_text(expr, "tf.function")
