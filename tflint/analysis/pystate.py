"""Python state and values as graph code sees them.

Which objects outlive a traced call (module globals, closures of eager code, ``self``
and arguments), which names hold Python containers, which module globals the module
changes after definition, and which expressions are plain Python values.
"""

from __future__ import annotations

from dataclasses import dataclass

from astroid import nodes
from astroid.const import Context

from tflint.analysis.index import module_nodes
from tflint.analysis.names import NameResolver, assigned_value, scope_lookup
from tflint.facts import pyapi, tfapi

_CONTAINER_FACTORIES = frozenset(
    {
        "builtins.list",
        "builtins.dict",
        "builtins.set",
        "collections.deque",
        "collections.defaultdict",
        "collections.OrderedDict",
        "collections.Counter",
    }
)


@dataclass(frozen=True)
class Owner:
    """Where a mutated object lives: ``kind`` is 'global', 'closure', 'self' or 'argument'."""

    kind: str
    name: str
    binding_value: nodes.NodeNG | None = None


def root_name(expr: nodes.NodeNG) -> nodes.Name | None:
    """The name at the root of ``a.b.c`` / ``a[0].b`` (``a``), if any."""
    while isinstance(expr, (nodes.Attribute, nodes.AssignAttr, nodes.DelAttr, nodes.Subscript)):
        expr = expr.value if isinstance(expr, nodes.Subscript) else expr.expr
    return expr if isinstance(expr, nodes.Name) else None


def outliving_owner(
    expr: nodes.NodeNG, func: nodes.FunctionDef | nodes.Lambda, is_entry: bool, in_graph
) -> Owner | None:
    """The owner of ``expr`` when the object outlives one call of the traced ``func``.

    ``func`` is the innermost function holding ``expr``. ``in_graph(scope)`` says whether
    an enclosing scope is graph code itself: its locals are created within the same
    trace, so they do not count. Arguments only count for entry points (``is_entry``):
    a helper's argument may well be its caller's fresh local.
    """
    name = root_name(expr)
    if name is None:
        return None
    scope, bindings = scope_lookup(name, name.name)
    if scope is None:  # astroid could not look it up: unknown
        return None
    if not bindings or any(
        isinstance(b, (nodes.Import, nodes.ImportFrom, nodes.ClassDef, nodes.FunctionDef)) for b in bindings
    ):
        return None
    if isinstance(scope, nodes.Module):
        if scope.name == "builtins":
            return None
        return Owner("global", name.name, _first_value(bindings))
    if not isinstance(scope, (nodes.FunctionDef, nodes.Lambda)):
        return None
    if _is_self_parameter(scope, name.name):
        return Owner("self", name.name) if expr is not name else None
    if scope is func:
        if name.name in (scope.args.vararg, scope.args.kwarg):
            return None  # *args and **kwargs are fresh objects on every call
        if any(isinstance(b, nodes.AssignName) and not isinstance(b.parent, nodes.Arguments) for b in bindings):
            return None  # rebound locally (`states = dict(states)`): a fresh object
        if is_entry and _is_parameter(scope, name.name):
            return Owner("argument", name.name)
        return None
    if in_graph(scope):
        return None
    return Owner("closure", name.name, _first_value(bindings))


def _first_value(bindings: list[nodes.NodeNG]) -> nodes.NodeNG | None:
    for binding in bindings:
        value = assigned_value(binding)
        if value is not None:
            return value
    return None


def _is_self_parameter(func: nodes.FunctionDef | nodes.Lambda, name: str) -> bool:
    return (
        isinstance(func, nodes.FunctionDef)
        and isinstance(func.parent, nodes.ClassDef)
        and _first_parameter(func) == name
        and not any(
            isinstance(d, nodes.Name) and d.name == "staticmethod"
            for d in (func.decorators.nodes if func.decorators else ())
        )
    )


def is_container_value(value: nodes.NodeNG | None, resolver: NameResolver) -> bool:
    """True for ``[]``, ``{}``, ``set()``, ``collections.deque()`` and friends."""
    if isinstance(value, (nodes.List, nodes.Dict, nodes.Set, nodes.ListComp, nodes.DictComp, nodes.SetComp)):
        return True
    if isinstance(value, nodes.Call):
        return resolver.api(value.func) in _CONTAINER_FACTORIES
    return False


