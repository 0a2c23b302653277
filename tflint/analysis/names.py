"""Resolve the names a module uses to canonical dotted names, from its imports only.

``tf.function`` under ``import tensorflow as tf`` becomes ``tensorflow.function``;
``logger.info`` under ``logger = logging.getLogger()`` becomes ``logging.getLogger().info``.
Nothing here infers: we follow imports and simple assignments with astroid's scope
lookup, so TensorFlow's own package is never parsed.
"""

from __future__ import annotations

import builtins

from astroid import nodes
from astroid.exceptions import AstroidError

from tflint.analysis.index import module_nodes
from tflint.analysis.memo import text_memo

_MAX_DEPTH = 8

# Spellings of the same TF 2 API: the compat.v2 alias, and TF's private Keras paths.
_PREFIX_ALIASES = (
    ("tensorflow.compat.v2.", "tensorflow."),
    ("tensorflow._api.v2.", "tensorflow."),
)
_KERAS_PREFIXES = (
    "tensorflow.keras.",
    "tensorflow.python.keras.",
    "tf_keras.src.",
    "tf_keras.",
    "keras.src.",
    "keras.api.",
    "keras._tf_keras.keras.",
)
_V1 = "tensorflow.compat.v1."


@text_memo(maxsize=65536)
def api_name(raw: str | None) -> str | None:
    """Normalise a raw dotted name so that one API has one spelling.

    Keras in all its homes becomes ``keras.X``; ``tensorflow.compat.v1.X`` and
    ``tensorflow.compat.v2.X`` become ``tensorflow.X`` (rules that care about TF1
    look at the raw name instead).
    """
    if raw is None:
        return None
    for old, new in _PREFIX_ALIASES:
        if raw.startswith(old):
            raw = new + raw[len(old) :]
    if raw.startswith(_V1):
        raw = "tensorflow." + raw[len(_V1) :]
    for prefix in _KERAS_PREFIXES:
        if raw.startswith(prefix):
            return "keras." + raw[len(prefix) :]
    if raw in ("tensorflow.keras", "tf_keras"):
        return "keras"
    return raw


