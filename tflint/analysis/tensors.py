"""Is this expression a symbolic tensor, a Python value, or unknown?

The answer is a :class:`Value`: ``kind`` is :data:`TENSOR`, :data:`PYTHON` or
:data:`UNKNOWN`, and ``what`` says more (``"variable"``, ``"shape"``, ``"dim"``,
``"none"``, ``"list"``, ``"dataset"``, ``"layer"`` ...). Rules ask :func:`value_of` (or
:func:`is_tensor` / :func:`is_python`) about nodes of graph code; unknown means stay silent.

Where values come from:

- TF and Keras calls, by API family (:mod:`tflint.facts.tensor_api`): ``tf.shape(x)`` is a tensor,
  ``x.shape`` a ``TensorShape`` whose items are Python ints or ``None``,
  ``tf.executing_eagerly()`` a Python bool, ``tf.TensorSpec(...)`` a spec, ``tf.unstack(x)``
  a Python list of tensors, ``keras.layers.Dense(3)`` a layer whose call returns a tensor;
- arithmetic, comparisons, subscripts and method calls of tensors;
- local names, through their assignments in the function (loop-carried ones included);
- ``self.attr``, through the values the class assigns to it;
- calls of the project's own functions and Keras layers, through their ``return`` values;
- parameters: tensors when the function has an ``input_signature``; the inputs of a
  ``tf.data`` function or of a Keras ``call``/``update_state``/loss, unless the function
  treats them as a structure (unpacks, iterates, indexes by name, checks ``is None``);
  otherwise whatever every call site in the module passes, when they agree.

Results are memoised per node for the run. Nothing here imports TensorFlow or asks astroid
to infer: TF names come from the module's imports, values from the table and the code.
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass, field

from astroid import nodes

from tflint.analysis import context
from tflint.analysis.index import module_nodes
from tflint.analysis.names import NameResolver, scope_lookup
from tflint.facts import tensor_api

TENSOR = "tensor"
PYTHON = "python"
UNKNOWN = "unknown"

_UNSET = object()
_MAX_DEPTH = 60
_MAX_CALL_SITES = 30
_FUNCTIONS = (nodes.FunctionDef, nodes.Lambda)
_LOOPS = (nodes.For, nodes.While)


@dataclass(frozen=True)
class Value:
    """What an expression evaluates to while TensorFlow traces it."""

    kind: str
    what: str = ""
    items: tuple[Value, ...] | None = None  # known elements of a tuple/list literal
    element: Value | None = None  # the value of every element (or of each loop item)
    literal: object = _UNSET  # the Python constant, when known (a dimension may be None)
    dims: tuple[tuple[int, int | None], ...] = ()  # known static dimensions: (index, size)
    rank: int | None = None
    origin: str = ""  # the API that made it (``tensorflow.unstack``)
    ref: object = field(default=None, compare=False)  # the ClassDef of a project instance

    @property
    def is_tensor(self) -> bool:
        """A symbolic tensor (or a ``tf.Variable``) while tracing."""
        return self.kind == TENSOR

    @property
    def is_python(self) -> bool:
        """A value Python computes while tracing (a number, a shape, a list, a layer ...)."""
        return self.kind == PYTHON

    @property
    def known(self) -> bool:
        """True when :attr:`literal` holds the constant."""
        return self.literal is not _UNSET

    def dim(self, index: int) -> Value:
        """The static size of dimension ``index`` of a tensor or shape (a Python int or None)."""
        if index < 0 and self.rank is not None:
            index += self.rank
        for position, size in self.dims:
            if position == index:
                return Value(PYTHON, "dim", literal=size)
        return Value(PYTHON, "dim")


UNKNOWN_VALUE = Value(UNKNOWN)
TENSOR_VALUE = Value(TENSOR, "tensor")


def python(what: str = "", **kwargs) -> Value:
    """A Python value of kind ``what``."""
    literal = kwargs.get("literal", _UNSET)
    if len(kwargs) > (literal is not _UNSET) or type(literal) not in _SHAREABLE:
        return Value(PYTHON, what, **kwargs)
    # Values are immutable, and memoised for every node of the run: one shared `int` or `1`
    # instead of thousands of equal copies that every full garbage collection would walk.
    key = (what, type(literal), literal)
    found = _SHARED.get(key)
    if found is None:
        if len(_SHARED) >= _MAX_SHARED:  # many distinct literals: start afresh, keep sharing
            _SHARED.clear()
        found = _SHARED[key] = Value(PYTHON, what, **kwargs)
    return found


_SHAREABLE = frozenset({type(_UNSET), bool, int, float, str, type(None)})
_SHARED: dict[tuple, Value] = {}
_MAX_SHARED = 4096


def value_of(node: nodes.NodeNG) -> Value:
    """What ``node`` evaluates to while its function is traced (memoised)."""
    module = node.root()
    if not isinstance(module, nodes.Module):
        return UNKNOWN_VALUE
    return _engine(module).value(node)


def graph_value_of(node: nodes.NodeNG) -> Value:
    """:func:`value_of` for the rules about graph code: unknown in a module none of whose
    functions is ever traced, where nothing is graph code (and inference would be wasted)."""
    module = node.root()
    if not isinstance(module, nodes.Module) or not context.has_graph_code(module):
        return UNKNOWN_VALUE
    return _engine(module).value(node)


def _all_arguments(call: nodes.Call) -> list[nodes.NodeNG]:
    """The positional and keyword argument values of ``call`` (without ``*``/``**`` ones)."""
    found = [a for a in call.args if not isinstance(a, nodes.Starred)]
    return found + [kw.value for kw in call.keywords or () if kw.arg is not None]


def _kept_in_local(expr: nodes.NodeNG) -> str | None:
    """The local name in ``name = expr``, when ``expr`` is the whole value of a plain assignment."""
    parent = expr.parent
    if isinstance(parent, nodes.Assign) and parent.value is expr and len(parent.targets) == 1:
        target = parent.targets[0]
        if isinstance(target, nodes.AssignName):
            return target.name
    return None


def static_truth(test: nodes.NodeNG) -> bool | None:
    """The truth of a condition whose Python value is known while tracing, else None.

    Only constants count (a flag's default that no call site overrides, ``not flag``);
    static dimensions do not, since they depend on the shapes of each trace.
    """
    value = value_of(test)
    if value.is_python and value.known and value.what != "dim":
        if value.literal is None or isinstance(value.literal, (bool, int, float, str)):
            return bool(value.literal)
        return None
    return _default_truth(test)


_SIMPLE_CONSTANTS = (bool, int, float, str, type(None))


def _default_truth(test: nodes.NodeNG) -> bool | None:
    """The truth of a test on a flag parameter nobody visibly sets, from its default.

    ``if not use_tf:`` where ``def f(audio, use_tf=True)`` is only called from other modules:
    the traced callers tflint sees leave the default, so the default decides.
    """
    if isinstance(test, nodes.UnaryOp) and test.op == "not":
        inner = _default_truth(test.operand)
        return None if inner is None else not inner
    if isinstance(test, nodes.Compare) and len(test.ops) == 1 and test.ops[0][0] in ("is", "is not"):
        other = test.ops[0][1]
        if isinstance(other, nodes.Const) and other.value is None:
            default = _parameter_default(test.left)
            if default is not _UNSET:
                return (default is None) == (test.ops[0][0] == "is")
        return None
    default = _parameter_default(test)
    return None if default is _UNSET else bool(default)


def _parameter_default(name: nodes.NodeNG) -> object:
    """The constant default of the parameter ``name`` stands for, when nothing rebinds it."""
    if not isinstance(name, nodes.Name):
        return _UNSET
    try:
        scope, bindings = scope_lookup(name, name.name)
    except Exception:  # astroid raises on some malformed scopes; unknown is fine
        return _UNSET
    if not isinstance(scope, nodes.FunctionDef) or len(bindings) != 1:
        return _UNSET
    binding = bindings[0]
    if not isinstance(binding, nodes.AssignName) or not isinstance(binding.parent, nodes.Arguments):
        return _UNSET
    try:
        default = binding.parent.default_value(name.name)
    except Exception:  # no default
        return _UNSET
    if not (isinstance(default, nodes.Const) and isinstance(default.value, _SIMPLE_CONSTANTS)):
        return _UNSET
    if _passed_somewhere(scope, name.name):
        return _UNSET
    return default.value


def _passed_somewhere(func: nodes.FunctionDef, parameter: str) -> bool:
    """True when a call of ``func`` in its module may pass ``parameter`` (by name, by position,
    or through ``*args`` / ``**kwargs``)."""
    names = [a.name for a in func.args.posonlyargs + func.args.args]
    position = names.index(parameter) if parameter in names else None
    if position is not None and names and names[0] in ("self", "cls"):
        position -= 1
    for call in module_nodes(func.root(), nodes.Call):
        callee = call.func
        called = callee.name if isinstance(callee, nodes.Name) else getattr(callee, "attrname", None)
        if called != func.name:
            continue
        if any(kw.arg in (parameter, None) for kw in call.keywords or ()):
            return True
        if any(isinstance(a, nodes.Starred) for a in call.args):
            return True
        if position is not None and len(call.args) > position:
            return True
    return False


def is_tensor(node: nodes.NodeNG) -> bool:
    """True when ``node`` is a symbolic tensor in graph code."""
    return graph_value_of(node).is_tensor


def is_python(node: nodes.NodeNG) -> bool:
    """True when ``node`` is a plain Python value while tracing."""
    return value_of(node).is_python


def element_of(value: Value) -> Value:
    """The value of each item when ``value`` is iterated (``for v in value``)."""
    if value.is_tensor:
        if value.what == "range":
            return TENSOR_VALUE
        return Value(TENSOR, "tensor")
    if value.element is not None:
        return value.element
    if value.items is not None:
        return join(value.items) or UNKNOWN_VALUE
    if value.what in ("range", "dims"):
        return python("int") if value.what == "range" else python("dim")
    if value.what == "str":
        return python("str")
    return UNKNOWN_VALUE


def join(values) -> Value | None:
    """The value that covers all of ``values`` (None entries are ignored; None if all are)."""
    found = [v for v in values if v is not None]
    if not found:
        return None
    first = found[0]
    if all(v == first for v in found[1:]):
        return first
    kinds = {v.kind for v in found}
    if len(kinds) > 1:
        return UNKNOWN_VALUE
    whats = {v.what for v in found}
    what = first.what if len(whats) == 1 else ""
    if first.kind == TENSOR:
        return Value(TENSOR, what or "tensor")
    if first.kind == PYTHON:
        elements = [element_of(v) for v in found] if what in ("list", "tuple") else []
        element = join(elements) if elements else None
        return Value(PYTHON, what, element=element if element and element.kind != UNKNOWN else None)
    return UNKNOWN_VALUE


def _engine(module: nodes.Module) -> _Engine:
    return context.project().memo(module, "tflint.analysis.tensors", _Engine)


class _Engine:
    """The inference for the nodes of one module; results are memoised per node."""

    _depth = 0  # shared across engines: cross-module chains count too

    def __init__(self, module: nodes.Module) -> None:
        self.module = module
        self.names: NameResolver = context.names(module)
        self.graph = context.project().graph(module)
        self._values: dict[nodes.NodeNG, Value | None] = {}
        self._bindings: dict[nodes.NodeNG, Value | None] = {}
        self._active: set[nodes.NodeNG] = set()
        self._active_bindings: set[nodes.NodeNG] = set()
        self._params: dict[tuple[int, str], Value] = {}
        self._returns: dict[nodes.NodeNG, Value | None] = {}
        self._calls: dict[nodes.NodeNG, list[tuple[nodes.Call, bool]]] | None = None
        self._escaped: set[nodes.NodeNG] = set()
        self._passed: dict[nodes.NodeNG, list[nodes.Call]] = {}

    # ---- entry -------------------------------------------------------------------------
    def value(self, node: nodes.NodeNG) -> Value:
        found = self._value(node)
        return UNKNOWN_VALUE if found is None else found

    def _value(self, node: nodes.NodeNG) -> Value | None:
        """Like :meth:`value`, but None ("no information yet") inside a cycle."""
        if node.root() is not self.module:
            return _engine(node.root())._value(node)
        if node in self._values:
            return self._values[node]
        if node in self._active or _Engine._depth > _MAX_DEPTH:
            return None
        self._active.add(node)
        _Engine._depth += 1
        try:
            result = self._compute(node)
        finally:
            _Engine._depth -= 1
            self._active.discard(node)
        self._values[node] = result
        return result

    def _compute(self, node: nodes.NodeNG) -> Value | None:
        method = _DISPATCH.get(type(node))
        return method(self, node) if method is not None else UNKNOWN_VALUE

    # ---- literals ----------------------------------------------------------------------
    def _const(self, node: nodes.Const) -> Value:
        value = node.value
        what = {type(None): "none", bool: "bool", int: "int", float: "float", str: "str", bytes: "bytes"}.get(
            type(value), "object"
        )
        return python(what, literal=value)

    def _joinedstr(self, node: nodes.JoinedStr) -> Value:
        return python("str")

    def _list(self, node: nodes.List) -> Value:
        return self._sequence(node, "list")

    def _tuple(self, node: nodes.Tuple) -> Value:
        return self._sequence(node, "tuple")

    def _set(self, node: nodes.Set) -> Value:
        return self._sequence(node, "set")

    def _sequence(self, node, what: str) -> Value:
        if any(isinstance(e, nodes.Starred) for e in node.elts):
            return python(what)
        return python(what, items=tuple(self.value(e) for e in node.elts))

    def _dict(self, node: nodes.Dict) -> Value:
        return python("dict")

    def _listcomp(self, node: nodes.ListComp) -> Value:
        return python("list", element=self.value(node.elt))

    def _setcomp(self, node: nodes.SetComp) -> Value:
        return python("set", element=self.value(node.elt))

    def _dictcomp(self, node: nodes.DictComp) -> Value:
        return python("dict")

    def _generatorexp(self, node: nodes.GeneratorExp) -> Value:
        return python("generator", element=self.value(node.elt))

    def _lambda(self, node: nodes.Lambda) -> Value:
        return python("function", ref=node)

    def _assignname(self, node: nodes.AssignName) -> Value | None:
        return self._binding(node)

    def _namedexpr(self, node: nodes.NamedExpr) -> Value | None:
        return self._value(node.value)

    # ---- operators ---------------------------------------------------------------------
    def _binop(self, node: nodes.BinOp) -> Value | None:
        left, right = self._value(node.left), self._value(node.right)
        if left is None and right is None:
            return None
        left, right = left or right, right or left
        if left.is_tensor or right.is_tensor:
            if left.what == "str" and node.op == "%":
                return python("str")
            return TENSOR_VALUE
        if left.is_python and right.is_python:
            return _python_binop(node.op, left, right)
        return UNKNOWN_VALUE

    def _unaryop(self, node: nodes.UnaryOp) -> Value | None:
        operand = self._value(node.operand)
        if operand is None:
            return None
        if operand.is_tensor:
            return TENSOR_VALUE
        if operand.is_python:
            if node.op == "not":
                return python("bool")
            if operand.known and isinstance(operand.literal, (int, float)) and node.op == "-":
                return python(operand.what, literal=-operand.literal)
            return python(operand.what)
        return UNKNOWN_VALUE

    def _boolop(self, node: nodes.BoolOp) -> Value | None:
        """``a and b``: a tensor when ``a`` is (AutoGraph makes it tf.logical_and); otherwise
        Python picks one of the operands (``n = n or tf.shape(x)[0]`` may be either)."""
        first = self._value(node.values[0])
        if first is not None and first.is_tensor:
            return TENSOR_VALUE
        return join(self._value(v) for v in node.values)

    def _compare(self, node: nodes.Compare) -> Value | None:
        if all(op in ("is", "is not", "in", "not in") for op, _ in node.ops):
            return python("bool")
        operands = [node.left] + [other for _, other in node.ops]
        if any(isinstance(o, nodes.Const) and o.value is None for o in operands):
            return python("bool")
        values = [self._value(o) for o in operands]
        known = [v for v in values if v is not None]
        if any(v.is_tensor for v in known):
            return Value(TENSOR, "tensor")
        if known and all(v.is_python for v in known):
            return python("bool")
        return UNKNOWN_VALUE if known else None

    def _ifexp(self, node: nodes.IfExp) -> Value | None:
        return join([self._value(node.body), self._value(node.orelse)])

    # ---- names -------------------------------------------------------------------------
    def _name(self, node: nodes.Name) -> Value | None:
        if self.names.unbound(node.name) and node.root() is self.module:
            scope, bindings = None, ()  # a builtin: no need for astroid's lookup
        else:
            try:
                scope, bindings = scope_lookup(node, node.name)
            except Exception:  # astroid raises on some malformed scopes
                return UNKNOWN_VALUE
        if scope is None or isinstance(scope, nodes.Module) and scope.name == "builtins" or not bindings:
            if node.name in ("True", "False"):
                return python("bool")
            return python("builtin") if hasattr(builtins, node.name) else UNKNOWN_VALUE
        bindings = list(bindings) + _loop_carried(node, scope)
        found = join(self._binding(b) for b in bindings)
        if found is not None and found.is_python and found.what in ("int", "float", "bool", ""):
            if self._carried_by_tensor_loop(node, scope):
                return UNKNOWN_VALUE  # AutoGraph makes it a loop variable: a tensor in and after the loop
        return found

    def _carried_by_tensor_loop(self, node: nodes.Name, scope) -> bool:
        """True when a loop on tensors (before or around ``node``) assigns ``node``'s name."""
        for binding in scope.locals.get(node.name, ()):
            loop = binding.parent
            while loop is not None and loop is not scope and not isinstance(loop, _LOOPS):
                loop = loop.parent
            if not isinstance(loop, _LOOPS) or loop.lineno is None or node.lineno is None or node.lineno < loop.lineno:
                continue
            tested = self._value(loop.iter if isinstance(loop, nodes.For) else loop.test)
            if tested is not None and (tested.is_tensor or tested.what == "dataset"):
                return True
        return False

    def _binding(self, binding: nodes.NodeNG) -> Value | None:
        if isinstance(binding, (nodes.Import, nodes.ImportFrom)):
            return python("module")
        if isinstance(binding, nodes.ClassDef):
            return python("class", ref=binding)
        if isinstance(binding, nodes.FunctionDef):
            return python("function", ref=binding)
        if not isinstance(binding, nodes.AssignName):
            return UNKNOWN_VALUE
        if binding.root() is not self.module:
            return _engine(binding.root())._binding(binding)
        if binding in self._bindings:
            return self._bindings[binding]
        if binding in self._active_bindings:
            return None
        self._active_bindings.add(binding)
        try:
            result = self._assigned(binding)
        finally:
            self._active_bindings.discard(binding)
        self._bindings[binding] = result
        return result

    def _assigned(self, binding: nodes.AssignName) -> Value | None:
        """The value a name binding stores."""
        parent = binding.parent
        if isinstance(parent, nodes.Arguments):
            return self._parameter(parent.parent, binding.name)
        if isinstance(parent, (nodes.Assign, nodes.AnnAssign)):
            if parent.value is None:
                return UNKNOWN_VALUE
            return self._value(parent.value)
        if isinstance(parent, nodes.AugAssign):
            change = self._value(parent.value)
            if change is not None and change.is_tensor:
                return TENSOR_VALUE
            try:
                _, before = scope_lookup(binding, binding.name)
            except Exception:
                return UNKNOWN_VALUE
            previous = join(self._binding(b) for b in before if b is not binding)
            if previous is None or change is None:
                return previous or change
            if previous.is_tensor:
                return TENSOR_VALUE
            if previous.is_python and change.is_python:
                return _python_binop(parent.op.rstrip("="), previous, change)
            return UNKNOWN_VALUE
        if isinstance(parent, (nodes.For, nodes.Comprehension)):
            return self._iterated(parent.iter)
        if isinstance(parent, nodes.NamedExpr):
            return self._value(parent.value)
        if isinstance(parent, nodes.ExceptHandler):
            return python("exception")
        if isinstance(parent, nodes.With):
            for expr, target in parent.items:
                if target is binding:
                    manager = self.value(expr)
                    return manager if manager.what in ("tape", "object") else UNKNOWN_VALUE
            return UNKNOWN_VALUE
        if isinstance(parent, (nodes.Tuple, nodes.List)):
            return self._unpacked(binding)
        return UNKNOWN_VALUE

    def _unpacked(self, binding: nodes.AssignName) -> Value | None:
        """``a, b = value`` and ``for a, b in pairs``: the part of the value ``binding`` gets."""
        path: list[int] = []
        child, parent = binding, binding.parent
        while isinstance(parent, (nodes.Tuple, nodes.List)):
            if any(isinstance(e, nodes.Starred) for e in parent.elts):
                return UNKNOWN_VALUE
            path.append(parent.elts.index(child))
            child, parent = parent, parent.parent
        if isinstance(parent, (nodes.Assign, nodes.AnnAssign)):
            whole = self._value(parent.value)
        elif isinstance(parent, (nodes.For, nodes.Comprehension)):
            whole = self._iterated(parent.iter)
        else:
            return UNKNOWN_VALUE
        for index in reversed(path):
            if whole is None:
                return None
            if whole.is_tensor:
                return TENSOR_VALUE  # unpacking a tensor (an error reported elsewhere) gives tensors
            if whole.items is not None:
                whole = whole.items[index] if index < len(whole.items) else UNKNOWN_VALUE
            elif whole.element is not None and whole.what in ("list", "tuple"):
                whole = whole.element
            else:
                return UNKNOWN_VALUE
        return whole

    def _iterated(self, iterable: nodes.NodeNG) -> Value | None:
        value = self._value(iterable)
        return None if value is None else element_of(value)

    # ---- parameters --------------------------------------------------------------------
    def _parameter(self, func: nodes.NodeNG, name: str) -> Value:
        key = (id(func), name)  # untracked by the garbage collector; `func` lives with its module
        if key not in self._params:
            self._params[key] = UNKNOWN_VALUE  # recursion guard
            self._params[key] = self._infer_parameter(func, name)
        return self._params[key]

    def _infer_parameter(self, func, name: str) -> Value:
        args = func.args
        if name == args.vararg:
            return python("tuple")
        if name == args.kwarg:
            return python("dict")
        positional = [a.name for a in (args.posonlyargs or []) + (args.args or [])]
        method = _is_method(func)
        if method and positional and positional[0] == name:
            return python("self")
        index = positional.index(name) if name in positional else None
        skip = 1 if method else 0
        root = _root_trace(func)
        if root is not None and index is not None:
            from_root = self._root_parameter(func, root, index - skip, name)
            if from_root is not None:
                return from_root
        found = self._from_call_sites(func, name, index, skip)
        if found.is_tensor and self._used_as_structure(func, name, strong=True):
            return UNKNOWN_VALUE  # the function unpacks or indexes it by name: callers disagree with us
        return found

    def _root_parameter(self, func, trace, index: int, name: str) -> Value | None:
        """Parameters TensorFlow or Keras fills in: signatures, dataset elements, layer inputs."""
        signature = self._input_signature(func)
        if signature is not None:
            if signature.items is not None and 0 <= index < len(signature.items):
                return _spec_value(signature.items[index])
            return UNKNOWN_VALUE
        if trace.kind == "dataset":
            tensors = _required_positional(func)
        elif trace.kind == "keras":
            tensors = self._keras_inputs(func)
        else:
            return None
        if index < 0 or index >= tensors or self._used_as_structure(func, name):
            return None
        if trace.kind == "keras" and _is_method(func) and func.name == "call" and index == 0:
            return Value(TENSOR, "tensor", dims=((0, None),))  # the batch dimension
        return TENSOR_VALUE

    def _keras_inputs(self, func) -> int:
        """How many leading parameters Keras fills with tensors."""
        if not _is_method(func):
            return 2 if self._given_to_compile(func) else 1
        cls = func.parent
        family = self.graph.keras_family(cls, 0)
        if family == "layer":
            return 1 if func.name == "call" else 0
        if family in ("metric", "loss"):
            return 2 if func.name in ("update_state", "call") else 0
        return 0

    def _given_to_compile(self, func) -> bool:
        for call in self._passed_to(func):
            if isinstance(call.func, nodes.Attribute) and call.func.attrname == "compile":
                return True
        return False

    def _input_signature(self, func) -> Value | None:
        """The value of ``input_signature=`` of the tf.function that traces ``func``."""
        candidates = []
        if isinstance(func, nodes.FunctionDef) and func.decorators:
            candidates.extend(d for d in func.decorators.nodes if isinstance(d, nodes.Call))
        candidates.extend(self._passed_to(func))
        for call in candidates:
            if not self.graph.is_tf_function(call.func):
                continue
            for kw in call.keywords or ():
                if kw.arg == "input_signature":
                    return self.value(kw.value)
            if len(call.args) > 1 and not isinstance(call.args[1], nodes.Starred) and call.args[0] is not None:
                if not isinstance(call.args[0], nodes.Starred) and self.graph.function_of(call.args[0], call) is func:
                    return self.value(call.args[1])
        return None

    def _used_as_structure(self, func, name: str, strong: bool = False, _seen: frozenset = frozenset()) -> bool:
        """True when ``func`` treats ``name`` as a list, dict or optional value, not a tensor.

        Strong evidence (unpacking, indexing by name, dict methods, ``is None``, isinstance,
        tf.nest) outweighs call sites that pass tensors; iterating, ``len`` and ``in`` only
        count against parameters nobody is seen passing (Keras inputs, dataset elements).
        A slice or item kept in a local (``outputs = inputs[0:-1]``) counts with its uses.
        """
        for ref in func.nodes_of_class(nodes.Name):
            if ref.name != name or ref.scope() is not func and _rebinds(ref.scope(), name):
                continue
            parent = ref.parent
            if isinstance(parent, nodes.Subscript) and parent.value is ref:
                index = parent.slice
                if isinstance(index, nodes.Const) and isinstance(index.value, str):
                    return True
                kept = _kept_in_local(parent)
                if kept is not None and kept not in _seen and len(_seen) < 3:
                    if self._used_as_structure(func, kept, strong, _seen | {name}):
                        return True
            if isinstance(parent, nodes.Attribute) and parent.attrname in ("get", "keys", "items", "values"):
                return True
            if isinstance(parent, (nodes.Assign, nodes.AnnAssign)) and parent.value is ref:
                targets = parent.targets if isinstance(parent, nodes.Assign) else [parent.target]
                if any(isinstance(t, (nodes.Tuple, nodes.List)) for t in targets):
                    return True
            if isinstance(parent, nodes.Compare) and any(op in ("is", "is not") for op, _ in parent.ops):
                return True
            if isinstance(parent, nodes.Call) and ref in parent.args:
                api = self.names.api(parent.func) or ""
                if api in _STRUCTURE_CALLS or api.startswith("tensorflow.nest."):
                    return True
                if not strong and api in _ITERATING_CALLS:
                    return True
            if strong:
                continue
            if self._looped_over(ref):
                return True
            if isinstance(parent, nodes.Subscript) and parent.value is ref and isinstance(parent.slice, nodes.Slice):
                if self._looped_over(parent):  # `for a in inputs[4:]`: a slice of a list is a list
                    return True
        return False

    def _looped_over(self, expr: nodes.NodeNG) -> bool:
        """``expr`` is looped over, star-unpacked, measured with ``len`` or searched with ``in``."""
        parent = expr.parent
        if isinstance(parent, (nodes.For, nodes.Comprehension)) and parent.iter is expr:
            return True
        if isinstance(parent, nodes.Starred):
            return True
        if isinstance(parent, nodes.Call) and expr in parent.args:
            if (self.names.api(parent.func) or "") in _ITERATING_CALLS:
                return True
        return isinstance(parent, nodes.Compare) and any(op in ("in", "not in") and o is expr for op, o in parent.ops)

    def _from_call_sites(self, func, name: str, index: int | None, skip: int) -> Value:
        """What every call of ``func`` in the module passes as ``name``, when they agree."""
        calls = self._call_sites().get(func, [])
        if not calls or func in self._escaped or len(calls) > _MAX_CALL_SITES:
            return UNKNOWN_VALUE
        default = _default_of(func, name)
        values = []
        for call, bound in calls:
            arg = _argument(call, name, None if index is None else index - (skip if bound else 0))
            if arg is _STARRED:
                return UNKNOWN_VALUE
            if arg is None:
                if default is None:
                    return UNKNOWN_VALUE
                values.append(self.value(default))
            else:
                values.append(self.value(arg))
        found = join(values)
        return found if found is not None else UNKNOWN_VALUE

    def _call_sites(self) -> dict:
        """Calls of the module's own functions, and functions used other than by a call."""
        if self._calls is not None:
            return self._calls
        self._calls = {}
        defined = {f.name for f in module_nodes(self.module, nodes.FunctionDef)}
        for node in module_nodes(self.module, (nodes.Call, nodes.Name, nodes.Attribute)):
            if isinstance(node, nodes.Call):
                self._index_call(node, defined)
                continue
            if isinstance(node.parent, nodes.Call) and node.parent.func is node:
                continue
            label = node.name if isinstance(node, nodes.Name) else node.attrname
            if label in defined and not _is_decorator(node):
                target = self.graph.function_of(node, node)
                if target is not None:
                    self._escaped.add(target)
        return self._calls

    def _index_call(self, call: nodes.Call, defined: set[str]) -> None:
        label = call.func.name if isinstance(call.func, nodes.Name) else getattr(call.func, "attrname", None)
        if label in defined:
            callee = self.graph.function_of(call.func, call)
            if callee is not None:
                bound = _is_method(callee) and isinstance(call.func, nodes.Attribute) and (
                    self.graph.class_of(call.func.expr) is None
                )
                self._calls.setdefault(callee, []).append((call, bound))
        for arg in list(call.args) + [kw.value for kw in call.keywords or ()]:
            if isinstance(arg, (nodes.Name, nodes.Attribute)):
                label = arg.name if isinstance(arg, nodes.Name) else arg.attrname
                if label in defined:
                    passed = self.graph.function_of(arg, call)
                    if passed is not None:
                        self._passed.setdefault(passed, []).append(call)

    def _passed_to(self, func) -> list[nodes.Call]:
        if func.root() is not self.module:
            return _engine(func.root())._passed_to(func)
        self._call_sites()
        return self._passed.get(func, [])

    # ---- attributes and subscripts -----------------------------------------------------
    def _attribute(self, node: nodes.Attribute) -> Value | None:
        api = self.names.api(node)
        if api is not None and "(" not in api:
            if api in tensor_api.PYTHON_CONSTANTS:
                return python(tensor_api.PYTHON_CONSTANTS[api])
            if api.startswith("tensorflow.") and api.rsplit(".", 1)[-1] in _DTYPE_NAMES:
                return python("dtype")
            return UNKNOWN_VALUE
        if node.attrname in _VARIABLE_LISTS:
            return python("list", element=Value(TENSOR, "variable"))
        base = self._value(node.expr)
        if base is None:
            return None
        if base.is_tensor:
            what = tensor_api.TENSOR_PYTHON_ATTRIBUTES.get(node.attrname)
            if what == "shape":
                return python("shape", dims=base.dims, rank=base.rank)
            if what == "int" and base.rank is not None:
                return python("int", literal=base.rank)
            return python(what) if what else UNKNOWN_VALUE
        if base.what == "shape":
            what = tensor_api.SHAPE_ATTRIBUTES.get(node.attrname)
            if what == "dim" and base.rank is not None:
                return python("dim", literal=base.rank)
            if what == "dims":
                return python("dims", element=python("dim"))
            return python(what) if what else UNKNOWN_VALUE
        if base.what == "dtype":
            return python("object")
        if base.what == "self":
            return self._self_attribute(node)
        if base.what == "instance" and isinstance(base.ref, nodes.ClassDef):
            return self._class_attribute(base.ref, node.attrname)
        return UNKNOWN_VALUE

    def _self_attribute(self, node: nodes.Attribute) -> Value | None:
        func = node.scope()
        while isinstance(func, nodes.Lambda) or isinstance(func, nodes.FunctionDef) and not _is_method(func):
            func = func.parent.scope() if func.parent else None
        if not isinstance(func, nodes.FunctionDef) or not isinstance(func.parent, nodes.ClassDef):
            return UNKNOWN_VALUE
        return self._class_attribute(func.parent, node.attrname)

    def _class_attribute(self, cls: nodes.ClassDef, attrname: str) -> Value | None:
        values = []
        owner = context.project().graph(cls.root())
        for klass in owner.class_chain(cls):
            if attrname in klass.locals and not klass.instance_attrs.get(attrname):
                for member in klass.locals[attrname]:
                    if isinstance(member, nodes.FunctionDef):
                        if _is_property(member):
                            return self._returned(member)
                        return python("method", ref=member)
                    if isinstance(member, nodes.AssignName):
                        values.append(self._binding(member))
            for assign in klass.instance_attrs.get(attrname, ()):
                parent = assign.parent
                if isinstance(parent, (nodes.Assign, nodes.AnnAssign)) and parent.value is not None:
                    if isinstance(parent, nodes.Assign) and assign not in parent.targets:
                        return UNKNOWN_VALUE
                    values.append(self._value(parent.value))
                else:
                    return UNKNOWN_VALUE
        if not values or any(v is not None and v.kind == UNKNOWN for v in values):
            return UNKNOWN_VALUE
        return join(values)

    def _subscript(self, node: nodes.Subscript) -> Value | None:
        base = self._value(node.value)
        if base is None:
            return None
        index = node.slice
        if base.is_tensor:
            return TENSOR_VALUE
        position = self.value(index) if not isinstance(index, nodes.Slice) else UNKNOWN_VALUE
        constant = position.literal if position.known and isinstance(position.literal, int) else None
        if base.what == "shape":
            if isinstance(index, nodes.Slice):
                return python("shape")
            if constant is not None:
                return base.dim(constant)
            return python("dim")
        if base.what == "dims" and base.items is None:
            return python("dim")
        if base.is_python and base.what in ("list", "tuple"):
            if isinstance(index, nodes.Slice):
                return python(base.what, element=element_of(base) if base.items or base.element else None)
            if base.items is not None and constant is not None and -len(base.items) <= constant < len(base.items):
                return base.items[constant]
            if base.element is not None:
                return base.element
            if base.items is not None:
                return join(base.items) or UNKNOWN_VALUE
        if base.what == "str":
            return python("str")
        return UNKNOWN_VALUE

    # ---- calls -------------------------------------------------------------------------
    def _call(self, node: nodes.Call) -> Value | None:
        api = self.names.api(node.func)
        if api is not None and "(" not in api:
            found = self._api_call(node, api)
            if found is not None:
                return found
        if isinstance(node.func, nodes.Attribute):
            method = self._method_call(node)
            if method is not None:
                return method
        callee = self._value(node.func)
        if callee is not None and callee.is_python:
            called = self._call_value(node, callee)
            if called is not None:
                return called
        function = self.graph.function_of(node.func, node)
        if function is not None:
            return self._returned(function)
        cls = self.graph.class_of(node.func)
        if cls is not None:
            return python("instance", ref=cls)
        return UNKNOWN_VALUE

    def _api_call(self, node: nodes.Call, api: str) -> Value | None:
        if api.startswith("builtins."):
            return self._builtin(node, api[len("builtins."):])
        if api.startswith("numpy."):
            return python("ndarray") if api.rsplit(".", 1)[-1][:1].islower() else python("object")
        if api.startswith("math."):
            return python("float")
        result = tensor_api.call_result(api)
        if result == "tensor":
            return TENSOR_VALUE
        if result == "variable":
            return Value(TENSOR, "variable")
        if result in ("tensor_list", "tensor_tuple"):
            if api in tensor_api.TUPLE_ITEMS:
                return python("tuple", items=tuple(_result_value(k, api) for k in tensor_api.TUPLE_ITEMS[api]))
            return python(result[len("tensor_"):], element=TENSOR_VALUE, origin=api)
        if result == "shape":
            return self._shape_literal(node.args[0] if node.args else _keyword(node, "dims"))
        if result == "spec":
            shape = node.args[0] if node.args else _keyword(node, "shape")
            spec = self._shape_literal(shape)
            return python("spec", dims=spec.dims, rank=spec.rank)
        if result is not None:
            return python(result)
        built = tensor_api.keras_constructor(api)
        if built is not None:
            structured = (
                _structured_output(node)
                or tensor_api.always_structured_layer(api)
                # a wrapper of a structured layer: Bidirectional(LSTM(..., return_state=True))
                or any(self.value(arg).what == "structured_layer" for arg in _all_arguments(node))
            )
            return python("structured_layer" if structured else built, origin=api)
        return None

    def _shape_literal(self, shape: nodes.NodeNG | None) -> Value:
        if isinstance(shape, (nodes.List, nodes.Tuple)) and not any(isinstance(e, nodes.Starred) for e in shape.elts):
            dims = []
            for position, element in enumerate(shape.elts):
                if isinstance(element, nodes.Const) and (element.value is None or isinstance(element.value, int)):
                    dims.append((position, element.value))
            return python("shape", dims=tuple(dims), rank=len(shape.elts))
        return python("shape")

    def _builtin(self, node: nodes.Call, name: str) -> Value | None:
        args = [self.value(a) for a in node.args if not isinstance(a, nodes.Starred)]
        first = args[0] if args else None
        if name in ("int", "float", "bool", "abs", "round"):
            if first is not None and first.is_tensor:
                if name == "abs":
                    return TENSOR_VALUE
                # AutoGraph turns int(t)/float(t) into tf.cast in traced code; eagerly
                # (`self.n = int(tf.reduce_prod(shape))` in __init__) the result is a Python number.
                return TENSOR_VALUE if context.graph_context(node) is not None else python("int" if name == "round" else name)
            if first is not None and not first.is_python:
                return UNKNOWN_VALUE
            if name == "abs":
                return python(first.what if first else "int")
            return python("int" if name == "round" else name)
        if name == "len":
            if first is not None and first.is_tensor:
                size = first.dim(0)
                return python("int", literal=size.literal) if size.known and size.literal is not None else UNKNOWN_VALUE
            return python("int")
        if name == "range":
            if any(a.is_tensor for a in args):
                return Value(TENSOR, "range")
            if args and all(a.is_python for a in args):
                literals = [a.literal for a in args]
                if all(isinstance(v, int) and not isinstance(v, bool) for v in literals):
                    try:
                        return python("range", literal=len(range(*literals)))
                    except (TypeError, ValueError, OverflowError):
                        return python("range")
                return python("range")
            return UNKNOWN_VALUE
        if name == "enumerate":
            return python("iterator", element=python("tuple", items=(python("int"), _element(first))))
        if name == "zip":
            return python("iterator", element=python("tuple", items=tuple(_element(a) for a in args)))
        if name in ("list", "tuple", "sorted", "reversed"):
            what = {"sorted": "list", "reversed": "iterator"}.get(name, name)
            if first is None:
                return python(what)
            element = _element(first)
            return python(what, element=element if element.kind != UNKNOWN else None)
        if name in ("str", "repr", "format"):
            return python("str")
        if name in ("isinstance", "issubclass", "hasattr", "callable", "any", "all"):
            return python("bool")
        if name in ("dict", "set", "frozenset", "type", "id", "hash", "object", "super", "print", "open"):
            return python({"print": "none", "open": "object"}.get(name, name))
        if name in ("max", "min", "sum"):
            if any(a.is_tensor for a in args):
                return UNKNOWN_VALUE
            if args and all(a.is_python for a in args) and len(args) > 1:
                return join(args)
            return UNKNOWN_VALUE
        return UNKNOWN_VALUE

    def _method_call(self, node: nodes.Call) -> Value | None:
        method = node.func.attrname
        receiver = self._value(node.func.expr)
        if receiver is None:
            return None
        if receiver.is_tensor:
            what = tensor_api.TENSOR_METHODS.get(method)
            if what == "tensor":
                return TENSOR_VALUE
            if what == "shape":
                return python("shape", dims=receiver.dims, rank=receiver.rank)
            return python(what) if what else UNKNOWN_VALUE
        what = receiver.what
        if what == "shape":
            result = tensor_api.SHAPE_METHODS.get(method)
            if result == "dims":
                return python("list", element=python("dim"), items=_dims_items(receiver))
            return python(result) if result else UNKNOWN_VALUE
        if what == "tensor_array":
            if method in tensor_api.TENSOR_ARRAY_READS:
                return TENSOR_VALUE
            if method in tensor_api.TENSOR_ARRAY_WRITES:
                return python("tensor_array")
        if what == "generator" and method in tensor_api.GENERATOR_DRAWS:
            return TENSOR_VALUE
        if what == "dataset":
            if method in tensor_api.DATASET_METHODS:
                return python("dataset")
            if method in tensor_api.DATASET_TENSOR_METHODS:
                return TENSOR_VALUE
        if what == "tape" and method in ("gradient", "jacobian", "batch_jacobian"):
            sources = node.args[1] if len(node.args) > 1 else _keyword(node, "sources")
            return _mirrored(self.value(sources)) if sources is not None else UNKNOWN_VALUE
        if what == "str" and method in _STR_METHODS:
            return python(_STR_METHODS[method])
        return None

    def _call_value(self, node: nodes.Call, callee: Value) -> Value | None:
        """Calling a Python value: a Keras layer or model, a project instance, a function."""
        if callee.what in ("layer", "model"):
            if any(
                kw.arg in tensor_api.KERAS_STRUCTURED_OUTPUT_KEYWORDS
                and not (isinstance(kw.value, nodes.Const) and kw.value.value is False)
                for kw in node.keywords or ()
            ):
                return UNKNOWN_VALUE
            return TENSOR_VALUE
        if callee.what == "instance" and isinstance(callee.ref, nodes.ClassDef):
            owner = context.project().graph(callee.ref.root())
            name = "call" if owner.keras_family(callee.ref, 0) == "layer" else "__call__"
            method = self._class_attribute(callee.ref, name)
            if method is not None and method.what == "method" and isinstance(method.ref, _FUNCTIONS):
                return self._returned(method.ref)
            return UNKNOWN_VALUE
        if callee.what in ("function", "method") and isinstance(callee.ref, _FUNCTIONS):
            return self._returned(callee.ref)
        return None

    def _returned(self, func) -> Value:
        """What calling the project function ``func`` returns (all its returns joined)."""
        if func.root() is not self.module:
            return _engine(func.root())._returned(func)
        if func in self._returns:
            found = self._returns[func]
            return UNKNOWN_VALUE if found is None else found
        self._returns[func] = None
        if isinstance(func, nodes.Lambda) and not isinstance(func, nodes.FunctionDef):
            result = self._value(func.body)
        elif _is_generator(func):
            result = python("generator")
        else:
            returns = [r for r in func.nodes_of_class(nodes.Return) if r.scope() is func]
            values = [self._value(r.value) if r.value is not None else python("none") for r in returns]
            if not returns or _may_fall_off(func.body):
                values.append(python("none"))
            result = join(values)
        self._returns[func] = result
        return UNKNOWN_VALUE if result is None else result


# What each kind of expression evaluates to: the methods of _Engine by node class.
_DISPATCH = {
    nodes.Const: _Engine._const,
    nodes.JoinedStr: _Engine._joinedstr,
    nodes.List: _Engine._list,
    nodes.Tuple: _Engine._tuple,
    nodes.Set: _Engine._set,
    nodes.Dict: _Engine._dict,
    nodes.ListComp: _Engine._listcomp,
    nodes.SetComp: _Engine._setcomp,
    nodes.DictComp: _Engine._dictcomp,
    nodes.GeneratorExp: _Engine._generatorexp,
    nodes.Lambda: _Engine._lambda,
    nodes.AssignName: _Engine._assignname,
    nodes.NamedExpr: _Engine._namedexpr,
    nodes.BinOp: _Engine._binop,
    nodes.UnaryOp: _Engine._unaryop,
    nodes.BoolOp: _Engine._boolop,
    nodes.Compare: _Engine._compare,
    nodes.IfExp: _Engine._ifexp,
    nodes.Name: _Engine._name,
    nodes.Attribute: _Engine._attribute,
    nodes.Subscript: _Engine._subscript,
    nodes.Call: _Engine._call,
}


# ---- helpers ---------------------------------------------------------------------------
_DTYPE_NAMES = frozenset(
    "float16 float32 float64 bfloat16 half double int8 int16 int32 int64 uint8 uint16 uint32 uint64 "
    "bool string complex64 complex128 qint8 quint8 qint32 resource variant".split()
)
_VARIABLE_LISTS = frozenset(
    {"trainable_variables", "trainable_weights", "non_trainable_variables", "non_trainable_weights"}
)
_STRUCTURE_CALLS = frozenset({"builtins.isinstance", "builtins.type", "builtins.dict"})
_ITERATING_CALLS = frozenset(
    {
        "builtins.len", "builtins.list", "builtins.tuple", "builtins.zip", "builtins.enumerate", "builtins.iter",
        "builtins.sorted", "builtins.map", "builtins.filter",
    }
)
_STR_METHODS = {"format": "str", "join": "str", "lower": "str", "upper": "str", "strip": "str",
                "replace": "str", "split": "list", "startswith": "bool", "endswith": "bool"}
_STARRED = object()


def _python_binop(op: str, left: Value, right: Value) -> Value:
    if left.what == "dim" or right.what == "dim":
        return python("int")
    if left.what in ("list", "tuple") and op == "+":
        if left.items is not None and right.items is not None:
            return python(left.what, items=left.items + right.items)
        return join([left, right]) or python(left.what)
    if left.known and right.known and isinstance(left.literal, int) and isinstance(right.literal, int):
        a, b = left.literal, right.literal
        if not isinstance(a, bool) and not isinstance(b, bool) and abs(a) < 2**31 and abs(b) < 2**31:
            computed = {"+": lambda: a + b, "-": lambda: a - b, "*": lambda: a * b,
                        "//": lambda: a // b if b else None}.get(op)
            if computed is not None and computed() is not None:
                return python("int", literal=computed())
    if left.what in ("int", "float") and right.what in ("int", "float"):
        return python("float" if "float" in (left.what, right.what) or op == "/" else "int")
    if left.what == right.what:
        return python(left.what)
    return python("")


def _result_value(kind: str | None, api: str) -> Value:
    if kind == "tensor":
        return TENSOR_VALUE
    if kind == "tensor_list":
        return python("list", element=TENSOR_VALUE, origin=api)
    return UNKNOWN_VALUE


def _mirrored(sources: Value) -> Value:
    """What ``tape.gradient(target, sources)`` returns: the structure of ``sources``, with tensors."""
    if sources.is_tensor:
        return TENSOR_VALUE
    if sources.is_python and sources.what in ("list", "tuple"):
        if sources.items is not None:
            return python(sources.what, items=tuple(_mirrored(item) for item in sources.items))
        if sources.element is not None:
            element = _mirrored(sources.element)
            return python(sources.what, element=element if element.kind != UNKNOWN else None)
    return UNKNOWN_VALUE


def _element(value: Value | None) -> Value:
    return UNKNOWN_VALUE if value is None else element_of(value)


def _dims_items(shape: Value) -> tuple[Value, ...] | None:
    if shape.rank is None:
        return None
    return tuple(shape.dim(i) for i in range(shape.rank))


def _spec_value(spec: Value) -> Value:
    """The parameter value an ``input_signature`` entry gives."""
    if spec.what == "spec":
        return Value(TENSOR, "tensor", dims=spec.dims, rank=spec.rank)
    if spec.is_python and spec.what in ("list", "tuple") and spec.items is not None:
        return python(spec.what, items=tuple(_spec_value(i) for i in spec.items))
    return UNKNOWN_VALUE


def _structured_output(call: nodes.Call) -> bool:
    """True when a Keras constructor is asked for several outputs (``return_state=True``)."""
    return any(
        kw.arg in tensor_api.KERAS_STRUCTURED_OUTPUT_KEYWORDS
        and not (isinstance(kw.value, nodes.Const) and kw.value.value is False)
        for kw in call.keywords or ()
    )


def _keyword(call: nodes.Call, name: str) -> nodes.NodeNG | None:
    for kw in call.keywords or ():
        if kw.arg == name:
            return kw.value
    return None


def _argument(call: nodes.Call, name: str, index: int | None):
    """The argument ``call`` passes for parameter ``name`` (at ``index``), or None."""
    for kw in call.keywords or ():
        if kw.arg == name:
            return kw.value
        if kw.arg is None:
            return _STARRED
    if index is not None:
        for position, arg in enumerate(call.args):
            if isinstance(arg, nodes.Starred):
                return _STARRED
            if position == index:
                return arg
    return None


def _default_of(func, name: str) -> nodes.NodeNG | None:
    args = func.args
    positional = (args.posonlyargs or []) + (args.args or [])
    defaults = args.defaults or []
    offset = len(positional) - len(defaults)
    for position, arg in enumerate(positional):
        if arg.name == name and position >= offset:
            return defaults[position - offset]
    for arg, default in zip(args.kwonlyargs or [], args.kw_defaults or []):
        if arg.name == name:
            return default
    return None


def _required_positional(func) -> int:
    args = func.args
    positional = (args.posonlyargs or []) + (args.args or [])
    return len(positional) - len(args.defaults or [])


def _is_method(func) -> bool:
    if not isinstance(func, nodes.FunctionDef) or not isinstance(func.parent, nodes.ClassDef):
        return False
    decorators = func.decorators.nodes if func.decorators else []
    return not any(isinstance(d, nodes.Name) and d.name == "staticmethod" for d in decorators)


def _is_property(func: nodes.FunctionDef) -> bool:
    for decorator in func.decorators.nodes if func.decorators else ():
        name = decorator.name if isinstance(decorator, nodes.Name) else getattr(decorator, "attrname", "")
        if name.endswith("property"):
            return True
    return False


def _is_decorator(node: nodes.NodeNG) -> bool:
    return isinstance(node.parent, nodes.Decorators)


def _root_trace(func):
    """The trace of ``func`` when its own module hands it to TensorFlow or Keras (an entry point).

    Only the module's own entry points count: asking for the whole project's traced set of
    another module would parse every module that imports it.
    """
    return context.project().graph(func.root()).roots.get(func)


def _rebinds(scope, name: str) -> bool:
    return isinstance(scope, _FUNCTIONS) and name in scope.locals


def _is_generator(func) -> bool:
    return any(
        isinstance(node, (nodes.Yield, nodes.YieldFrom)) and node.scope() is func
        for node in func.nodes_of_class((nodes.Yield, nodes.YieldFrom))
    )


def _loop_carried(node: nodes.Name, scope) -> list[nodes.NodeNG]:
    """Bindings of ``node``'s name later in an enclosing loop body: they reach it on the next pass."""
    found: list[nodes.NodeNG] = []
    current = node.parent
    while current is not None and current is not scope:
        if isinstance(current, _LOOPS):
            for binding in scope.locals.get(node.name, ()):
                if binding.lineno is not None and node.lineno is not None and binding.lineno > node.lineno:
                    if current.parent_of(binding) and binding not in found:
                        found.append(binding)
        current = current.parent
    return found


def _may_fall_off(body: list[nodes.NodeNG]) -> bool:
    """True when running ``body`` may reach its end (a function then returns None)."""
    return not any(_always_exits(statement) for statement in body)


def _always_exits(statement: nodes.NodeNG) -> bool:
    if isinstance(statement, (nodes.Return, nodes.Raise)):
        return True
    if isinstance(statement, nodes.If):
        return bool(statement.orelse) and not _may_fall_off(statement.body) and not _may_fall_off(statement.orelse)
    if isinstance(statement, nodes.With):
        return not _may_fall_off(statement.body)
    if isinstance(statement, nodes.Try):
        return not _may_fall_off(statement.body) and all(not _may_fall_off(h.body) for h in statement.handlers)
    if isinstance(statement, nodes.While):
        forever = isinstance(statement.test, nodes.Const) and bool(statement.test.value)
        return forever and not any(b.scope() is statement.scope() for b in statement.nodes_of_class(nodes.Break))
    return False


may_fall_off = _may_fall_off