def attribute_values(cls: nodes.ClassDef, attrname: str) -> list[nodes.NodeNG]:
    """Values assigned to ``self.<attrname>`` anywhere in ``cls``."""
    values = []
    for assign in cls.instance_attrs.get(attrname, ()):
        parent = assign.parent
        if isinstance(parent, nodes.Assign):
            values.append(parent.value)
        elif isinstance(parent, nodes.AnnAssign) and parent.value is not None:
            values.append(parent.value)
    return values


def is_variable_value(value: nodes.NodeNG | None, resolver: NameResolver) -> bool:
    """True when ``value`` creates a ``tf.Variable`` (or a Keras weight)."""
    if isinstance(value, nodes.Call):
        api = resolver.api(value.func) or ""
        if api in tfapi.VARIABLE_CONSTRUCTORS:
            return True
        if isinstance(value.func, nodes.Attribute) and value.func.attrname in ("add_weight", "add_variable"):
            return True
    return False


def is_python_value(expr: nodes.NodeNG) -> bool:
    """True for expressions that are plain Python values whatever the inputs are."""
    if isinstance(expr, nodes.Const):
        return True
    if isinstance(expr, (nodes.List, nodes.Tuple, nodes.Set)):
        return all(is_python_value(e) for e in expr.elts)
    if isinstance(expr, nodes.Dict):
        return all(is_python_value(k) and is_python_value(v) for k, v in expr.items)
    if isinstance(expr, nodes.UnaryOp):
        return is_python_value(expr.operand)
    if isinstance(expr, nodes.BinOp):
        return is_python_value(expr.left) and is_python_value(expr.right)
    return False


def is_mutating_call(call: nodes.Call, owner: Owner, container_known: bool) -> bool:
    """True when ``call`` mutates a Python container in place (``x.append``, ``d.update`` ...).

    Method names alone prove little (a ``TFDeque`` has ``extend`` too), so the receiver
    must be known to be a container, except for ``append``-like calls on an argument.
    """
    if not isinstance(call.func, nodes.Attribute):
        return False
    method = call.func.attrname
    if method not in pyapi.UNAMBIGUOUS_MUTATORS and method not in pyapi.AMBIGUOUS_MUTATORS:
        return False
    if container_known:
        return True
    return owner.kind == "argument" and method in pyapi.UNAMBIGUOUS_MUTATORS


def container_known(receiver: nodes.NodeNG, owner: Owner, resolver: NameResolver, classes) -> bool:
    """Whether the mutated receiver is known to be a Python container.

    ``classes`` are the method's class and its project base classes, where
    ``self.<attr> = []`` may have been written.
    """
    if isinstance(receiver, nodes.Name):
        return is_container_value(owner.binding_value, resolver)
    if isinstance(receiver, nodes.Attribute) and owner.kind == "self":
        if isinstance(receiver.expr, nodes.Name) and receiver.expr.name == owner.name:
            return any(
                is_container_value(value, resolver)
                for cls in classes
                for value in attribute_values(cls, receiver.attrname)
            )
    return False


def _is_parameter(func: nodes.FunctionDef | nodes.Lambda, name: str) -> bool:
    args = func.args
    every = (args.posonlyargs or []) + (args.args or []) + (args.kwonlyargs or [])
    return any(a.name == name for a in every) or name in (args.vararg, args.kwarg)


def _first_parameter(func: nodes.FunctionDef | nodes.Lambda) -> str | None:
    every = (func.args.posonlyargs or []) + (func.args.args or [])
    return every[0].name if every else None


