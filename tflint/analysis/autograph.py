"""What AutoGraph does with graph code: which functions it converts, which loops and
conditions it turns into graph control flow, and what it refuses to convert.

AutoGraph converts a traced function as one unit: the function TensorFlow (or a call from
converted code) hands it, with every function and lambda nested in it. It refuses a unit
that contains ``for ... else``, ``while ... else``, a name-mangled attribute
(``self.__x``) or a generator, and then runs the whole unit as plain Python. Functions
traced with ``autograph=False`` are never converted. Keras ``call`` methods are converted
by tf_keras (Keras 2) but not by Keras 3 (TensorFlow's AutoGraph leaves the ``keras`` package
alone, so nothing converts the ``call`` it runs). Code written against ``keras`` is Keras 3,
against ``tf_keras`` Keras 2; ``tf.keras`` is either (``TF_USE_LEGACY_KERAS``): "unknown".
"""

from __future__ import annotations

from astroid import nodes
from pylint.interfaces import INFERENCE, Confidence

from tflint.analysis import context, guards, tensors
from tflint.analysis.index import module_nodes
from tflint.analysis.project import ModuleFact
from tflint.analysis.trace import CONFIDENCE_RANK, Trace

_FUNCTIONS = (nodes.FunctionDef, nodes.Lambda)
DO_NOT_CONVERT = frozenset(
    {"tensorflow.autograph.experimental.do_not_convert", "tensorflow.python.autograph.impl.api.do_not_convert"}
)

# Why AutoGraph refuses a construct, in TensorFlow's own words.
FOR_ELSE = "for/else statement not yet supported"
WHILE_ELSE = "while/else statement not yet supported"
MANGLED = "mangled names are not yet supported"
GENERATOR = "generators are not supported"


def traced(node: nodes.NodeNG) -> Trace | None:
    """Why ``node`` runs while TensorFlow traces (its graph context), or None when it runs
    eagerly: outside graph code, or inside ``with tf.init_scope():`` where TF executes eagerly."""
    trace = context.graph_context(node)
    if trace is None or guards.in_init_scope(node, context.names(node)):
        return None
    return trace


def unreachable_for_tensors(node: nodes.NodeNG) -> bool:
    """True when ``node`` never runs with symbolic tensors while its function is traced.

    That is a branch for NumPy or eager values (``if isinstance(x, np.ndarray):``, see
    :func:`guards.eager_values_only`), or the branch a Python condition with a known value
    never takes: ``audio if use_tf else np.array(audio)`` where ``use_tf`` defaults to True
    and no call site passes it.
    """
    resolver = context.names(node)
    if guards.eager_values_only(node, resolver):
        return True
    child, current = node, node.parent
    while current is not None and not isinstance(current, (*_FUNCTIONS, nodes.ClassDef, nodes.Module)):
        if isinstance(current, (nodes.If, nodes.IfExp)) and child is not current.test:
            truth = tensors.static_truth(current.test)
            if truth is not None:
                body = current.body if isinstance(current.body, list) else [current.body]
                if (child in body) != truth:
                    return True
        child, current = current, current.parent
    return False


def conversion_unit(node: nodes.NodeNG) -> nodes.FunctionDef | nodes.Lambda | None:
    """The function AutoGraph converts as a whole when it converts ``node``'s code.

    That is the outermost traced function ``node`` is nested in (through functions and
    lambdas only: a class body starts a new unit).
    """
    unit = context.enclosing_function(node)
    if unit is None:
        return None
    while True:
        outer = unit.parent
        while outer is not None and not isinstance(outer, (*_FUNCTIONS, nodes.ClassDef, nodes.Module)):
            outer = outer.parent
        if not isinstance(outer, _FUNCTIONS) or context.graph_context(outer) is None:
            return unit
        unit = outer


def refusals(unit: nodes.FunctionDef | nodes.Lambda) -> list[tuple[nodes.NodeNG, str]]:
    """The constructs in ``unit`` that make AutoGraph run it unconverted: ``(node, reason)``."""
    return context.project().fact(unit.root(), REFUSALS).get(unit, [])


