"""What the shape of the code says, without inference: arguments, defaults, decorators,
generators, loops and whether a body may fall off its end.

Kept apart from the engine so that each helper reads as one fact about the syntax tree.
"""

from __future__ import annotations

from astroid import nodes

from tflint.facts import tensor_api

FUNCTIONS = (nodes.FunctionDef, nodes.Lambda)
LOOPS = (nodes.For, nodes.While)

# :func:`argument` cannot tell which parameter a ``*args`` / ``**kwargs`` argument fills.
STARRED = object()


# ---- calls -----------------------------------------------------------------------------
def all_arguments(call: nodes.Call) -> list[nodes.NodeNG]:
    """The positional and keyword argument values of ``call`` (without ``*``/``**`` ones)."""
    found = [a for a in call.args if not isinstance(a, nodes.Starred)]
    return found + [kw.value for kw in call.keywords or () if kw.arg is not None]


def keyword(call: nodes.Call, name: str) -> nodes.NodeNG | None:
    """The value ``call`` passes as the keyword argument ``name``, or None."""
    for kw in call.keywords or ():
        if kw.arg == name:
            return kw.value
    return None


def argument(call: nodes.Call, name: str, index: int | None):
    """The argument ``call`` passes for parameter ``name`` (at ``index``), :data:`STARRED`, or None."""
    for kw in call.keywords or ():
        if kw.arg == name:
            return kw.value
        if kw.arg is None:
            return STARRED
    if index is not None:
        for position, arg in enumerate(call.args):
            if isinstance(arg, nodes.Starred):
                return STARRED
            if position == index:
                return arg
    return None


def structured_output(call: nodes.Call) -> bool:
    """True when a Keras constructor or call is asked for several outputs (``return_state=True``)."""
    return any(
        kw.arg in tensor_api.KERAS_STRUCTURED_OUTPUT_KEYWORDS
        and not (isinstance(kw.value, nodes.Const) and kw.value.value is False)
        for kw in call.keywords or ()
    )


def kept_in_local(expr: nodes.NodeNG) -> str | None:
    """The local name in ``name = expr``, when ``expr`` is the whole value of a plain assignment."""
    parent = expr.parent
    if isinstance(parent, nodes.Assign) and parent.value is expr and len(parent.targets) == 1:
        target = parent.targets[0]
        if isinstance(target, nodes.AssignName):
            return target.name
    return None


# ---- functions -------------------------------------------------------------------------
def default_of(func, name: str) -> nodes.NodeNG | None:
    """The default expression of parameter ``name`` of ``func``, or None."""
    args = func.args
    positional = (args.posonlyargs or []) + (args.args or [])
    defaults = args.defaults or []
    offset = len(positional) - len(defaults)
    for position, arg in enumerate(positional):
        if arg.name == name and position >= offset:
            return defaults[position - offset]
    for arg, default in zip(args.kwonlyargs or [], args.kw_defaults or [], strict=False):
        if arg.name == name:
            return default
    return None


def required_positional(func) -> int:
    """How many positional parameters of ``func`` have no default."""
    args = func.args
    positional = (args.posonlyargs or []) + (args.args or [])
    return len(positional) - len(args.defaults or [])


def is_method(func) -> bool:
    """True for a function defined in a class body that receives ``self`` or ``cls``."""
    if not isinstance(func, nodes.FunctionDef) or not isinstance(func.parent, nodes.ClassDef):
        return False
    decorators = func.decorators.nodes if func.decorators else []
    return not any(isinstance(d, nodes.Name) and d.name == "staticmethod" for d in decorators)


def is_property(func: nodes.FunctionDef) -> bool:
    """True when a decorator of ``func`` ends in ``property`` (``cached_property`` too)."""
    for decorator in func.decorators.nodes if func.decorators else ():
        name = decorator.name if isinstance(decorator, nodes.Name) else getattr(decorator, "attrname", "")
        if name.endswith("property"):
            return True
    return False


def is_decorator(node: nodes.NodeNG) -> bool:
    """True when ``node`` is one of the decorators of a definition."""
    return isinstance(node.parent, nodes.Decorators)


def is_generator(func) -> bool:
    """True when ``func`` itself (not a nested function) yields."""
    return any(
        isinstance(node, (nodes.Yield, nodes.YieldFrom)) and node.scope() is func
        for node in func.nodes_of_class((nodes.Yield, nodes.YieldFrom))
    )


def rebinds(scope, name: str) -> bool:
    """True when the function ``scope`` has its own local ``name`` (shadowing an outer one)."""
    return isinstance(scope, FUNCTIONS) and name in scope.locals


# ---- control flow ----------------------------------------------------------------------
def loop_carried(node: nodes.Name, scope) -> list[nodes.NodeNG]:
    """Bindings of ``node``'s name later in an enclosing loop body: they reach it on the next pass."""
    found: list[nodes.NodeNG] = []
    current = node.parent
    while current is not None and current is not scope:
        if isinstance(current, LOOPS):
            for binding in scope.locals.get(node.name, ()):
                if binding.lineno is not None and node.lineno is not None and binding.lineno > node.lineno:
                    if current.parent_of(binding) and binding not in found:
                        found.append(binding)
        current = current.parent
    return found


def may_fall_off(body: list[nodes.NodeNG]) -> bool:
    """True when running ``body`` may reach its end (a function then returns None)."""
    return not any(_always_exits(statement) for statement in body)


def _always_exits(statement: nodes.NodeNG) -> bool:
    if isinstance(statement, (nodes.Return, nodes.Raise)):
        return True
    if isinstance(statement, nodes.If):
        return bool(statement.orelse) and not may_fall_off(statement.body) and not may_fall_off(statement.orelse)
    if isinstance(statement, nodes.With):
        return not may_fall_off(statement.body)
    if isinstance(statement, nodes.Try):
        return not may_fall_off(statement.body) and all(not may_fall_off(h.body) for h in statement.handlers)
    if isinstance(statement, nodes.While):
        forever = isinstance(statement.test, nodes.Const) and bool(statement.test.value)
        return forever and not any(b.scope() is statement.scope() for b in statement.nodes_of_class(nodes.Break))
    return False