def changed_globals(module: nodes.Module, resolver: NameResolver) -> dict[str, int]:
    """Module-level Python values that the module changes after defining them.

    Maps the name to the first line that changes it: a rebinding through ``global`` in a
    function, a rebinding in a module-level loop, or an in-place mutation (``x.append``,
    ``x[k] = v``) in a function or a loop. Straight-line module-level reassignment
    (configuration set before anything is traced) does not count.
    """
    python_valued = set()
    for name, all_bindings in module.locals.items():
        # astroid also files `other_module.NAME = ...` from modules built earlier under
        # NAME: assignments elsewhere, and the reason the answer would depend on build order.
        bindings = [b for b in all_bindings if not isinstance(b, nodes.AssignAttr)]
        if any(isinstance(b, (nodes.Import, nodes.ImportFrom, nodes.ClassDef, nodes.FunctionDef)) for b in bindings):
            continue
        for binding in bindings:
            value = assigned_value(binding)
            if value is not None and (is_python_value(value) or is_container_value(value, resolver)):
                python_valued.add(name)
                break
            if _in_function(binding) and not _is_lazy_init(binding, resolver):
                python_valued.add(name)  # rebound through `global`: whatever it holds changes
                break
    changes: dict[str, int] = {}

    def note(name: str, line: int) -> None:
        if name in python_valued and (name not in changes or line < changes[name]):
            changes[name] = line

    for name in python_valued:
        for binding in module.locals[name]:
            if isinstance(binding, nodes.AssignName) and (_in_function(binding) or _in_loop(binding)):
                if not _is_lazy_init(binding, resolver):
                    note(name, binding.lineno)
    for node in module_nodes(module, (nodes.Call, nodes.Subscript)):
        if isinstance(node, nodes.Call):
            func = node.func
            mutated = (
                func.expr
                if isinstance(func, nodes.Attribute)
                and (func.attrname in pyapi.UNAMBIGUOUS_MUTATORS or func.attrname in pyapi.AMBIGUOUS_MUTATORS)
                else None
            )
        else:
            mutated = node.value if node.ctx in (Context.Store, Context.Del) else None
        if isinstance(mutated, nodes.Name) and mutated.name in python_valued:
            if (_in_function(node) or _in_loop(node)) and _is_module_name(mutated):
                note(mutated.name, node.lineno)
    return changes


def _is_lazy_init(binding: nodes.NodeNG, resolver: NameResolver) -> bool:
    """``if X is None: X = ...`` or ``X = tf.Variable(...)``: set once, never changed after."""
    parent = binding.parent
    value = parent.value if isinstance(parent, (nodes.Assign, nodes.AnnAssign)) else None
    return inside_guard_on(binding, binding.name) or is_variable_value(value, resolver)


def inside_guard_on(node: nodes.NodeNG, target: str) -> bool:
    """True inside ``if self.x is None:`` / ``if first_call:`` guards on the same name."""
    current = node.parent
    while current is not None and not isinstance(current, (nodes.FunctionDef, nodes.Lambda)):
        if isinstance(current, nodes.If):
            for part in current.test.nodes_of_class((nodes.Attribute, nodes.Name)):
                if getattr(part, "attrname", None) == target or getattr(part, "name", None) == target:
                    return True
        current = current.parent
    return False


def is_mutated_here(name: nodes.Name) -> bool:
    """True when ``name`` is the receiver of an in-place mutation (``name.append``, ``name[k] = v``)."""
    parent = name.parent
    if isinstance(parent, nodes.Attribute) and parent.expr is name:
        return parent.attrname in pyapi.UNAMBIGUOUS_MUTATORS or parent.attrname in pyapi.AMBIGUOUS_MUTATORS
    if isinstance(parent, nodes.Subscript) and parent.value is name:
        return parent.ctx in (Context.Store, Context.Del)
    return False


def _is_module_name(name: nodes.Name) -> bool:
    scope, _ = scope_lookup(name, name.name)
    if scope is None:  # astroid could not look it up: unknown
        return False
    return isinstance(scope, nodes.Module) and scope.name != "builtins"


def _in_function(node: nodes.NodeNG) -> bool:
    return isinstance(node.scope(), (nodes.FunctionDef, nodes.Lambda))


def _in_loop(node: nodes.NodeNG) -> bool:
    current = node.parent
    while current is not None and not isinstance(
        current, (nodes.FunctionDef, nodes.Lambda, nodes.ClassDef, nodes.Module)
    ):
        if isinstance(current, (nodes.For, nodes.While, nodes.Comprehension)):
            return True
        current = current.parent
    return False