def _all_refusals(module: nodes.Module) -> dict:
    found: dict = {}
    for node in module_nodes(module, (nodes.For, nodes.While, nodes.Attribute, nodes.Yield, nodes.YieldFrom)):
        reason = refusal(node)
        if reason is None:
            continue
        current = node.parent
        while current is not None and not isinstance(current, (nodes.ClassDef, nodes.Module)):
            if isinstance(current, _FUNCTIONS):
                found.setdefault(current, []).append((node, reason))
            current = current.parent
    return found


# What AutoGraph refuses in each function of a module, found in one walk of the module.
REFUSALS = ModuleFact("AutoGraph refusals", _all_refusals)


def refusal(node: nodes.NodeNG) -> str | None:
    """Why AutoGraph refuses ``node`` (TensorFlow's message), or None."""
    if isinstance(node, nodes.For) and node.orelse:
        return FOR_ELSE
    if isinstance(node, nodes.While) and node.orelse:
        return WHILE_ELSE
    if isinstance(node, nodes.Attribute) and node.attrname.startswith("__") and not node.attrname.endswith("__"):
        return MANGLED
    if isinstance(node, (nodes.Yield, nodes.YieldFrom)):
        return GENERATOR
    return None


def conversion(node: nodes.NodeNG, trace: Trace | None = None) -> bool | None:
    """True when AutoGraph converts the graph code holding ``node``, False when it runs as
    plain Python, None when it depends (Keras code, or ``node`` is not graph code)."""
    trace = trace or traced(node)
    if trace is None:
        return None
    if not trace.autograph:
        return False
    unit = conversion_unit(node)
    if unit is not None and (not_converted(unit) or refusals(unit)):
        return False
    if trace.kind == "keras":
        return keras_converts(node)
    return True


_MAX_CLASS_DEPTH = 8


def keras_converts(node: nodes.NodeNG) -> bool | None:
    """Whether the Keras that traces ``node``'s code converts it with AutoGraph.

    True for tf_keras (Keras 2 wraps ``call`` in AutoGraph), False for Keras 3 (it does
    not), None for ``tf.keras`` or when the Keras cannot be told.
    """
    unit = conversion_unit(node)
    cls = unit.parent if unit is not None else None
    if isinstance(cls, nodes.ClassDef):
        flavour = _class_keras(cls, 0)
        if flavour != "unknown":
            return flavour
    return _module_keras(node.root())


def _keras_of_name(raw: str | None):
    """True for a tf_keras name, False for a Keras 3 name, None for tf.keras, "unknown" else."""
    if not raw:
        return "unknown"
    top = raw.split(".")[0]
    if top == "tf_keras":
        return True
    if top == "keras":
        return False
    if raw == "tensorflow.keras" or raw.startswith(("tensorflow.keras.", "tensorflow.python.keras")):
        return None
    return "unknown"


def _class_keras(cls: nodes.ClassDef, depth: int):
    """The Keras a class derives from (see :func:`_keras_of_name`), following project classes."""
    if depth > _MAX_CLASS_DEPTH:
        return "unknown"
    resolver = context.names(cls)
    graph = context.project().graph(cls.root())
    for base in cls.bases:
        flavour = _keras_of_name(resolver.raw(base))
        if flavour == "unknown":
            base_class = graph.class_of(base)
            if base_class is not None and base_class is not cls:
                flavour = _class_keras(base_class, depth + 1)
        if flavour != "unknown":
            return flavour
    return "unknown"


def _module_keras(module: nodes.Module) -> bool | None:
    """The Keras a module imports: False when only Keras 3 (``keras``), True when only tf_keras."""
    flavours = set()
    for node in module_nodes(module, (nodes.Import, nodes.ImportFrom)):
        names = [name for name, _ in node.names] if isinstance(node, nodes.Import) else [node.modname]
        for name in names:
            if name.split(".")[0] in ("keras", "tf_keras"):
                flavours.add(_keras_of_name(name))
            elif name == "tensorflow" and isinstance(node, nodes.ImportFrom):
                if any(imported == "keras" for imported, _ in node.names):
                    flavours.add(None)
            elif name.startswith(("tensorflow.keras", "tensorflow.python.keras")):
                flavours.add(None)
    return flavours.pop() if len(flavours) == 1 else None


