"""TF1 leftovers: the table of TF1-only API, and the TF1 uses of one module, grouped.

The table ``tflint/facts/data/tf1_api.json`` is generated from a real TensorFlow by
``python -m tools.tf1_table``; it is read here lazily, once. TensorFlow is never imported.

:func:`uses_at` answers the tf-v1-* checkers from one pass over the module
(:func:`_module_uses`): one use per Session, placeholder or behaviour switch; one per
session call (``sess.run``) per function; one per TF1-only symbol per function, counting
the further uses; one per removed module (``tf.contrib``) per module, or at its import.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass

from astroid import nodes
from pylint.interfaces import HIGH, INFERENCE, Confidence

from tflint.analysis import context
from tflint.analysis.astutil import has_keyword
from tflint.analysis.graph import function_label
from tflint.analysis.index import module_nodes
from tflint.analysis.names import api_name, scope_lookup
from tflint.analysis.project import ModuleFact
from tflint.facts import DATA, tf1_replacements

TABLE_PATH = DATA / "tf1_api.json"
# Table statuses that make a symbol TF1-only ("compatible" ones mean the same in TF2).
REPORTED_STATUSES = frozenset({"missing", "moved", "changed"})

SESSION = "tf-v1-session"
PLACEHOLDER = "tf-v1-placeholder"
EAGER = "tf-disable-eager-execution"
API = "tf-v1-api"
REMOVED = "tf-v1-removed-module"

# Paths under tf.compat.v1, routed to their own rule instead of tf-v1-api.
SESSION_SYMBOLS = frozenset(
    {
        "Session",
        "InteractiveSession",
        "get_default_session",
        "train.MonitoredTrainingSession",
        "train.MonitoredSession",
        "train.SingularMonitoredSession",
    }
)
PLACEHOLDER_SYMBOLS = frozenset(
    {"placeholder", "placeholder_with_default", "sparse_placeholder", "sparse.placeholder", "ragged.placeholder"}
)
EAGER_SYMBOLS = frozenset(
    {
        "disable_eager_execution",
        "disable_v2_behavior",
        "disable_resource_variables",
        "disable_v2_tensorshape",
        "disable_control_flow_v2",
        "disable_tensor_equality",
    }
)
# Keras's TF1 session accessors, by canonical Keras name (any home: tf.compat.v1.keras, tf_keras...).
KERAS_SESSION_GETTERS = frozenset({"keras.backend.get_session"})
KERAS_SESSION_SYMBOLS = KERAS_SESSION_GETTERS | {"keras.backend.set_session"}
_SPECIFIC_RULES = {
    **{path: SESSION for path in SESSION_SYMBOLS},
    **{path: PLACEHOLDER for path in PLACEHOLDER_SYMBOLS},
    **{path: EAGER for path in EAGER_SYMBOLS},
}
# Methods of a Session that run its graph.
SESSION_METHODS = frozenset({"run", "partial_run", "partial_run_setup", "make_callable"})
# tf.test.TestCase methods that return a TF1 session.
TEST_SESSION_METHODS = frozenset({"session", "cached_session", "test_session"})
# Tensor.eval / Operation.run take feed_dict and run in the default session.
DEFAULT_SESSION_METHODS = frozenset({"eval", "run"})
_IMPORT_ERRORS = frozenset({"ImportError", "ModuleNotFoundError", "Exception", "BaseException"})


@functools.lru_cache(maxsize=1)
def table() -> dict:
    """The generated table (read once per process)."""
    with TABLE_PATH.open(encoding="utf-8") as handle:
        return json.load(handle)


def tensorflow_version() -> str:
    """The TensorFlow release the table was generated from."""
    return table()["tensorflow_version"]


@dataclass(frozen=True)
class TFName:
    """A TensorFlow name and the namespace it is reached through.

    ``namespace`` is ``"v1"`` (``tf.compat.v1``), ``"v2"`` (``tf.compat.v2``) or ``"tf"``
    (TensorFlow's top level, which in TF2 is the v2 API).
    """

    namespace: str
    path: str

    @property
    def spelled(self) -> str:
        """``tf.compat.v1.placeholder`` / ``tf.Session``."""
        prefix = {"v1": "tf.compat.v1", "v2": "tf.compat.v2"}.get(self.namespace, "tf")
        return f"{prefix}.{self.path}" if self.path else prefix


@dataclass(frozen=True)
class Entry:
    """The table entry that makes a name TF1-only; ``key`` is the matched table path."""

    key: str
    status: str
    kind: str
    tf2: str | None = None
    upgrade: str | None = None


def split(raw: str | None) -> TFName | None:
    """``tensorflow.compat.v1.train.Saver`` -> ``TFName("v1", "train.Saver")``; None if not TF."""
    if not raw or not (raw == "tensorflow" or raw.startswith("tensorflow.")):
        return None
    rest = raw[len("tensorflow.") :] if raw != "tensorflow" else ""
    namespace = "tf"
    while True:
        if rest.startswith("_api.v2."):
            rest = rest[len("_api.v2.") :]
        elif rest == "compat.v1" or rest.startswith("compat.v1."):
            namespace, rest = "v1", rest[len("compat.v1.") :]
        elif rest == "compat.v2" or rest.startswith("compat.v2."):
            namespace, rest = "v2", rest[len("compat.v2.") :]
        else:
            return TFName(namespace, rest)


def lookup(name: TFName) -> Entry | None:
    """The entry that makes ``name`` TF1-only, or None when TF2 has it with the same meaning.

    The longest table path that is ``name`` or holds it decides (``layers`` for
    ``layers.dense``). Under TF's top level (and ``tf.compat.v2``) only names TF2 lacks
    count: there, ``tf.X`` is TF2's own ``X``; and the Keras-provided modules
    (``tf.losses``) are left alone, since their contents follow the installed Keras.
    """
    if not name.path:
        return None
    data = table()
    symbols = data["symbols"]
    parts = name.path.split(".")
    if name.namespace != "v1" and (
        parts[0] in data["keras_modules"] or (name.namespace == "v2" and parts[0] in data["compat_v2_only"])
    ):
        return None
    for end in range(len(parts), 0, -1):
        key = ".".join(parts[:end])
        entry = symbols.get(key)
        if entry is None:
            continue
        status = entry["status"]
        if status not in REPORTED_STATUSES or (name.namespace != "v1" and status == "changed"):
            return None
        return Entry(key, status, entry["kind"], entry.get("tf2"), entry.get("upgrade"))
    return None


def removed_module(name: TFName) -> tuple[str, str] | None:
    """``("contrib", "2.0")`` when ``name`` lies in a module TF2 removed."""
    top = name.path.split(".")[0]
    version = table()["removed_modules"].get(top)
    return (top, version) if version else None


def removed_rename(path: str) -> str | None:
    """TF2's name for a symbol of a removed module (``contrib.framework.nest.flatten`` -> ``nest.flatten``)."""
    return table()["removed_renames"].get(path)


def group_key(entry: Entry, name: TFName) -> tuple[str, bool]:
    """What repeated uses are grouped by: a TF1-only module as a whole, else the symbol.

    Returns ``(path, is_module)``: ``tf.compat.v1.logging.info`` and ``logging.ERROR``
    group as ``logging``; ``train.AdamOptimizer`` groups alone.
    """
    symbols = table()["symbols"]
    parts = name.path.split(".")
    for end in range(1, len(parts)):
        prefix = ".".join(parts[:end])
        found = symbols.get(prefix)
        if found and found["kind"] == "module" and found["status"] == "missing":
            return prefix, True
    if entry.kind == "module":
        return entry.key, True
    return entry.key, False


def is_session_value(raw: str | None) -> bool:
    """True for the raw name of an expression that is a TF1 session.

    ``tf.compat.v1.Session()``, ``tf.compat.v1.Session(...).as_default()``,
    ``tf.compat.v1.get_default_session()``, ``tf.compat.v1.keras.backend.get_session()``...
    """
    if not raw:
        return False
    while raw.endswith(".as_default()"):
        raw = raw[: -len(".as_default()")]
    if not raw.endswith("()"):
        return False
    callee = raw[:-2]
    if "(" in callee:
        return False
    if api_name(callee) in KERAS_SESSION_GETTERS:
        return True
    name = split(callee)
    return name is not None and name.path in SESSION_SYMBOLS and lookup(name) is not None


@dataclass
class Use:
    """One thing a tf-v1-* rule reports."""

    rule: str
    node: nodes.NodeNG
    spelled: str
    name: TFName | None = None
    entry: Entry | None = None
    session_call: bool = False
    group: str = ""
    group_is_module: bool = False
    more: int = 0
    scope: str = "this module"
    feed_dict: bool = False
    test_session: bool = False  # from a TestCase's self.session()/cached_session()
    group_feed_dict: bool = False
    failure: str = ""
    confidence: Confidence = HIGH

    @property
    def path(self) -> str:
        """The TF path used (``train.AdamOptimizer``), or ``""``."""
        return self.name.path if self.name else ""


def uses_at(node: nodes.NodeNG, rule: str) -> list[Use]:
    """What ``rule`` reports at ``node`` (computed once per module)."""
    module = node.root()
    if not isinstance(module, nodes.Module):
        return []
    return [use for use in module_uses(module).get(id(node), ()) if use.rule == rule]


def module_uses(module: nodes.Module) -> dict[int, list[Use]]:
    """Every use the tf-v1-* rules report in ``module``, by ``id`` of the reported node."""
    return context.project().fact(module, TF1_USES)


# ---- the module pass ----------------------------------------------------------------------


def _module_uses(module: nodes.Module) -> dict[int, list[Use]]:
    if not _imports_tensorflow(module):
        return {}
    return _ModuleScan(module).run()


TF1_USES = ModuleFact("TF1 uses", _module_uses)


def _imports_tensorflow(module: nodes.Module) -> bool:
    for node in module_nodes(module, (nodes.Import, nodes.ImportFrom)):
        names = [node.modname] if isinstance(node, nodes.ImportFrom) else [n for n, _ in node.names]
        if any(n and n.split(".")[0] in ("tensorflow", "keras", "tf_keras") for n in names):
            return True
    return False


_SCANNED = (nodes.Import, nodes.ImportFrom, nodes.Call, nodes.Name, nodes.Attribute)


class _ModuleScan:
    """One pass over a module: finds every TF1 use, then groups the repeated ones."""

    def __init__(self, module: nodes.Module) -> None:
        self.module = module
        self.resolver = context.names(module)
        self.singles: list[Use] = []
        self.groups: dict[tuple, list[Use]] = {}
        self.removed_imports: set[int] = set()
        self.session_calls: set[int] = set()

    def run(self) -> dict[int, list[Use]]:
        # One walk of the module; the three kinds are still scanned in this order, because
        # references look at what the imports and session calls found.
        imports: list[nodes.Import | nodes.ImportFrom] = []
        calls: list[nodes.Call] = []
        references: list[nodes.Name | nodes.Attribute] = []
        for node in module_nodes(self.module, _SCANNED):
            if isinstance(node, nodes.Call):
                calls.append(node)
            elif isinstance(node, (nodes.Name, nodes.Attribute)):
                references.append(node)
            else:
                imports.append(node)
        for node in imports:
            self._scan_import(node)
        for node in calls:
            self._scan_session_call(node)
        for node in references:
            self._scan_reference(node)
        return self._result()

    # -- imports of removed modules ---------------------------------------------------------
    def _scan_import(self, node: nodes.Import | nodes.ImportFrom) -> None:
        if isinstance(node, nodes.Import):
            candidates = [(modname, "ModuleNotFoundError") for modname, _ in node.names]
        elif node.level:
            return
        else:
            own = split(node.modname)
            failure = "ModuleNotFoundError" if own and removed_module(own) else "ImportError"
            candidates = [(f"{node.modname}.{imported}", failure) for imported, _ in node.names if imported != "*"]
        for raw, failure in candidates:
            name = split(raw)
            removed = removed_module(name) if name else None
            if removed:
                # Uses of the imported name are the import's business (and silent when guarded).
                self.removed_imports.add(id(node))
                if _guarded_import(node):
                    return
                self.singles.append(
                    Use(
                        REMOVED,
                        node,
                        node.as_string(),
                        name,
                        group=removed[0],
                        failure=f"the import fails with {failure}",
                    )
                )
                return

    # -- sess.run(...), x.eval(feed_dict=...) -----------------------------------------------
    def _scan_session_call(self, call: nodes.Call) -> None:
        func = call.func
        if not isinstance(func, nodes.Attribute):
            return
        feed_dict = has_keyword(call, "feed_dict")
        confidence = None
        test_session = False
        if func.attrname in SESSION_METHODS:
            if is_session_value(self.resolver.raw(func.expr)):
                confidence = HIGH
            elif self._is_session_attribute(func.expr):
                confidence = INFERENCE
            elif _is_test_session(func.expr):
                confidence, test_session = INFERENCE, True
        if confidence is None and feed_dict and func.attrname in DEFAULT_SESSION_METHODS:
            if self._session_keyword(call) or self._inside_session_block(call):
                confidence = HIGH
        if confidence is None:
            return
        self.session_calls.add(id(call))
        scope = _scope(call)
        use = Use(
            SESSION,
            call,
            f"{func.as_string()}(...)",
            session_call=True,
            feed_dict=feed_dict,
            scope=_scope_label(scope),
            confidence=confidence,
            test_session=test_session,
        )
        self.groups.setdefault((SESSION, id(scope), "session-call"), []).append(use)

    def _is_session_attribute(self, expr: nodes.NodeNG) -> bool:
        """``self.sess`` where the class assigns ``self.sess = tf.compat.v1.Session(...)``."""
        if not (isinstance(expr, nodes.Attribute) and isinstance(expr.expr, nodes.Name) and expr.expr.name == "self"):
            return False
        func = context.enclosing_function(expr)
        cls = func.parent.frame() if isinstance(func, nodes.FunctionDef) and func.parent else None
        if not isinstance(cls, nodes.ClassDef):
            return False
        for assign in cls.instance_attrs.get(expr.attrname, ()):
            # Only `self.<attr> = ...` in the class's own methods: astroid also records
            # `obj.<attr> = ...` made elsewhere, which says nothing about this class.
            if not (isinstance(assign.expr, nodes.Name) and assign.expr.name == "self"):
                continue
            method = context.enclosing_function(assign)
            if not (isinstance(method, nodes.FunctionDef) and method.parent is cls):
                continue
            parent = assign.parent
            value = parent.value if isinstance(parent, (nodes.Assign, nodes.AnnAssign)) else None
            if value is not None and is_session_value(self.resolver.raw(value)):
                return True
        return False

    def _session_keyword(self, call: nodes.Call) -> bool:
        return any(kw.arg == "session" and is_session_value(self.resolver.raw(kw.value)) for kw in call.keywords or ())

    def _inside_session_block(self, node: nodes.NodeNG) -> bool:
        current = node.parent
        while current is not None and not isinstance(current, (nodes.FunctionDef, nodes.Module)):
            if isinstance(current, nodes.With) and any(
                is_session_value(self.resolver.raw(expr)) for expr, _ in current.items
            ):
                return True
            current = current.parent
        return False

    # -- names: tf.compat.v1.X, tf.X, v1.X, X --------------------------------------------------
    def _scan_reference(self, node: nodes.Name | nodes.Attribute) -> None:
        parent = node.parent
        if isinstance(parent, nodes.Attribute) and parent.expr is node:
            return  # the outermost attribute of the chain speaks for it
        if not self.resolver.may_resolve_to_import(node):
            return  # `x.shape` with `x = tf.constant(...)`: a call result, not TF1 API
        raw = self.resolver.raw(node)
        if not raw or "(" in raw or not raw.startswith(("tensorflow", "keras", "tf_keras")):
            return
        if self._bound_to_removed_import(node):
            return
        call = parent if isinstance(parent, nodes.Call) and parent.func is node else None
        spelled = node.as_string()
        keras_api = api_name(raw)
        if keras_api in KERAS_SESSION_SYMBOLS:
            # Only calls: a session type named in an annotation is no use of it.
            if call is not None and not self._is_session_receiver(call):
                keras_name = TFName("v1", keras_api)
                self.singles.append(Use(SESSION, call, spelled, keras_name))
            return
        name = split(raw)
        if name is None:
            return
        removed = removed_module(name)
        if removed:
            if self._checked_presence(node, removed[0]):
                return
            use = Use(REMOVED, node, spelled, name, group=removed[0], failure="it fails with AttributeError")
            self.groups.setdefault((REMOVED, 0, removed[0]), []).append(use)
            return
        if name.namespace == "v1" and name.path in tf1_replacements.TF2_SAFE:
            return
        if name.namespace == "v1" and name.path in tf1_replacements.TF2_GRAPH_SAFE and self._graph_only(node):
            return
        entry = lookup(name)
        if entry is None:
            return
        rule = _SPECIFIC_RULES.get(name.path)
        if rule is not None:
            if call is not None and not (rule == SESSION and self._is_session_receiver(call)):
                self.singles.append(Use(rule, call, spelled, name, entry))
        elif _in_annotation(node):
            return
        else:
            scope = _scope(node)
            group, is_module = group_key(entry, name)
            use = Use(
                API, node, spelled, name, entry, group=group, group_is_module=is_module, scope=_scope_label(scope)
            )
            self.groups.setdefault((API, id(scope), group), []).append(use)

    def _graph_only(self, node: nodes.NodeNG) -> bool:
        """True where only graph code runs: traced functions, ``if not tf.executing_eagerly():``.

        A function defined in a graph-only branch counts as graph code too (a helper
        mapped over tensors right there): the branch is the only place that defines it.
        """
        child, current = node, node.parent
        while current is not None and not isinstance(current, nodes.Module):
            if isinstance(current, nodes.If) and self._eager_test(current.test) is not None:
                eager_when_true = self._eager_test(current.test)
                if child in (current.orelse if eager_when_true else current.body):
                    return True
            if isinstance(current, nodes.BoolOp) and child in current.values:
                # `not eager and X` / `eager or X`: X is evaluated only in graph code
                graph_side = False if current.op == "and" else True
                before = current.values[: current.values.index(child)]
                if any(self._eager_test(value) is graph_side for value in before):
                    return True
            child, current = current, current.parent
        return context.graph_context(node) is not None

    def _eager_test(self, test: nodes.NodeNG) -> bool | None:
        """True for ``tf.executing_eagerly()``, False for its negation, else None."""
        if isinstance(test, nodes.UnaryOp) and test.op == "not":
            inner = self._eager_test(test.operand)
            return None if inner is None else not inner
        if isinstance(test, nodes.Call) and self.resolver.api(test.func) == "tensorflow.executing_eagerly":
            return True
        return None

    def _checked_presence(self, node: nodes.NodeNG, module: str) -> bool:
        """Under ``if hasattr(tf, "contrib"):``: the code already handles the module's absence."""
        child, current = node, node.parent
        while current is not None and not isinstance(current, nodes.Module):
            if isinstance(current, (nodes.If, nodes.IfExp)) and child is not current.test:
                body = current.body if isinstance(current.body, list) else [current.body]
                if child in body and any(self._is_presence_test(test, module) for test in _conjuncts(current.test)):
                    return True
            if isinstance(current, nodes.BoolOp) and current.op == "and" and child in current.values:
                before = current.values[: current.values.index(child)]
                if any(self._is_presence_test(test, module) for value in before for test in _conjuncts(value)):
                    return True
            child, current = current, current.parent
        return False

    def _is_presence_test(self, test: nodes.NodeNG, module: str) -> bool:
        """``hasattr(tf, "contrib")`` (or ``hasattr(tf.compat.v1, ...)``) for ``module``."""
        return (
            isinstance(test, nodes.Call)
            and self.resolver.api(test.func) == "builtins.hasattr"
            and len(test.args) == 2
            and isinstance(test.args[1], nodes.Const)
            and test.args[1].value == module
            and (self.resolver.raw(test.args[0]) or "").startswith("tensorflow")
        )

    def _bound_to_removed_import(self, node: nodes.NodeNG) -> bool:
        root = node
        while isinstance(root, nodes.Attribute):
            root = root.expr
        if not isinstance(root, nodes.Name) or not self.removed_imports:
            return False
        scope, bindings = scope_lookup(root, root.name)
        if scope is None:  # astroid could not look it up: unknown
            return False
        return any(id(binding) in self.removed_imports for binding in bindings)

    def _is_session_receiver(self, report: nodes.NodeNG) -> bool:
        """``tf.compat.v1.get_default_session().run(x)``: the session call speaks for both."""
        parent = report.parent
        return (
            isinstance(report, nodes.Call)
            and isinstance(parent, nodes.Attribute)
            and isinstance(parent.parent, nodes.Call)
            and parent.parent.func is parent
            and id(parent.parent) in self.session_calls
        )

    # -- grouping ---------------------------------------------------------------------------
    def _result(self) -> dict[int, list[Use]]:
        owners = {id(use.node) for use in self.singles if isinstance(use.node, nodes.Call)} | self.session_calls
        found: dict[int, list[Use]] = {}
        for use in self.singles:
            found.setdefault(id(use.node), []).append(use)
        for uses in self.groups.values():
            if uses[0].rule == API:
                uses = [use for use in uses if not _inside_any(use.node, owners)]
                if not uses:
                    continue
            uses.sort(key=lambda use: (use.node.lineno or 0, use.node.col_offset or 0))
            first = uses[0]
            first.more = len(uses) - 1
            first.group_feed_dict = any(use.feed_dict for use in uses)
            found.setdefault(id(first.node), []).append(first)
        return found


def _conjuncts(test: nodes.NodeNG) -> list[nodes.NodeNG]:
    """The parts of ``a and b and c`` (or ``[test]``)."""
    if isinstance(test, nodes.BoolOp) and test.op == "and":
        return [part for value in test.values for part in _conjuncts(value)]
    return [test]


def _is_test_session(expr: nodes.NodeNG) -> bool:
    """``sess`` bound by ``with self.cached_session() as sess:`` in a ``tf.test.TestCase``.

    ``session``, ``cached_session`` and ``test_session`` of TensorFlow's TestCase return a
    TF1 session; the class only has to derive from some ``...TestCase``.
    """
    if not isinstance(expr, nodes.Name):
        return False
    scope, bindings = scope_lookup(expr, expr.name)
    if scope is None:  # astroid could not look it up: unknown
        return False
    for binding in bindings:
        parent = binding.parent
        if not isinstance(parent, nodes.With):
            continue
        for item, target in parent.items:
            if (
                target is binding
                and isinstance(item, nodes.Call)
                and isinstance(item.func, nodes.Attribute)
                and item.func.attrname in TEST_SESSION_METHODS
                and isinstance(item.func.expr, nodes.Name)
                and item.func.expr.name == "self"
                and _in_test_case(parent)
            ):
                return True
    return False


def _in_test_case(node: nodes.NodeNG) -> bool:
    func = context.enclosing_function(node)
    cls = func.parent.frame() if isinstance(func, nodes.FunctionDef) and func.parent else None
    return isinstance(cls, nodes.ClassDef) and any(base.as_string().endswith("TestCase") for base in cls.bases)


def _guarded_import(node: nodes.NodeNG) -> bool:
    """An import in ``try: ... except ImportError:``: the code already handles its absence."""
    child, current = node, node.parent
    while current is not None and not isinstance(current, (nodes.FunctionDef, nodes.ClassDef, nodes.Module)):
        if isinstance(current, nodes.Try) and child in current.body:
            for handler in current.handlers:
                if handler.type is None or _names_import_error(handler.type):
                    return True
        child, current = current, current.parent
    return False


def _names_import_error(expr: nodes.NodeNG) -> bool:
    if isinstance(expr, nodes.Tuple):
        return any(_names_import_error(element) for element in expr.elts)
    return isinstance(expr, nodes.Name) and expr.name in _IMPORT_ERRORS


def _in_annotation(node: nodes.NodeNG) -> bool:
    """True inside a type annotation (``session: tf.compat.v1.Session``): a mention, not a use."""
    child, current = node, node.parent
    while current is not None:
        if isinstance(current, nodes.AnnAssign):
            return child is current.annotation
        if isinstance(current, nodes.FunctionDef):
            return child is current.returns
        if isinstance(current, nodes.Arguments):
            annotations = (
                *current.annotations,
                *current.posonlyargs_annotations,
                *current.kwonlyargs_annotations,
                current.varargannotation,
                current.kwargannotation,
            )
            return any(child is annotation for annotation in annotations)
        if current.is_statement:
            return False
        child, current = current, current.parent
    return False


def _inside_any(node: nodes.NodeNG, call_ids: set[int]) -> bool:
    """True when ``node`` is an argument (at any depth) of one of the calls ``call_ids``."""
    current = node.parent
    while current is not None and not isinstance(current, (nodes.FunctionDef, nodes.Module)):
        if id(current) in call_ids:
            return True
        current = current.parent
    return False


def _scope(node: nodes.NodeNG) -> nodes.FunctionDef | None:
    """The function (not lambda) whose body holds ``node``; None at module level."""
    func = context.enclosing_function(node)
    while func is not None and not isinstance(func, nodes.FunctionDef):
        func = context.enclosing_function(func)
    return func


def _scope_label(scope: nodes.FunctionDef | None) -> str:
    return f"`{function_label(scope)}`" if scope is not None else "this module"
