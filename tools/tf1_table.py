"""Generate ``tflint/facts/data/tf1_api.json``: the TF1-only API, read from an installed TensorFlow.

Run ``python -m tools.tf1_table`` from the repository root (TensorFlow installed) and commit the result. The static
linter never runs this module (it imports TensorFlow): it reads the JSON through
:mod:`tflint.analysis.tf1`.

A public symbol reachable under ``tf.compat.v1`` is **TF1-only** when TensorFlow 2's
namespace (``tf.X``) has

- nothing at the same path (``missing``; ``moved`` when the very same object lives at
  another TF2 path, e.g. ``tf.compat.v1.log`` is ``tf.math.log``), or
- a different object whose meaning differs (``changed``): a function whose TF2 version
  has a parameter the TF1 one lacks, or a required parameter at another position
  (``tf.compat.v1.nn.dropout(x, keep_prob)`` vs ``tf.nn.dropout(x, rate)``), or a class
  that is not a subclass of its TF2 namesake, or a symbol that TensorFlow's own upgrade
  script (``tf_upgrade_v2``, shipped with TF) keeps as ``tf.compat.v1.X`` because TF2's
  ``tf.X`` does not replace it (``where``, the v1 asserts and initializers).

The upgrade script's rename table also gives missing symbols their TF2 name
(``tf.compat.v1.bincount`` -> ``tf.math.bincount``).

A different object with a compatible meaning (``tf.compat.v1.cond`` only adds deprecated
parameters to ``tf.cond``; ``tf.compat.v1.data.Dataset`` subclasses ``tf.data.Dataset``)
is recorded as ``compatible`` and not reported.

Modules TF1 had that neither namespace has any more (``tf.contrib``, ``tf.estimator``)
cannot be introspected: they are listed here by hand and kept when the installed
TensorFlow indeed lacks them.
"""

from __future__ import annotations

import inspect
import json
import os
import sys
import types
from pathlib import Path
from typing import Any

OUTPUT = Path(__file__).resolve().parent.parent / "tflint" / "facts" / "data" / "tf1_api.json"

# Top-level modules of TensorFlow 1.15 that TF2 dropped, with the release that dropped them.
# Kept only when the installed TensorFlow has them under neither tf.X nor tf.compat.v1.X.
REMOVED_MODULE_CANDIDATES = {
    "contrib": "2.0",
    "estimator": "2.16",
    "tools": "2.0",
}
# Subtrees not walked: they mirror the installed Keras rather than TensorFlow (with Keras 3,
# tf.compat.v1.keras is Keras 3's tf.keras shim), or they are the compat modules themselves.
SKIPPED = frozenset({"keras", "compat.v1", "compat.v2", "compat.v1.compat"})
_MAX_DEPTH = 6
_MISSING = object()


def is_module(obj: Any) -> bool:
    """True for modules, TF's module wrappers and lazy loaders."""
    return isinstance(obj, types.ModuleType)


def is_api_module(obj: Any) -> bool:
    """True for TensorFlow's generated API modules (``tensorflow._api.v2.*``).

    Other modules reachable from the API are implementation packages (``tf.dtensor``) or
    re-exported libraries (``tf.compat.v1.flags`` is absl's flags, ``tf.compat.v1.test.mock``
    is ``unittest.mock``): they are compared as a whole, never walked.
    """
    if not is_module(obj):
        return False
    try:
        name = object.__getattribute__(obj, "__name__")
    except Exception:  # pylint: disable=broad-exception-caught  # lazy loaders
        return False
    return isinstance(name, str) and name.startswith("tensorflow._api.")


def _parameters(func: Any) -> list[inspect.Parameter] | None:
    try:
        return list(inspect.signature(func).parameters.values())
    except (TypeError, ValueError):
        return None