class NameResolver:
    """Canonical dotted names for the expressions of one module (memoised)."""

    def __init__(self, module: nodes.Module) -> None:
        self.module = module
        self._cache: dict[int, str | None] = {}
        self._bindings: _ModuleBindings | None = None

    def raw(self, node: nodes.NodeNG) -> str | None:
        """The dotted name ``node`` stands for, as imported, or None when unknown."""
        key = id(node)
        if key not in self._cache:
            self._cache[key] = None  # guards against self-referential bindings
            self._cache[key] = self._resolve(node, 0)
        return self._cache[key]

    def api(self, node: nodes.NodeNG) -> str | None:
        """Like :meth:`raw`, normalised by :func:`api_name`."""
        return api_name(self.raw(node))

    def sole_import(self, name: str) -> nodes.Import | nodes.ImportFrom | None:
        """The import that binds ``name`` everywhere in the module, when it is the only binding."""
        return self._module_bindings().only_import.get(name)

    def may_resolve_to_import(self, node: nodes.NodeNG) -> bool:
        """False when the name or attribute chain ``node`` surely resolves to nothing imported
        (only to a call result, a builtin or nothing): decided without resolving it."""
        start = _leftmost_name(node)
        return start is None or start in self._module_bindings().symbol_like or start.startswith("__")

    def may_define(self, name: str) -> bool:
        """False when no binding of ``name`` in the module is a def, a class, an import or a
        ``name = call(...)``: then it names no definition, whatever its scope."""
        return name in self._module_bindings().defining or name.startswith("__")

    def unbound(self, name: str) -> bool:
        """True when the module binds ``name`` nowhere (so it is a builtin or undefined)."""
        return name not in self._module_bindings().bound and not name.startswith("__")

    def _module_bindings(self) -> _ModuleBindings:
        if self._bindings is None:
            self._bindings = _ModuleBindings(self.module)
        return self._bindings

    def _resolve(self, node: nodes.NodeNG, depth: int) -> str | None:
        if depth > _MAX_DEPTH:
            return None
        if isinstance(node, nodes.Name):
            return self._resolve_name(node, depth)
        if isinstance(node, nodes.Attribute):
            base = self._resolve(node.expr, depth + 1)
            return f"{base}.{node.attrname}" if base else None
        if isinstance(node, nodes.Call):
            base = self._resolve(node.func, depth + 1)
            return f"{base}()" if base else None
        return None

    def _resolve_name(self, node: nodes.Name, depth: int) -> str | None:
        bindings = self._module_bindings()
        shortcut = bindings.without_lookup(node.name)
        if shortcut is not _LOOK_UP:
            return shortcut
        only = bindings.only_import.get(node.name)
        if only is not None:
            return self._resolve_binding(only, node.name, depth)
        scope, assignments = scope_lookup(node, node.name)
        if scope is None:  # astroid could not look it up: unknown
            return None
        if isinstance(scope, nodes.Module) and scope.name == "builtins":
            return f"builtins.{node.name}" if hasattr(builtins, node.name) else None
        if not assignments and node.name in vars(builtins):
            return f"builtins.{node.name}"
        for assignment in assignments:
            found = self._resolve_binding(assignment, node.name, depth)
            if found:
                return found
        return None

    def _resolve_binding(self, binding: nodes.NodeNG, name: str, depth: int) -> str | None:
        if isinstance(binding, nodes.Import):
            for modname, alias in binding.names:
                if alias == name:
                    return modname
                if alias is None and modname.split(".")[0] == name:
                    return name
            return None
        if isinstance(binding, nodes.ImportFrom):
            modname = binding.modname
            if binding.level:
                try:
                    modname = binding.root().relative_to_absolute_name(modname, binding.level)
                except AstroidError:  # more leading dots than packages: the import fails anyway
                    return None
            for imported, alias in binding.names:
                if imported == "*":
                    return f"{modname}.{name}"
                if (alias or imported) == name:
                    return f"{modname}.{imported}"
            return None
        if isinstance(binding, nodes.AssignName):
            value = _assigned_value(binding)
            if value is not None:
                return self._resolve(value, depth + 1)
        return None


_LOOK_UP = object()
_SCOPES = (
    nodes.FunctionDef,
    nodes.Lambda,
    nodes.ClassDef,
    nodes.ListComp,
    nodes.SetComp,
    nodes.DictComp,
    nodes.GeneratorExp,
)


class _ModuleBindings:
    """Which names of a module can resolve to anything: most names of a module (locals,
    parameters) never lead to an import or a builtin, and astroid's scope lookup, which
    filters every binding by position, is the dearest step of name resolution."""

    def __init__(self, module: nodes.Module) -> None:
        scopes = [module, *module_nodes(module, _SCOPES)]
        bound: set[str] = set()
        for scope in scopes[1:]:
            bound.update(scope.locals)
        # `import tensorflow as tf` at the top and `tf` bound nowhere else: every `tf` of the
        # module means that import, whatever its scope.
        self.only_import = {
            name: bindings[0]
            for name, bindings in module.locals.items()
            if len(bindings) == 1 and isinstance(bindings[0], (nodes.Import, nodes.ImportFrom)) and name not in bound
        }
        bound.update(module.locals)
        self.bound = bound
        # Names bound by an import somewhere, then (to a fixed point) names assigned from an
        # expression that starts with such a name or a builtin: all that _resolve can follow.
        imported: set[str] = set()
        simple_kinds: list[tuple[str, str, bool]] = []
        for scope in scopes:
            for name, bindings in scope.locals.items():
                for binding in bindings:
                    if isinstance(binding, (nodes.Import, nodes.ImportFrom)):
                        imported.add(name)
                    elif isinstance(binding, nodes.AssignName):
                        value = _assigned_value(binding)
                        start = _leftmost_name(value) if value is not None else None
                        if start is not None:
                            simple_kinds.append((name, start, isinstance(value, (nodes.Name, nodes.Attribute))))
        self.defining = _defining_names(scopes)
        simple = [(name, start) for name, start, _ in simple_kinds]
        derived = set(imported)
        self.derived = _closure(derived, simple, lambda start: start in _BUILTINS)
        # The same, following only assignments of plain chains (`v1 = tf.compat.v1`): a name
        # outside it resolves to a call result (`x = tf.constant(1)` -> `tensorflow.constant()`),
        # to a builtin, or to nothing, never to a module or an API symbol.
        chains = [(name, start) for name, start, is_chain in simple_kinds if is_chain]
        self.symbol_like = _closure(set(imported), chains, lambda start: False)

    def without_lookup(self, name: str):
        """The resolution of ``name`` when it needs no scope lookup, else ``_LOOK_UP``."""
        if name in self.derived or name.startswith("__"):
            return _LOOK_UP  # may be an import; dunders may be module attributes (__name__)
        if name in _BUILTINS:
            # A builtin the module also binds (a parameter called `id`) depends on the scope.
            return _LOOK_UP if name in self.bound else f"builtins.{name}"
        return None  # bound only to values that resolve to nothing, or not at all


