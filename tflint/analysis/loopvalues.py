"""What a value is on each iteration of the loops around it.

The retracing rules ask of each argument of a ``tf.function`` call: is it the same on
every call, or does it change in a way that changes the trace key? A loop counter
(``range``/``enumerate``/``itertools.count``), a Python number updated or computed in the
loop, a string or display built from those, a lambda or object made anew on each
iteration, or a tensor whose shape follows a changing number. :class:`Classifier` answers
for an expression evaluated inside given loops (innermost first); :func:`enclosing_loops`
finds those loops. Names are followed through their assignments, also the ones later in
the loop body (``lr *= 0.9`` after the call changes what the next iteration passes).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from astroid import nodes

from tflint.analysis import context
from tflint.analysis.astutil import has_keyword, is_inside, source_text
from tflint.analysis.graph import ModuleGraph
from tflint.analysis.names import NameResolver, assigned_value, scope_lookup

# ---- argument kinds ----------------------------------------------------------------------
LITERAL = "literal"  # a constant Python value: the same trace every time
LOOP_VARIABLE = "loop-variable"  # the counter of range/enumerate/itertools.count
LOOP_VALUE = "loop-value"  # a Python number computed in the loop
STRING = "f-string"  # a string built from values that change (f-string, %, format)
DISPLAY = "display"  # a list/tuple/dict/set display
FUNCTION = "lambda"  # a lambda, nested def or functools.partial made on each iteration
FRESH_OBJECT = "fresh-object"  # an instance of a project class made on each iteration
TENSOR = "tensor"  # a tf/NumPy array expression: keyed by dtype and shape only
PARAMETER = "parameter"  # a parameter of the enclosing function, fed a changing value
UNKNOWN = "unknown"

_COMPREHENSIONS = (nodes.ListComp, nodes.SetComp, nodes.DictComp, nodes.GeneratorExp)
_SCOPE_BOUNDARY = (nodes.FunctionDef, nodes.Lambda, nodes.ClassDef, nodes.Module)
_INT_ITERATORS = frozenset({"builtins.range", "itertools.count"})
_PROGRESS_BARS = ("tqdm", "trange")
_PYTHON_NUMBER_CALLS = frozenset(
    {"builtins.float", "builtins.int", "builtins.round", "builtins.abs", "builtins.min", "builtins.max", "builtins.sum"}
)
_FRESH_BUILTINS = frozenset({"builtins.object", "types.SimpleNamespace", "argparse.Namespace"})
_PARTIALS = frozenset({"functools.partial"})
# Tensor constructors whose first argument (or ``shape=``) is the shape of the result.
_SHAPED_CONSTRUCTORS = frozenset(
    {
        "tensorflow.zeros",
        "tensorflow.ones",
        "tensorflow.fill",
        "tensorflow.random.normal",
        "tensorflow.random.uniform",
        "tensorflow.random.truncated_normal",
        "tensorflow.random.stateless_normal",
        "tensorflow.random.stateless_uniform",
        "numpy.zeros",
        "numpy.ones",
        "numpy.empty",
        "numpy.full",
        "numpy.random.normal",
        "numpy.random.uniform",
        "numpy.random.randn",
        "numpy.random.rand",
    }
)
_RANGE_CONSTRUCTORS = frozenset({"tensorflow.range", "numpy.arange"})
_CONSTANT_CONSTRUCTORS = frozenset(
    {"tensorflow.constant", "tensorflow.convert_to_tensor", "numpy.array", "numpy.asarray"}
)


# ---- loops ---------------------------------------------------------------------------------
def enclosing_loops(node: nodes.NodeNG) -> list[nodes.NodeNG]:
    """The loops (``For``, ``While``, comprehension generators) that run ``node`` on each
    iteration, innermost first, up to the enclosing function, class or module.

    A ``for`` loop's iterable and ``else`` run once, so they are not inside it.
    """
    loops: list[nodes.NodeNG] = []
    child, current = node, node.parent
    while current is not None and not isinstance(current, _SCOPE_BOUNDARY):
        if isinstance(current, nodes.For) and child in current.body:
            loops.append(current)
        elif isinstance(current, nodes.While) and (child in current.body or child is current.test):
            loops.append(current)
        elif isinstance(current, nodes.Comprehension) and child in (current.ifs or []):
            loops.append(current)
        elif isinstance(current, _COMPREHENSIONS):
            generators = current.generators
            if child in generators:
                loops.extend(reversed(generators[: generators.index(child)]))
            else:  # elt, key or value: runs for every combination
                loops.extend(reversed(generators))
        child, current = current, current.parent
    return loops


def loop_phrase(loop: nodes.NodeNG) -> str:
    """``the `for` loop at line 12``."""
    kind = {nodes.For: "`for` loop", nodes.While: "`while` loop"}.get(type(loop), "comprehension")
    line = loop.lineno if loop.lineno is not None else loop.parent.lineno
    return f"the {kind} at line {line}"


def _loop_binding(binding: nodes.NodeNG, loops: list[nodes.NodeNG]) -> nodes.NodeNG | None:
    """The loop of ``loops`` in which ``binding`` is rebound on every iteration, if any."""
    for loop in loops:
        if isinstance(loop, (nodes.For, nodes.Comprehension)) and is_inside(binding, loop.target):
            return loop
        if isinstance(loop, (nodes.For, nodes.While)) and any(is_inside(binding, s) for s in loop.body):
            return loop
    return None


@dataclass
class Value:
    kind: str
    detail: str = ""
    varies: bool = False
    shape_varies: bool = False
    loop: nodes.NodeNG | None = None
    inferred: bool = False
    static_shape: tuple | None = field(default=None)


class Classifier:
    """Classifies expressions evaluated inside ``loops`` (innermost first)."""

    def __init__(self, resolver: NameResolver, loops: list[nodes.NodeNG], depth: int = 0) -> None:
        self.resolver = resolver
        self.loops = loops
        self.depth = depth
        self._active = 0  # nesting of value() calls: bounds self-referential loops (`a = f(a)`)
        self._assumed: dict[str, Value] = {}  # `lr = lr * 0.9`: the previous value of `lr`

    def value(self, expr: nodes.NodeNG, depth: int = 0) -> Value:
        if depth > 6 or self._active > 24:
            return Value(UNKNOWN)
        self._active += 1
        try:
            return self._value(expr, depth)
        finally:
            self._active -= 1

    def _value(self, expr: nodes.NodeNG, depth: int) -> Value:
        if isinstance(expr, nodes.Const):
            return Value(LITERAL)
        if isinstance(expr, nodes.Name):
            return self._name(expr, depth)
        if isinstance(expr, (nodes.Lambda, nodes.FunctionDef)):
            loop = self.loops[0] if self.loops else None
            what = "a new lambda" if isinstance(expr, nodes.Lambda) else f"the nested function `{expr.name}`"
            return Value(FUNCTION, what, varies=loop is not None, loop=loop)
        if isinstance(expr, nodes.JoinedStr):
            return self._string(expr, "an f-string")
        if isinstance(expr, (nodes.List, nodes.Tuple, nodes.Set, nodes.Dict)):
            return self._display(expr, depth)
        if isinstance(expr, (nodes.BinOp, nodes.UnaryOp)):
            return self._arithmetic(expr, depth)
        if isinstance(expr, nodes.Call):
            return self._call(expr)
        if isinstance(expr, nodes.Subscript):
            return self._subscript(expr)
        return Value(UNKNOWN)

    # names ----------------------------------------------------------------------------
    def _name(self, name: nodes.Name, depth: int) -> Value:
        if name.name in self._assumed:
            return self._assumed[name.name]
        scope, bindings = scope_lookup(name, name.name)
        if scope is None:  # astroid could not look it up: unknown
            return Value(UNKNOWN)
        if not bindings:
            return Value(UNKNOWN)
        bindings = list(bindings) + [b for b in _rebinds_in_loops(name.name, scope, self.loops) if b not in bindings]
        varying = [(b, _loop_binding(b, self.loops)) for b in bindings]
        in_loop = [(b, loop) for b, loop in varying if loop is not None]
        if not in_loop:
            return self._invariant_name(name, bindings, depth)
        for binding, loop in in_loop:
            if isinstance(binding, (nodes.FunctionDef, nodes.ClassDef)):
                what = "function" if isinstance(binding, nodes.FunctionDef) else "class"
                return Value(
                    FUNCTION, f"`{name.name}` (a {what} defined anew on each iteration)", varies=True, loop=loop
                )
            found = self._loop_bound(name, binding, loop, bindings, depth)
            if found is not None and found.varies:
                return found
        return Value(UNKNOWN)

    def _invariant_name(self, name, bindings, depth) -> Value:
        """A name not rebound by the loops: its value is the same on every iteration,
        unless it is a parameter of the enclosing function fed changing values."""
        if len(bindings) == 1 and isinstance(bindings[0], nodes.AssignName):
            binding = bindings[0]
            if isinstance(binding.parent, nodes.Arguments):
                return Value(PARAMETER, f"`{name.name}`")
            value = assigned_value(binding)
            if value is not None:
                inner = self.value(value, depth + 1) if not is_inside(name, value) else Value(UNKNOWN)
                if inner.kind == TENSOR:
                    return Value(TENSOR, static_shape=inner.static_shape)
                if inner.kind == LITERAL:
                    return Value(LITERAL)
        return Value(UNKNOWN)

    def _loop_bound(self, name, binding, loop, bindings, depth) -> Value | None:
        """What ``name`` holds when ``binding`` rebinds it on each iteration of ``loop``."""
        if isinstance(loop, (nodes.For, nodes.Comprehension)) and is_inside(binding, loop.target):
            source = _int_iteration(loop, binding, self.resolver)
            if source is not None:
                return Value(LOOP_VARIABLE, f"`{name.name}` (the loop variable of `{source}`)", varies=True, loop=loop)
            return None
        parent = binding.parent
        if isinstance(parent, nodes.AugAssign):
            others = [assigned_value(b) for b in bindings if b is not binding]
            step = self.value(parent.value, depth + 1)
            start_python = any(isinstance(v, nodes.Const) and isinstance(v.value, (int, float)) for v in others)
            if start_python and step.kind in (LITERAL, LOOP_VARIABLE, LOOP_VALUE) and _python_number_expr(parent.value):
                return Value(
                    LOOP_VALUE,
                    f"`{name.name}` (a Python number updated with `{parent.op}` on each iteration)",
                    varies=True,
                    loop=loop,
                )
            return None
        value = assigned_value(binding)
        if value is None:
            return None
        others = [assigned_value(b) for b in bindings if _loop_binding(b, [loop]) is None]
        starts_python = any(isinstance(v, nodes.Const) and _python_number_expr(v) for v in others)
        if starts_python and name.name not in self._assumed:
            # `lr = lr * 0.9` with `lr = 0.1` before the loop: the previous value is a Python number
            self._assumed[name.name] = Value(
                LOOP_VALUE, f"`{name.name}` (a Python number updated on each iteration)", varies=True, loop=loop
            )
            try:
                inner = self.value(value, depth + 1)
            finally:
                del self._assumed[name.name]
        else:
            inner = self.value(value, depth + 1)
        if inner.varies or inner.shape_varies:
            if inner.kind in (LOOP_VALUE, LOOP_VARIABLE):
                detail = f"`{name.name}` (a Python number computed on each iteration)"
            elif inner.kind in (FUNCTION, FRESH_OBJECT, STRING, DISPLAY):
                detail = f"`{name.name}` ({_strip_iteration(inner.detail)}, made on each iteration)"
            else:
                detail = f"`{name.name}` ({inner.detail})"
            return Value(inner.kind, detail, inner.varies, inner.shape_varies, loop, inner.inferred)
        return None

    # composite values -------------------------------------------------------------------
    def _string(self, expr: nodes.NodeNG, what: str) -> Value:
        loop = self._depends_on_loop(expr)
        if loop is None:
            return Value(LITERAL)
        return Value(STRING, f"{what} that changes on each iteration", varies=True, loop=loop)

    def _display(self, expr: nodes.NodeNG, depth: int) -> Value:
        if isinstance(expr, nodes.Dict):
            parts = [p for pair in expr.items for p in pair]
        else:
            parts = list(expr.elts)
        kinds = [self.value(p, depth + 1) for p in parts]
        changing = next((k for k in kinds if k.varies), None)
        if changing is not None:
            what = {nodes.List: "a list", nodes.Tuple: "a tuple", nodes.Set: "a set", nodes.Dict: "a dict"}[type(expr)]
            return Value(DISPLAY, f"{what} holding {changing.detail}", varies=True, loop=changing.loop)
        if all(k.kind == LITERAL for k in kinds):
            return Value(LITERAL)
        return Value(DISPLAY)

    def _arithmetic(self, expr: nodes.NodeNG, depth: int) -> Value:
        if (
            isinstance(expr, nodes.BinOp)
            and expr.op == "%"
            and isinstance(expr.left, nodes.Const)
            and isinstance(expr.left.value, str)
        ):
            return self._string(expr, "a `%`-formatted string")
        operands = [expr.operand] if isinstance(expr, nodes.UnaryOp) else [expr.left, expr.right]
        kinds = [self.value(o, depth + 1) for o in operands]
        if all(k.kind == LITERAL for k in kinds):
            return Value(LITERAL)
        if all(k.kind in (LITERAL, LOOP_VARIABLE, LOOP_VALUE) for k in kinds):
            changing = next(k for k in kinds if k.kind != LITERAL)
            return Value(
                LOOP_VALUE,
                f"`{_spelled(expr)}` (a Python number computed from {flatten(changing.detail)})",
                varies=True,
                loop=changing.loop,
            )
        if any(k.kind == TENSOR for k in kinds):
            return Value(TENSOR)
        return Value(UNKNOWN)

    def _call(self, call: nodes.Call) -> Value:
        api = self.resolver.api(call.func) or ""
        if api in _PYTHON_NUMBER_CALLS or api.startswith("math.") or _is_item_call(call):
            if api == "builtins.min" and self._clamps_a_remainder(call):
                return Value(UNKNOWN)  # `min(batch, total - done)`: the full batch, then one remainder
            loop = self._depends_on_loop(call)
            if (
                loop is None
                and self.loops
                and (api == "builtins.float" or _is_item_call(call))
                and any(isinstance(inner, nodes.Call) for inner in call.nodes_of_class(nodes.Call) if inner is not call)
            ):
                loop = self.loops[0]  # float(loss_fn(x)): a new Python number computed on each iteration
            if loop is None:
                return Value(UNKNOWN)
            spelled = _spelled(call.func) + "(...)"
            return Value(
                LOOP_VALUE, f"`{spelled}` (a Python number computed on each iteration)", varies=True, loop=loop
            )
        if api == "builtins.str" or (
            isinstance(call.func, nodes.Attribute)
            and call.func.attrname == "format"
            and isinstance(call.func.expr, nodes.Const)
        ):
            return self._string(call, "a string")
        if api in ("builtins.list", "builtins.tuple", "builtins.dict"):
            return Value(DISPLAY)
        if api in _PARTIALS:
            loop = self.loops[0] if self.loops else None
            return Value(FUNCTION, "a new `functools.partial` object", varies=loop is not None, loop=loop)
        if api.startswith(("tensorflow.", "numpy.")):
            return self._tensor(call, api)
        fresh = self._fresh_object(call, api)
        if fresh is not None:
            return fresh
        return Value(UNKNOWN)

    def _clamps_a_remainder(self, call: nodes.Call) -> bool:
        """``min(size, total - done)``: a loop-invariant bound and a remainder that shrinks. It is the
        bound on every iteration but the last, so a tf.function traces for two values at most."""
        if len(call.args) != 2 or call.keywords:
            return False
        fixed = [arg for arg in call.args if self._depends_on_loop(arg) is None]
        shrinking = [arg for arg in call.args if isinstance(arg, nodes.BinOp) and arg.op == "-"]
        return len(fixed) == 1 and len(shrinking) == 1 and fixed[0] is not shrinking[0]

    def _fresh_object(self, call: nodes.Call, api: str) -> Value | None:
        loop = self.loops[0] if self.loops else None
        if api in _FRESH_BUILTINS:
            return Value(FRESH_OBJECT, f"a new `{_spelled(call.func)}` object", varies=loop is not None, loop=loop)
        if not isinstance(call.func, (nodes.Name, nodes.Attribute)):
            return None
        graph = _graph(call)
        cls = graph.class_of(call.func)
        if cls is None or not _identity_keyed(cls, graph):
            return None
        return Value(FRESH_OBJECT, f"a new `{cls.name}` object", varies=loop is not None, loop=loop, inferred=True)

    def _tensor(self, call: nodes.Call, api: str) -> Value:
        shape_parts: list[nodes.NodeNG] = []
        if api in ("numpy.random.randn", "numpy.random.rand"):
            shape_parts = list(call.args)
        elif api in _SHAPED_CONSTRUCTORS:
            shape = (
                call.args[0]
                if call.args
                else next((k.value for k in call.keywords or () if k.arg in ("shape", "dims", "size")), None)
            )
            shape_parts = [shape] if shape is not None else []
        elif api in _RANGE_CONSTRUCTORS and call.args:
            bounds = call.args[:2]
            # tf.range(a, a + k) has a fixed length: only a single changing bound changes it
            if len(bounds) == 2 and all(self._changing_python(b) for b in bounds):
                return Value(TENSOR)
            shape_parts = list(bounds)
        static = _static_shape(call, api)
        for part in shape_parts:
            changing = self._changing_python_in(part)
            if changing is not None:
                return Value(
                    TENSOR,
                    f"`{_spelled(call)}`, whose shape changes with {changing.detail}",
                    shape_varies=True,
                    loop=changing.loop,
                )
        return Value(TENSOR, static_shape=static)

    def _subscript(self, expr: nodes.Subscript) -> Value:
        """``t[:n]`` with a changing ``n`` has a changing length; ``t[i]`` and ``t[i:i + k]`` do not."""
        if not isinstance(expr.slice, nodes.Slice):
            return Value(UNKNOWN)
        lower, upper = expr.slice.lower, expr.slice.upper
        lower_changes = lower is not None and self._changing_python(lower)
        upper_changes = upper is not None and self._changing_python(upper)
        if lower_changes == upper_changes:
            return Value(UNKNOWN)
        bound = self._changing_python_in(lower if lower_changes else upper)
        if bound is None:
            return Value(UNKNOWN)
        return Value(
            TENSOR,
            f"the slice `{_spelled(expr)}`, whose length changes with {bound.detail}",
            shape_varies=True,
            loop=bound.loop,
        )

    # helpers ---------------------------------------------------------------------------
    def _changing_python(self, expr: nodes.NodeNG) -> bool:
        return self._changing_python_in(expr) is not None

    def _changing_python_in(self, expr: nodes.NodeNG) -> Value | None:
        """The changing Python number inside ``expr`` (a shape or a slice bound), if any."""
        if isinstance(expr, (nodes.List, nodes.Tuple)):
            for elt in expr.elts:
                found = self._changing_python_in(elt)
                if found is not None:
                    return found
            return None
        found = self.value(expr)
        if found.kind in (LOOP_VARIABLE, LOOP_VALUE) and found.varies:
            return found
        return None

    def _depends_on_loop(self, expr: nodes.NodeNG) -> nodes.NodeNG | None:
        """The loop that rebinds a name used in ``expr``, if any."""
        names = [expr] if isinstance(expr, nodes.Name) else list(expr.nodes_of_class(nodes.Name))
        for name in names:
            scope, bindings = scope_lookup(name, name.name)
            if scope is None:  # astroid could not look it up: unknown
                continue
            for binding in list(bindings) + _rebinds_in_loops(name.name, scope, self.loops):
                loop = _loop_binding(binding, self.loops)
                if loop is not None:
                    return loop
        return None


def _rebinds_in_loops(name: str, scope: nodes.NodeNG, loops: list[nodes.NodeNG]) -> list[nodes.NodeNG]:
    """Assignments to ``name`` (in ``scope``) anywhere in ``loops``, also after the use:
    on the next iteration the use sees them."""
    found = []
    for loop in loops[-1:]:  # the outermost loop holds the inner ones
        for node in loop.nodes_of_class((nodes.AssignName, nodes.FunctionDef, nodes.ClassDef)):
            if node.name != name:
                continue
            owner = node.parent.scope() if isinstance(node, (nodes.FunctionDef, nodes.ClassDef)) else node.scope()
            if owner is scope:
                found.append(node)
    return found


def flatten(detail: str) -> str:
    """``a (b)`` -> ``a, b``: for nesting a detail inside parentheses."""
    if detail.endswith(")") and " (" in detail:
        head, _, tail = detail.partition(" (")
        return f"{head}, {tail[:-1]}"
    return detail


def _strip_iteration(detail: str) -> str:
    return detail.replace(" that changes on each iteration", "")


def _is_item_call(call: nodes.Call) -> bool:
    """``x.item()`` / ``x.numpy().item()``: a Python number (``.numpy()`` alone is a NumPy value)."""
    return isinstance(call.func, nodes.Attribute) and call.func.attrname in ("item", "tolist") and not call.args


def _python_number_expr(expr: nodes.NodeNG) -> bool:
    if isinstance(expr, nodes.Const):
        return isinstance(expr.value, (int, float)) and not isinstance(expr.value, bool)
    if isinstance(expr, nodes.UnaryOp):
        return _python_number_expr(expr.operand)
    if isinstance(expr, nodes.BinOp):
        return _python_number_expr(expr.left) and _python_number_expr(expr.right)
    return False


def _int_iteration(loop: nodes.NodeNG, binding: nodes.NodeNG, resolver: NameResolver) -> str | None:
    """``range(...)`` when ``binding`` takes Python ints from the loop's iterable."""
    iterable = loop.iter
    target = loop.target
    position = None
    if isinstance(target, nodes.Tuple):
        position = next((i for i, elt in enumerate(target.elts) if is_inside(binding, elt)), None)
        if position is None or not isinstance(target.elts[position], nodes.AssignName):
            return None
    elif target is not binding:
        return None
    return _int_source(iterable, position, resolver, 0)


