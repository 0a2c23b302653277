"""What the instrumented child saw, as plain data.

The child fills a :class:`Recorder` while user code runs and writes it as JSON; the parent loads
the JSON into :class:`Observations` and the confirmation rules query it. Neither side imports
TensorFlow here: the child's instrumentation turns TensorFlow objects into strings first.

Vocabulary:

- an **owner** is something TensorFlow traces and then runs many times: a ``tf.function``
  (``kind="function"``), the function of a ``Dataset.map``/``filter``/... (``"dataset"``), or a
  graph traced outside both, such as a Keras symbolic build (``"graph"``, never run);
- a **trace** is one tracing of an owner; each gets a serial number, so that a line can say in
  which traces it ran (AutoGraph may run a line's generated code several times per trace);
- **runs** of an owner are its eager calls (functions, plus the runs of the functions whose
  tracing called it) or the elements it processed (datasets).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

OBSERVATIONS_SCHEMA = 1


@dataclass
class Owner:
    """A traced function and how often it was traced and run."""

    id: int
    kind: str
    name: str
    label: str
    site: tuple[str, int] | None = None
    calls: int = 0
    nested_calls: int = 0
    elements: int | None = None
    parents: list[int] = field(default_factory=list)
    tracing_count: int = 0
    traces: list[dict[str, Any]] = field(default_factory=list)
    call_sites: dict[str, dict[str, int]] = field(default_factory=dict)
    retracing_warnings: int = 0
    recursive_calls: int = 0  # calls of the function while it was being traced itself
    eager_calls: int = 0  # calls run as plain Python (tf.config.run_functions_eagerly(True))
    options: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        data["site"] = list(self.site) if self.site else None
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Owner:
        data = dict(data)
        data["site"] = tuple(data["site"]) if data.get("site") else None
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)


def _site_key(path: str, line: int) -> str:
    return f"{path}:{line}"


class Recorder:
    """The child's mutable record; every method is cheap and never raises into user code."""

    def __init__(self) -> None:
        self.owners: dict[int, Owner] = {}
        self._next_owner = 1
        self._next_trace = 1
        # path -> line -> {"eager": n, "traced": {owner: set(trace serials)}, "trace_runs": n}
        self.lines: dict[str, dict[int, dict[str, Any]]] = {}
        self.exceptions: dict[tuple[str, int, str], dict[str, Any]] = {}
        self.tf1: dict[tuple[str, int, str], dict[str, Any]] = {}
        self.globals: dict[tuple[int, int], dict[str, Any]] = {}
        self.warnings: list[dict[str, Any]] = []
        self.module_checks: dict[str, str] = {}
        self.run: dict[str, Any] = {}
        self.notes: list[str] = []

    # -- owners ---------------------------------------------------------------------------
    def new_owner(self, kind: str, name: str, label: str, site: tuple[str, int] | None = None) -> Owner:
        owner = Owner(self._next_owner, kind, name, label, site)
        self._next_owner += 1
        self.owners[owner.id] = owner
        return owner

    def new_trace(self) -> int:
        serial = self._next_trace
        self._next_trace += 1
        return serial

    @staticmethod
    def add_call_site(owner: Owner, site: tuple[str, int] | None, traced: bool) -> None:
        if site is None:
            return
        entry = owner.call_sites.setdefault(_site_key(*site), {"calls": 0, "traces": 0})
        entry["calls"] += 1
        entry["traces"] += int(traced)

    # -- lines ----------------------------------------------------------------------------
    def line(self, path: str, line: int, owner: int | None, trace: int | None, graph_loop: bool = False) -> None:
        """One execution of a line: eagerly (``owner`` None) or during a trace; ``graph_loop`` when
        the graph being built is the body of a graph loop (tf.while_loop, AutoGraph's tensor loops)."""
        by_line = self.lines.get(path)
        if by_line is None:
            by_line = self.lines[path] = {}
        entry = by_line.get(line)
        if entry is None:
            entry = by_line[line] = {"eager": 0, "traced": {}, "trace_runs": 0, "graph_loop": 0}
        if owner is None:
            entry["eager"] += 1
        else:
            entry["trace_runs"] += 1
            entry["graph_loop"] += int(graph_loop)
            entry["traced"].setdefault(owner, set()).add(trace)

    # -- exceptions, TF1 uses, warnings ---------------------------------------------------
    def exception(self, path: str, line: int, exc: BaseException, owner: int | None) -> None:
        kind = type(exc)
        key = (path, line, kind.__name__)
        entry = self.exceptions.get(key)
        if entry is None:
            message = _safe_str(exc)
            self.exceptions[key] = {
                "path": path,
                "line": line,
                "type": kind.__name__,
                "qualname": f"{kind.__module__}.{kind.__qualname__}",
                "bases": [base.__name__ for base in kind.__mro__[1:] if base is not object],
                "message": message[:500],
                "traced": owner is not None,
                "owner": owner,
                "count": 1,
            }
        else:
            entry["count"] += 1

    def tf1_use(self, path: str, line: int, symbol: str, kind: str, v1_only: bool | None) -> None:
        key = (path, line, symbol)
        entry = self.tf1.get(key)
        if entry is None:
            self.tf1[key] = {"path": path, "line": line, "symbol": symbol, "kind": kind, "v1_only": v1_only, "count": 1}
        else:
            entry["count"] += 1

    def warning(
        self, kind: str, message: str, function: str | None = None, site: tuple[str, int] | None = None
    ) -> None:
        if len(self.warnings) < 200:
            self.warnings.append(
                {
                    "kind": kind,
                    "message": message[:500],
                    "function": function,
                    "path": site[0] if site else None,
                    "line": site[1] if site else None,
                }
            )

    # -- output ---------------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        lines = {
            path: {
                str(number): {
                    "eager": entry["eager"],
                    "trace_runs": entry["trace_runs"],
                    "graph_loop": entry["graph_loop"],
                    "traced": {str(owner): sorted(serials) for owner, serials in entry["traced"].items()},
                }
                for number, entry in sorted(by_line.items())
            }
            for path, by_line in sorted(self.lines.items())
        }
        return {
            "schema": OBSERVATIONS_SCHEMA,
            "run": self.run,
            "owners": [owner.to_json() for owner in self.owners.values()],
            "lines": lines,
            "exceptions": list(self.exceptions.values()),
            "tf1": list(self.tf1.values()),
            "globals": list(self.globals.values()),
            "warnings": self.warnings,
            "module_checks": self.module_checks,
            "notes": self.notes,
        }

    def write(self, path: str) -> None:
        with open(path, "w", encoding="utf-8") as out:
            json.dump(self.to_json(), out, default=str)