def compatible_functions(v1: Any, v2: Any) -> bool:
    """True when a call written for ``v2`` means the same with ``v1``, and back.

    Every TF2 parameter must exist in the TF1 function with the same kind, every required
    TF2 parameter must sit at the same position, and every required TF1 parameter must
    exist in TF2. TF1 functions that only add deprecated keywords (``keep_dims``,
    ``strict``) are compatible; ``tf.compat.v1.nn.dropout(x, keep_prob)`` against
    ``tf.nn.dropout(x, rate)`` is not.
    """
    old, new = _parameters(v1), _parameters(v2)
    if old is None or new is None:
        return False
    old_by_name = {p.name: (i, p) for i, p in enumerate(old)}
    new_names = {p.name for p in new}
    renamed: set[str] = set()
    for index, param in enumerate(new):
        if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
            continue
        if param.name not in old_by_name:
            if _renamed_positional(old, index, param, new_names):
                renamed.add(old[index].name)
                continue
            return False
        old_index, old_param = old_by_name[param.name]
        if old_param.kind != param.kind and param.kind is not param.POSITIONAL_OR_KEYWORD:
            return False
        if param.default is param.empty and param.kind is not param.KEYWORD_ONLY and old_index != index:
            return False
    return all(
        p.name in new_names or p.name in renamed
        for p in old
        if p.default is p.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
    )


def _renamed_positional(
    old: list[inspect.Parameter], index: int, param: inspect.Parameter, new_names: set[str]
) -> bool:
    """A required parameter only renamed (``zeros_like(tensor)`` -> ``zeros_like(input)``).

    Positional calls mean the same when TF1 has a required parameter at the same position
    whose name TF2 no longer uses.
    """
    if param.default is not param.empty or index >= len(old):
        return False
    counterpart = old[index]
    return (
        counterpart.default is counterpart.empty
        and counterpart.kind is param.kind
        and counterpart.name not in new_names
    )


def compatible(v1: Any, v2: Any) -> bool:
    """True when the TF1 object ``v1`` means the same as its different TF2 namesake ``v2``.

    Classes: a subclass of the TF2 class (``DatasetV1`` of ``DatasetV2``), or a class whose
    constructor is compatible (the TF1 ``TFRecordDataset``). Functions: see
    :func:`compatible_functions`. Other values: equal.
    """
    if inspect.isclass(v1) and inspect.isclass(v2):
        try:
            if issubclass(v1, v2):
                return True
        except TypeError:
            return False
        return compatible_functions(v1, v2)
    if callable(v1) and callable(v2) and not inspect.isclass(v1) and not inspect.isclass(v2):
        return compatible_functions(v1, v2)
    try:
        return bool(v1 == v2)
    except Exception:  # pylint: disable=broad-exception-caught  # tensors and odd objects
        return False


def _kind(obj: Any) -> str:
    if is_module(obj):
        return "module"
    if inspect.isclass(obj):
        return "class"
    if callable(obj):
        return "function"
    return "constant"


def _public_names(module: Any) -> list[str]:
    try:
        names = dir(module)
    except Exception:  # pylint: disable=broad-exception-caught  # lazy loaders may fail on dir()
        return []
    return sorted(n for n in names if not n.startswith("_"))


def _get(module: Any, name: str) -> Any:
    try:
        return getattr(module, name)
    except Exception:  # pylint: disable=broad-exception-caught  # lazy loaders raise anything
        return _MISSING


def _lookup(root: Any, path: str) -> Any:
    obj = root
    for part in path.split("."):
        obj = _get(obj, part)
        if obj is _MISSING:
            return _MISSING
    return obj


def index_tf2(tf: Any) -> dict[int, str]:
    """``id(object) -> shortest public TF2 path`` of TF2's functions and classes."""
    found: dict[int, str] = {}
    seen: set[int] = set()
    stack: list[tuple[Any, str, int]] = [(tf, "", 0)]
    while stack:
        module, prefix, depth = stack.pop()
        if id(module) in seen or depth > _MAX_DEPTH:
            continue
        seen.add(id(module))
        for name in _public_names(module):
            path = prefix + name
            if path.split(".")[0] in ("compat", "keras", "raw_ops") or path in SKIPPED:
                continue
            obj = _get(module, name)
            if obj is _MISSING:
                continue
            if is_module(obj):
                if is_api_module(obj):
                    stack.append((obj, path + ".", depth + 1))
            elif inspect.isclass(obj) or inspect.isfunction(obj) or inspect.isbuiltin(obj) or callable(obj):
                known = found.get(id(obj))
                if known is None or _preferred(path, known):
                    found[id(obj)] = path
    return found


def _preferred(path: str, other: str) -> bool:
    """Stable TF2 spellings first, then the shortest."""

    def rank(p: str) -> tuple[int, int, str]:
        return ("experimental" in p.split("."), p.count("."), p)

    return rank(path) < rank(other)