def _int_source(iterable: nodes.NodeNG, position: int | None, resolver: NameResolver, depth: int) -> str | None:
    if depth > 3:
        return None
    if isinstance(iterable, nodes.Name):
        scope, bindings = scope_lookup(iterable, iterable.name)
        if scope is None:  # astroid could not look it up: unknown
            return None
        values = [assigned_value(b) for b in bindings]
        if len(values) == 1 and values[0] is not None:
            return _int_source(values[0], position, resolver, depth + 1)
        return None
    if not isinstance(iterable, nodes.Call):
        return None
    api = resolver.api(iterable.func) or ""
    if position is None and api in _INT_ITERATORS:
        return f"{_spelled(iterable.func)}(...)"
    if api.rsplit(".", 1)[-1] in _PROGRESS_BARS and (api.startswith("tqdm") or api.rsplit(".", 1)[-1] == "trange"):
        if api.endswith("trange") and position is None:
            return f"{_spelled(iterable.func)}(...)"
        if iterable.args:
            return _int_source(iterable.args[0], position, resolver, depth + 1)
        return None
    if api == "builtins.reversed" and iterable.args:
        return _int_source(iterable.args[0], position, resolver, depth + 1)
    if api == "builtins.enumerate" and position == 0:
        return "enumerate(...)"
    if api == "builtins.zip" and position is not None and position < len(iterable.args):
        return _int_source(iterable.args[position], None, resolver, depth + 1)
    return None