_BUILTINS = frozenset(vars(builtins))


def _defining_names(scopes: list[nodes.NodeNG]) -> set[str]:
    """Names with a binding that can name a def, a class or an import: a ``def``, a ``class``,
    an import or ``name = call(...)`` (an instance); parameters and loop targets cannot."""
    found: set[str] = set()
    for scope in scopes:
        for name, bindings in scope.locals.items():
            for binding in bindings:
                if isinstance(binding, (nodes.FunctionDef, nodes.ClassDef, nodes.Import, nodes.ImportFrom)) or (
                    isinstance(binding, nodes.AssignName) and isinstance(assigned_value(binding), nodes.Call)
                ):
                    found.add(name)
                    break
    return found


def _closure(names: set[str], assignments: list[tuple[str, str]], also) -> set[str]:
    """``names`` plus, to a fixed point, every name assigned from one of them (or from a
    start that ``also`` accepts)."""
    changed = True
    while changed:
        changed = False
        for name, start in assignments:
            if name not in names and (start in names or also(start)):
                names.add(name)
                changed = True
    return names


def scope_lookup(node: nodes.NodeNG, name: str) -> tuple[nodes.NodeNG | None, list[nodes.NodeNG]]:
    """astroid's ``node.lookup(name)``: the scope binding ``name`` as seen from ``node``, and
    the bindings that can reach ``node``; ``(None, [])`` where astroid cannot tell (it raises
    its own errors on malformed scopes), so callers need no ``try`` that would also hide
    tflint's own bugs.

    astroid memoises ``lookup`` in one cache of the last 128 answers. tflint's tens of
    thousands of look-ups only pushed pylint's own answers out of it, and each answer kept
    there lived just long enough to count towards the next full garbage collection.
    """
    try:
        return node.scope().scope_lookup(node, name)
    except AstroidError:
        return None, []


def _leftmost_name(expr: nodes.NodeNG) -> str | None:
    """``a`` of ``a.b().c``: the name an attribute/call chain starts from."""
    while isinstance(expr, (nodes.Attribute, nodes.Call)):
        expr = expr.expr if isinstance(expr, nodes.Attribute) else expr.func
    return expr.name if isinstance(expr, nodes.Name) else None


def _assigned_value(binding: nodes.AssignName) -> nodes.NodeNG | None:
    """The expression bound to a plain name (``x = expr``, ``with expr as x``), if simple."""
    parent = binding.parent
    if isinstance(parent, (nodes.Assign, nodes.AnnAssign)) and isinstance(
        parent.value, (nodes.Name, nodes.Attribute, nodes.Call)
    ):
        targets = parent.targets if isinstance(parent, nodes.Assign) else [parent.target]
        if binding in targets:
            return parent.value
    if isinstance(parent, nodes.With):
        for expr, target in parent.items:
            if target is binding:
                return expr
    return None


def assigned_value(binding: nodes.NodeNG) -> nodes.NodeNG | None:
    """The value of ``binding`` when it is a plain ``name = value`` assignment."""
    if isinstance(binding, nodes.AssignName):
        parent = binding.parent
        if isinstance(parent, nodes.Assign) and binding in parent.targets:
            return parent.value
        if isinstance(parent, nodes.AnnAssign) and parent.target is binding:
            return parent.value
    return None
