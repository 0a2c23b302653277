"""Resolve the names a module uses to canonical dotted names, from its imports only.

``tf.function`` under ``import tensorflow as tf`` becomes ``tensorflow.function``;
``logger.info`` under ``logger = logging.getLogger()`` becomes ``logging.getLogger().info``.
Nothing here infers: we follow imports and simple assignments with astroid's scope
lookup, so TensorFlow's own package is never parsed.
"""

from __future__ import annotations

import builtins

from astroid import nodes

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
            raw = new + raw[len(old):]
    if raw.startswith(_V1):
        raw = "tensorflow." + raw[len(_V1):]
    for prefix in _KERAS_PREFIXES:
        if raw.startswith(prefix):
            return "keras." + raw[len(prefix):]
    if raw in ("tensorflow.keras", "tf_keras"):
        return "keras"
    return raw


class NameResolver:
    """Canonical dotted names for the expressions of one module (memoised)."""

    def __init__(self, module: nodes.Module) -> None:
        self.module = module
        self._cache: dict[int, str | None] = {}

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
        try:
            scope, assignments = node.lookup(node.name)
        except Exception:  # astroid raises on some malformed scopes; unknown is fine
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
                except Exception:
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