def walk_v1(tf: Any) -> dict[str, dict[str, Any]]:
    """Classify every public symbol under ``tf.compat.v1`` against TF2's namespace."""
    tf2_paths = index_tf2(tf)
    table: dict[str, dict[str, Any]] = {}
    seen: set[int] = set()
    stack: list[tuple[Any, str, int]] = [(tf.compat.v1, "", 0)]
    while stack:
        module, prefix, depth = stack.pop()
        if depth > _MAX_DEPTH:
            continue
        for name in _public_names(module):
            path = prefix + name
            if path in SKIPPED:
                continue
            obj = _get(module, name)
            new = _lookup(tf, path)
            entry = _classify(obj, new, tf2_paths)
            if entry is not None:
                table[path] = entry
            if obj is not _MISSING and is_api_module(obj) and obj is not new and id(obj) not in seen:
                seen.add(id(obj))
                stack.append((obj, path + ".", depth + 1))
    return dict(sorted(table.items()))


def _classify(obj: Any, new: Any, tf2_paths: dict[int, str]) -> dict[str, Any] | None:
    if obj is _MISSING:
        # Listed but not loadable here (tf.compat.v1.layers needs tf_keras): TF1-only if
        # TF2 lacks it, and we cannot look inside.
        return {"status": "missing", "kind": "module"} if new is _MISSING else None
    if obj is new:
        return None
    kind = _kind(obj)
    if new is _MISSING:
        moved = tf2_paths.get(id(obj)) if kind in ("class", "function") else None
        if moved:
            return {"status": "moved", "kind": kind, "tf2": moved}
        return {"status": "missing", "kind": kind}
    if kind == "module" and is_module(new):
        return None  # same-named module: its members are compared one by one
    if compatible(obj, new):
        return {"status": "compatible", "kind": kind}
    return {"status": "changed", "kind": kind}


def removed_modules(tf: Any) -> dict[str, str]:
    """Candidate TF1 modules the installed TensorFlow has under neither namespace."""
    return {
        name: version
        for name, version in sorted(REMOVED_MODULE_CANDIDATES.items())
        if _get(tf, name) is _MISSING and _get(tf.compat.v1, name) is _MISSING
    }


def upgrade_script_tables() -> tuple[dict[str, str], frozenset[str]]:
    """``tf_upgrade_v2``'s rename table and the functions whose calls it rewrites.

    Returns ``({"tf.log": "tf.math.log", ...}, {"tf.nn.dropout", ...})``; empty when this
    TensorFlow build does not ship the upgrade script.
    """
    try:
        # pylint: disable-next=import-outside-toplevel
        from tensorflow.tools.compatibility import all_renames_v2, tf_upgrade_v2
    except Exception:  # pylint: disable=broad-exception-caught  # not shipped by every build
        return {}, frozenset()
    spec = tf_upgrade_v2.TFAPIChangeSpec()
    rewritten = set(spec.function_keyword_renames) | set(spec.function_reorders) | set(spec.function_transformers)
    return dict(all_renames_v2.symbol_renames), frozenset(rewritten)


def add_upgrade_verdicts(
    symbols: dict[str, dict[str, Any]], renames: dict[str, str], rewritten: frozenset[str]
) -> None:
    """Let ``tf_upgrade_v2`` decide what a different TF2 object means.

    When the upgrade script renames ``tf.X`` to ``tf.compat.v1.X``, TensorFlow itself says
    that TF2's ``tf.X`` does not replace it: the symbol is TF1-only even if its signature
    looks compatible (the v1 asserts, initializers, ``losses.Reduction``). A ``changed``
    symbol whose calls the script rewrites (``nn.dropout``'s ``keep_prob``) keeps that note.
    """
    for path, entry in symbols.items():
        if entry["status"] not in ("changed", "compatible"):
            continue
        name = "tf." + path
        if renames.get(name) == "tf.compat.v1." + path:
            entry["status"] = "changed"
            entry["upgrade"] = "keeps tf.compat.v1"
        elif entry["status"] == "changed" and name in rewritten:
            entry["upgrade"] = "rewrites the call"


def _tf2_target(tf: Any, target: str) -> str | None:
    """``tf.compat.v2.summary.audio`` -> ``summary.audio`` when TF2 really has it."""
    for prefix in ("tf.compat.v2.", "tf."):
        if target.startswith(prefix):
            path = target[len(prefix) :]
            if path.startswith("compat.") or _lookup(tf, path) is _MISSING:
                return None
            return path
    return None