def _identity_keyed(cls: nodes.ClassDef, graph: ModuleGraph) -> bool:
    """True when tf.function keys instances of ``cls`` by identity (a plain project class).

    NamedTuples and attrs classes are keyed by their fields; classes implementing the
    tracing protocol or deriving from classes outside the project are left alone.
    """
    chain = graph.class_chain(cls)
    for klass in chain:
        if "__tf_tracing_type__" in klass.locals or "_type_spec" in klass.locals:
            return False
        if klass.decorators and any("attr" in _spelled(d) for d in klass.decorators.nodes):
            return False
        owner = _graph(klass)
        for base in klass.bases:
            if owner.class_of(base) is not None:
                continue
            if isinstance(base, nodes.Name) and base.name == "object":
                continue
            return False  # NamedTuple, tf.Module, ExtensionType, unknown: not ours to judge
    return True


def _static_shape(call: nodes.Call, api: str) -> tuple | None:
    """The static shape of ``tf.constant([[1, 2]])`` / ``tf.zeros((2, 3))``, when literal."""
    if api in _CONSTANT_CONSTRUCTORS and call.args and not has_keyword(call, "shape"):
        return _literal_shape(call.args[0])
    if api in _SHAPED_CONSTRUCTORS and api not in ("numpy.random.randn", "numpy.random.rand") and call.args:
        shape = call.args[0]
        if isinstance(shape, nodes.Const) and isinstance(shape.value, int) and not isinstance(shape.value, bool):
            return (shape.value,)
        if isinstance(shape, (nodes.List, nodes.Tuple)) and all(
            isinstance(e, nodes.Const) and isinstance(e.value, int) and not isinstance(e.value, bool)
            for e in shape.elts
        ):
            return tuple(e.value for e in shape.elts)
    return None


def _literal_shape(value: nodes.NodeNG, depth: int = 0) -> tuple | None:
    if depth > 8:
        return None
    if isinstance(value, nodes.Const) and isinstance(value.value, (int, float, bool)):
        return ()
    if isinstance(value, (nodes.List, nodes.Tuple)):
        inner = [_literal_shape(e, depth + 1) for e in value.elts]
        if not inner or any(i is None for i in inner) or len(set(inner)) != 1:
            return (len(value.elts),) if not inner else None
        first = inner[0]
        assert first is not None  # no element's shape is None (checked above)
        return (len(value.elts),) + first
    return None


def _graph(node: nodes.NodeNG) -> ModuleGraph:
    return context.project().graph(node.root())


def _spelled(expr: nodes.NodeNG) -> str:
    return source_text(expr, "...")