def not_converted(unit: nodes.NodeNG) -> bool:
    """True for ``@tf.autograph.experimental.do_not_convert`` functions."""
    if not isinstance(unit, nodes.FunctionDef) or not unit.decorators:
        return False
    resolver = context.names(unit)
    return any(
        resolver.api(d.func if isinstance(d, nodes.Call) else d) in DO_NOT_CONVERT for d in unit.decorators.nodes
    )


def why_unconverted(node: nodes.NodeNG, trace: Trace) -> str:
    """A phrase for messages: why AutoGraph does not convert the code holding ``node``."""
    unit = conversion_unit(node)
    label = _label(unit) if unit is not None else trace.chain[-1]
    if not trace.autograph:
        return f"`{trace.chain[0]}` is traced with autograph=False"
    if unit is not None and not_converted(unit):
        return f"`{label}` is decorated with do_not_convert"
    if trace.kind == "keras" and keras_converts(node) is False and not (unit is not None and refusals(unit)):
        return f"Keras 3 runs `{label}` without AutoGraph"
    found = refusals(unit) if unit is not None else []
    if found:
        construct, reason = found[0]
        return f"AutoGraph refuses `{label}`: {reason}, line {construct.lineno}"
    return "AutoGraph does not convert it"


def tensor_loop(loop: nodes.NodeNG) -> bool:
    """True for a loop AutoGraph turns into a graph loop: over a tensor, ``tf.range``,
    ``range`` of a tensor or a dataset, or ``while`` on a tensor condition."""
    if isinstance(loop, nodes.For):
        iterated = tensors.value_of(loop.iter)
        if iterated.is_tensor or iterated.what == "dataset":
            return True
        if isinstance(loop.iter, nodes.Call) and context.names(loop).api(loop.iter.func) in (
            "builtins.enumerate",
            "builtins.zip",
        ):
            return any(tensors.value_of(a).what == "dataset" for a in loop.iter.args)
        return False
    if isinstance(loop, nodes.While):
        return tensors.is_tensor(loop.test)
    return False


def python_loop(loop: nodes.NodeNG) -> bool:
    """True for a loop over a known Python iterable (a list, ``range(3)``) or on a Python condition."""
    if isinstance(loop, nodes.For):
        return tensors.value_of(loop.iter).is_python and not tensor_loop(loop)
    if isinstance(loop, nodes.While):
        return tensors.is_python(loop.test)
    return False


def tensor_branch(node: nodes.NodeNG) -> nodes.If | None:
    """The innermost enclosing ``if`` of ``node`` (within its function) whose test is a tensor."""
    child, current = node, node.parent
    while current is not None and not isinstance(current, (*_FUNCTIONS, nodes.ClassDef, nodes.Module)):
        if isinstance(current, nodes.If) and child is not current.test and tensors.is_tensor(current.test):
            return current
        child, current = current, current.parent
    return None


def loop_header(loop: nodes.For | nodes.While) -> str:
    """How messages quote a loop: ``for ... in tf.range(n)`` / ``while x > 0``."""
    if isinstance(loop, nodes.For):
        return f"for ... in {loop.iter.as_string()}"
    return f"while {loop.test.as_string()}"


def confidence(trace: Trace, inferred: bool = True) -> Confidence:
    """The message confidence: the trace's, lowered to INFERENCE when tensor inference decided."""
    if inferred and CONFIDENCE_RANK.get(trace.confidence.name, 3) < CONFIDENCE_RANK[INFERENCE.name]:
        return INFERENCE
    return trace.confidence


def _label(func: nodes.NodeNG) -> str:
    return getattr(func, "name", "<lambda>")