def add_upgrade_renames(tf: Any, symbols: dict[str, dict[str, Any]], renames: dict[str, str]) -> None:
    """Give ``missing`` symbols the TF2 name ``tf_upgrade_v2`` renames them to."""
    for path, entry in symbols.items():
        if entry["status"] != "missing":
            continue
        target = renames.get("tf." + path)
        tf2 = _tf2_target(tf, target) if target else None
        if tf2:
            entry["tf2"] = tf2


def removed_renames(tf: Any, removed: dict[str, str], renames: dict[str, str]) -> dict[str, str]:
    """Symbols of removed modules that TF2 has under another name (``tf.contrib.framework.nest.flatten``)."""
    found = {}
    for old, new in sorted(renames.items()):
        path = old[len("tf.") :]
        if path.split(".")[0] in removed:
            tf2 = _tf2_target(tf, new)
            if tf2:
                found[path] = tf2
    return found


def keras_modules(tf: Any) -> list[str]:
    """TF2 top-level modules that Keras provides (``tf.losses``): their contents follow the installed Keras."""
    return sorted(name for name in _public_names(tf) if type(_get(tf, name)).__name__ == "KerasLazyLoader")


def compat_v2_only(tf: Any) -> list[str]:
    """Names ``tf.compat.v2`` has and ``tf`` lacks (``enable_v2_behavior``)."""
    top = set(_public_names(tf))
    return sorted(name for name in _public_names(tf.compat.v2) if name not in top)


def build() -> dict[str, Any]:
    """The whole table, from the installed TensorFlow."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    import tensorflow as tf  # pylint: disable=import-outside-toplevel  # only the generator needs TF

    keras_backed = keras_modules(tf)  # before the walk: a lazy loader replaces itself once loaded
    symbols = walk_v1(tf)
    renames, rewritten = upgrade_script_tables()
    add_upgrade_renames(tf, symbols, renames)
    add_upgrade_verdicts(symbols, renames, rewritten)
    removed = removed_modules(tf)
    return {
        "tensorflow_version": tf.__version__,
        "generated_by": "python -m tools.tf1_table",
        "description": (
            "Public symbols under tf.compat.v1 compared with TensorFlow 2's namespace. "
            "missing: not in TF2 ('tf2' is tf_upgrade_v2's TF2 name for it, when it has one); "
            "moved: the very same object is at the TF2 path 'tf2'; changed: TF2 has a "
            "different object with other parameters, or one that tf_upgrade_v2 does not "
            "accept as a replacement ('upgrade' says what the script does); compatible: a "
            "different object that accepts every TF2 call (not reported). removed_modules: TF1 modules that neither "
            "namespace has, with the TF release that removed them; removed_renames: "
            "the TF2 names tf_upgrade_v2 gives to symbols of removed modules. keras_modules: "
            "TF2 modules that Keras provides (their contents follow the installed Keras); "
            "compat_v2_only: names tf.compat.v2 has and tf lacks."
        ),
        "not_walked": sorted(SKIPPED),
        "keras_modules": keras_backed,
        "compat_v2_only": compat_v2_only(tf),
        "removed_modules": removed,
        "removed_renames": removed_renames(tf, removed, renames),
        "symbols": symbols,
    }


def dump(table: dict[str, Any]) -> str:
    """JSON with one line per symbol, so that regenerating gives a readable diff."""
    lines = ["{"]
    items = list(table.items())
    for number, (key, value) in enumerate(items):
        comma = "," if number < len(items) - 1 else ""
        if isinstance(value, dict) and value:
            lines.append(f" {json.dumps(key)}: {{")
            inner = list(value.items())
            for inner_number, (name, entry) in enumerate(inner):
                inner_comma = "," if inner_number < len(inner) - 1 else ""
                lines.append(f"  {json.dumps(name)}: {json.dumps(entry, sort_keys=True)}{inner_comma}")
            lines.append(f" }}{comma}")
        else:
            lines.append(f" {json.dumps(key)}: {json.dumps(value)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write the table to ``tflint/facts/data/tf1_api.json`` (or to the path given)."""
    argv = sys.argv[1:] if argv is None else argv
    output = Path(argv[0]) if argv else OUTPUT
    table = build()
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(dump(table), encoding="utf-8")
    counts: dict[str, int] = {}
    for entry in table["symbols"].values():
        counts[entry["status"]] = counts.get(entry["status"], 0) + 1
    print(f"wrote {output} from TensorFlow {table['tensorflow_version']}: {counts}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