def _safe_str(exc: BaseException) -> str:
    try:
        return str(exc)
    except Exception:  # pylint: disable=broad-exception-caught
        return f"<{type(exc).__name__}>"


@dataclass
class LineStats:
    """What ran on the lines of one statement, merged (the most any one of its lines ran)."""

    eager: int = 0
    trace_runs: int = 0
    graph_loop: int = 0  # trace-time runs inside the body of a graph loop
    traced: dict[int, set[int]] = field(default_factory=dict)

    @property
    def ran(self) -> bool:
        return bool(self.eager or self.trace_runs)


class Observations:
    """The parent's read-only view of one child's JSON."""

    def __init__(self, data: dict[str, Any] | None) -> None:
        data = data or {}
        self.data = data
        self.run: dict[str, Any] = data.get("run", {})
        self.owners = {o["id"]: Owner.from_json(o) for o in data.get("owners", [])}
        self._lines: dict[str, dict[str, Any]] = data.get("lines", {})
        self.exceptions: list[dict[str, Any]] = data.get("exceptions", [])
        self.tf1: list[dict[str, Any]] = data.get("tf1", [])
        self.globals: list[dict[str, Any]] = data.get("globals", [])
        self.warnings: list[dict[str, Any]] = data.get("warnings", [])
        self.module_checks: dict[str, str] = data.get("module_checks", {})
        self.notes: list[str] = data.get("notes", [])

    @property
    def empty(self) -> bool:
        return not self.data

    def line_stats(self, path: str, first: int, last: int) -> LineStats:
        stats = LineStats()
        by_line = self._lines.get(path, {})
        for number in range(first, last + 1):
            entry = by_line.get(str(number))
            if not entry:
                continue
            stats.eager = max(stats.eager, entry["eager"])
            stats.trace_runs = max(stats.trace_runs, entry["trace_runs"])
            stats.graph_loop = max(stats.graph_loop, entry.get("graph_loop", 0))
            for owner, serials in entry["traced"].items():
                stats.traced.setdefault(int(owner), set()).update(serials)
        return stats

    def _in_span(self, records: list[dict[str, Any]], path: str, first: int, last: int) -> list[dict[str, Any]]:
        return [r for r in records if r.get("path") == path and first <= r.get("line", 0) <= last]

    def exceptions_at(self, path: str, first: int, last: int) -> list[dict[str, Any]]:
        return self._in_span(self.exceptions, path, first, last)

    def tf1_at(self, path: str, first: int, last: int) -> list[dict[str, Any]]:
        return self._in_span(self.tf1, path, first, last)

    def globals_at(self, path: str, first: int, last: int) -> list[dict[str, Any]]:
        return self._in_span(self.globals, path, first, last)

    def owner(self, owner_id: int) -> Owner | None:
        return self.owners.get(owner_id)

    def runs(self, owner: Owner, _seen: frozenset[int] = frozenset()) -> int:
        """How often the graph of ``owner`` ran: calls, elements, or the runs of its callers."""
        if owner.kind == "dataset":
            return owner.elements or 0
        if owner.kind == "graph":
            return 0
        total = owner.calls
        for parent_id in owner.parents:
            parent = self.owners.get(parent_id)
            if parent is not None and parent.id not in _seen:
                total += self.runs(parent, _seen | {owner.id})
        return total

    def _runner(self, owner: Owner) -> Owner:
        """The owner whose runs run ``owner``: itself, or (for a function only ever called while
        another one was traced) the outermost of those callers."""
        seen = {owner.id}
        while owner.kind == "function" and not owner.calls and owner.parents:
            parent = self.owners.get(owner.parents[0])
            if parent is None or parent.id in seen:
                break
            seen.add(parent.id)
            owner = parent
        return owner

    def unit(self, owner: Owner) -> str:
        """What the runs of ``owner`` count: elements (datasets) or calls."""
        return "elements" if self._runner(owner).kind == "dataset" else "calls"

    def describe(self, owner: Owner) -> str:
        """``owner``'s label, naming the outer function that runs it when it has no calls of its own."""
        runner = self._runner(owner)
        return owner.label if runner is owner else f"{runner.label} (through `{owner.name}`)"

    def functions_called_from(self, path: str, first: int, last: int) -> list[tuple[Owner, dict[str, int]]]:
        found = []
        for owner in self.owners.values():
            calls = {"calls": 0, "traces": 0}
            for key, entry in owner.call_sites.items():
                site_path, _, line = key.rpartition(":")
                if site_path == path and first <= int(line) <= last:
                    calls["calls"] += entry["calls"]
                    calls["traces"] += entry["traces"]
            if calls["calls"]:
                found.append((owner, calls))
        return found

    def functions_created_at(self, path: str, first: int, last: int) -> list[Owner]:
        return [
            o
            for o in self.owners.values()
            if o.kind == "function" and o.site and o.site[0] == path and first <= o.site[1] <= last
        ]
