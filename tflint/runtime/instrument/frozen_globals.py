"""Frozen globals: a global's value when a trace read it, against its value at each later run.

For each ``tf-frozen-python-global`` finding the plan lists the global and the lines of the
statement that reads it. When one of those lines runs during a trace, the global's value is
remembered for that trace's owner; before every later run of the owner (a call, a dataset
element), the value is compared with it (by content for containers, by identity for variables and
tensors). A run that differs and does not retrace used the stale value. This patches nothing: the
core feeds it traced lines, and the ``tf.function`` and ``tf.data`` parts wrap each run.
"""

from __future__ import annotations

import types
from typing import TYPE_CHECKING, Any

import numpy as np
import tensorflow as tf

from tflint.runtime.instrument.part import short_repr
from tflint.runtime.observations import Owner

if TYPE_CHECKING:
    from tflint.runtime.instrument.core import Instrumentation

_MISSING = object()
Pending = list[tuple[tuple[int, int], str]]  # (watch id, owner id) and the new value's repr


class FrozenGlobals:
    """The globals the plan asks to watch, and their state per owner."""

    def __init__(self, instrumentation: Instrumentation) -> None:
        self.instrumentation = instrumentation
        self.rec = instrumentation.rec
        self._watch_lines: dict[tuple[str, int], list[dict[str, Any]]] = {}
        self._watch_state: dict[tuple[int, int], tuple[dict, Any]] = {}
        self._watched_by_owner: dict[int, set[tuple[int, int]]] = {}
        for index, watch in enumerate(instrumentation.plan.get("watch_globals", [])):
            watch = dict(watch, id=index)
            for line in range(watch["first"], watch["last"] + 1):
                self._watch_lines.setdefault((watch["path"], line), []).append(watch)

    def traced_line(self, location: tuple[str, int], frame: types.FrameType, owner: int) -> None:
        """A user line ran while ``owner`` was being traced: snapshot the globals it may read."""
        watches = self._watch_lines.get(location)
        if watches:
            self._snapshot(watches, frame, owner)

    def _snapshot(self, watches: list[dict[str, Any]], frame: types.FrameType, owner: int) -> None:
        namespace = frame.f_globals
        for watch in watches:
            value = namespace.get(watch["name"], _MISSING)
            if value is _MISSING:
                continue
            key = (watch["id"], owner)
            self._watch_state[key] = (namespace, _fingerprint(value))
            self._watched_by_owner.setdefault(owner, set()).add(key)
            entry = self.rec.globals.get(key)
            if entry is None:
                entry = self.rec.globals[key] = {
                    "path": watch["path"],
                    "line": watch["first"],
                    "name": watch["name"],
                    "owner": owner,
                    "traced_value": None,
                    "checked_runs": 0,
                    "stale_runs": 0,
                    "example": None,
                }
            entry["traced_value"] = short_repr(value)

    def _watched(self, owner: Owner) -> list[tuple[int, int]]:
        """The watches of ``owner`` and of every function traced inside it (their graphs run with it)."""
        children = self.instrumentation.children
        keys: list[tuple[int, int]] = []
        todo, seen = [owner.id], set()
        while todo:
            current = todo.pop()
            if current in seen:
                continue
            seen.add(current)
            keys.extend(self._watched_by_owner.get(current, ()))
            todo.extend(children.get(current, ()))
        return keys

    def before_run(self, owner: Owner) -> Pending:
        """Before a run: which watched globals differ from the value their trace read."""
        pending: Pending = []
        if not self._watched_by_owner:
            return pending
        for key in self._watched(owner):
            namespace, traced = self._watch_state[key]
            entry = self.rec.globals[key]
            value = namespace.get(entry["name"], _MISSING)
            entry["checked_runs"] += 1
            if _fingerprint(value) != traced:
                pending.append((key, short_repr(value)))
        return pending

    def after_run(self, owner: Owner, retraced: bool, pending: Pending) -> None:
        """After a run: the differences :meth:`before_run` found were stale unless the run retraced."""
        if retraced:
            return  # the new trace read the new value (the line ran again and took a snapshot)
        for key, now in pending:
            entry = self.rec.globals[key]
            entry["stale_runs"] += 1
            if entry["example"] is None:
                entry["example"] = {"traced": entry["traced_value"], "now": now, "run": _run_number(owner)}


def _run_number(owner: Owner) -> int:
    return owner.elements if owner.kind == "dataset" and owner.elements is not None else owner.calls


def _fingerprint(value: Any, depth: int = 2) -> Any:
    """A comparable summary of a value: equal before and after means "did not change".

    Variables and tensors count by identity (the graph reads a variable's current value anyway);
    containers and plain objects by content, two levels deep.
    """
    if value is None or isinstance(value, (bool, int, float, complex, str, bytes)):
        return (type(value).__name__, value)
    if isinstance(value, tf.Variable) or tf.is_tensor(value):
        return ("tensor", id(value))
    if isinstance(value, np.ndarray):
        if value.size <= 100_000:
            return ("ndarray", value.shape, str(value.dtype), value.tobytes())
        return ("ndarray", id(value))
    if isinstance(value, np.generic):
        return ("numpy", repr(value))
    if depth <= 0 or isinstance(value, (types.ModuleType, type, types.FunctionType, types.MethodType)):
        return ("object", type(value).__qualname__, id(value))
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, tuple(_fingerprint(v, depth - 1) for v in value[:100]), len(value))
    if isinstance(value, (set, frozenset)):
        return (type(value).__name__, tuple(sorted(repr(v) for v in list(value)[:100])), len(value))
    if isinstance(value, dict):
        return ("dict", tuple((repr(k), _fingerprint(v, depth - 1)) for k, v in list(value.items())[:100]), len(value))
    attributes = getattr(value, "__dict__", None)
    if isinstance(attributes, dict):
        return (
            "object",
            type(value).__qualname__,
            id(value),
            tuple((k, _fingerprint(v, depth - 1)) for k, v in list(attributes.items())[:100]),
        )
    return ("object", type(value).__qualname__, id(value))
