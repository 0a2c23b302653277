"""One confirmation rule per message symbol: what observation confirms a finding.

A rule gets the finding and the child's :class:`~tflint.runtime.observations.Observations` and
returns a :class:`Verdict`:

- ``confirmed``: the pitfall happened, and the evidence says what was seen;
- ``not-reproduced``: the code ran and the pitfall did not happen (a likely false alarm);
- ``not-exercised``: the code never ran, or ran only while tracing a function that was then
  never called (there was nothing to compare).

Rules are registered with :func:`rule`; ``tests/unit/test_runtime_rules.py`` fails when a live
message (``tflint.docs.rules()``) has none. A rule may be registered before its message lands
(``anticipated=True``): it starts working that day, and ``tests/runtime/test_runtime_samples.py`` then
checks it on the message's bad sample.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tflint.runtime.findings import Finding
from tflint.runtime.observations import Observations, Owner

CONFIRMED = "confirmed"
NOT_REPRODUCED = "not-reproduced"
NOT_EXERCISED = "not-exercised"
VERDICTS = (CONFIRMED, NOT_REPRODUCED, NOT_EXERCISED)


@dataclass(frozen=True)
class Verdict:
    verdict: str
    evidence: str


Confirm = Callable[[Finding, Observations], Verdict]
Watch = Callable[[Finding], dict[str, list[Any]]]


@dataclass(frozen=True)
class Rule:
    """How one message is confirmed; ``needs`` says in one sentence what evidence confirms it."""

    symbol: str
    needs: str
    confirm: Confirm
    watch: Watch | None = None
    anticipated: bool = False


RULES: dict[str, Rule] = {}


def rule(
    symbol: str, needs: str, watch: Watch | None = None, anticipated: bool = False
) -> Callable[[Confirm], Confirm]:
    """Register the decorated function as the confirmation rule of ``symbol``."""

    def register(function: Confirm) -> Confirm:
        RULES[symbol] = Rule(symbol, needs, function, watch, anticipated)
        return function

    return register


def confirm(finding: Finding, observations: Observations) -> Verdict:
    """The verdict for ``finding``; a rule's own failure never stops the report."""
    registered = RULES.get(finding.symbol)
    if registered is None:
        return Verdict(NOT_EXERCISED, f"tflint has no confirmation rule for {finding.symbol} yet")
    try:
        return registered.confirm(finding, observations)
    except Exception as exc:  # pylint: disable=broad-exception-caught
        return Verdict(NOT_EXERCISED, f"the confirmation rule failed ({type(exc).__name__}: {exc}); please report it")


def watches(findings: list[Finding]) -> dict[str, list[Any]]:
    """What the child must watch for these findings (globals to snapshot, modules to look up)."""
    merged: dict[str, list[Any]] = {"globals": [], "modules": []}
    for finding in findings:
        registered = RULES.get(finding.symbol)
        if registered is not None and registered.watch is not None:
            for key, values in registered.watch(finding).items():
                for value in values:
                    if value not in merged.setdefault(key, []):
                        merged[key].append(value)
    return merged


# ==========================================================================================
# shared evidence
# ==========================================================================================
def _times(count: int) -> str:
    return f"{count} time" if count == 1 else f"{count} times"


def _many(count: int, unit: str) -> str:
    """``_many(1, "calls")`` -> ``1 call``."""
    return f"{count} {unit[:-1] if count == 1 and unit.endswith('s') else unit}"


def _traced(count: int) -> str:
    return "traced once" if count == 1 else f"traced {count} times"


def _where(finding: Finding) -> tuple[str, int, int]:
    return (finding.path, finding.span[0], finding.span[1])


def _called(subject: str, default: str) -> str:
    """``np.random.normal(scale=0.1)`` -> ``np.random.normal()``."""
    head = subject.split("(", 1)[0].strip()
    return f"{head}()" if head and re.fullmatch(r"[\w.]+", head) else default


def _snippet(finding: Finding) -> str:
    text = finding.statement or finding.subject or "the line"
    return f"`{text if len(text) <= 60 else text[:57] + '...'}`"


def _not_ran(what: str) -> Verdict:
    return Verdict(NOT_EXERCISED, f"{what} never ran")


def _runs(observations: Observations, owner: Owner) -> tuple[int, str]:
    return observations.runs(owner), observations.unit(owner)


def ran_only_while_tracing(finding: Finding, observations: Observations, what: str, consequence: str = "") -> Verdict:
    """Confirmed when the line ran in fewer traces than the traced function ran afterwards."""
    stats = observations.line_stats(*_where(finding))
    if not stats.ran:
        return _not_ran(what)
    candidates: list[tuple[Owner, int, int]] = []
    builds: list[Owner] = []
    for owner_id, serials in stats.traced.items():
        owner = observations.owner(owner_id)
        if owner is None:
            continue
        if owner.kind == "graph":
            builds.append(owner)
            continue
        candidates.append((owner, len(serials), observations.runs(owner)))
    eager = f"; it also ran {_times(stats.eager)} eagerly" if stats.eager else ""
    shown = [c for c in candidates if c[2] > c[1]]
    if shown:
        owner, traced, runs = max(shown, key=lambda c: (c[2] - c[1], c[2]))
        unit = observations.unit(owner)
        return Verdict(
            CONFIRMED,
            f"{what} ran {_times(traced)} in {_many(runs, unit)} of "
            f"{observations.describe(owner)}, only while TensorFlow traced it{consequence}{eager}",
        )
    if candidates and all(runs == 0 for _, _, runs in candidates) and not stats.eager:
        owner = candidates[0][0]
        return Verdict(
            NOT_EXERCISED,
            f"{what} ran only while TensorFlow traced {observations.describe(owner)}, which never ran afterwards",
        )
    if candidates:
        owner, traced, runs = max(candidates, key=lambda c: c[2])
        unit = observations.unit(owner)
        return Verdict(
            NOT_REPRODUCED,
            f"{what} ran {_times(traced)} in {_many(runs, unit)} of "
            f"{observations.describe(owner)}: no call ran without tracing it again{eager}",
        )
    if stats.eager:
        return Verdict(
            NOT_REPRODUCED, f"{what} ran {_times(stats.eager)}, always eagerly (never while TensorFlow was tracing)"
        )
    return Verdict(
        NOT_EXERCISED,
        f"{what} ran only in {builds[0].label if builds else 'a graph build'}, "
        "never in a traced function that ran afterwards",
    )


def raised(
    finding: Finding,
    observations: Observations,
    types: tuple[str, ...],
    what: str,
    message: str | None = None,
    same_trace: bool = False,
    traced_only: bool = False,
) -> Verdict:
    """Confirmed by an exception of one of ``types`` (or a subclass) raised at the line, or, with
    ``same_trace``, anywhere in a trace the line ran in (errors TensorFlow raises at a later use).
    ``traced_only``: only exceptions raised while TensorFlow was tracing count."""
    pattern = re.compile(message, re.IGNORECASE) if message else None
    stats = observations.line_stats(*_where(finding))

    def matches(record: dict[str, Any]) -> bool:
        names = {record["type"], *record.get("bases", [])}
        return (
            bool(names & set(types))
            and (pattern is None or bool(pattern.search(record["message"])))
            and (record.get("traced") or not traced_only)
        )

    def first_line(record: dict[str, Any]) -> str:
        return (record["message"].strip().splitlines() or [""])[0][:160]

    for record in observations.exceptions_at(*_where(finding)):
        if matches(record):
            when = " while TensorFlow traced the function" if record.get("traced") else ""
            return Verdict(CONFIRMED, f"{record['type']} raised at this line{when}: {first_line(record)}")
    if same_trace and stats.traced:
        for record in observations.exceptions:
            if record.get("owner") in stats.traced and record["path"] == finding.path and matches(record):
                return Verdict(
                    CONFIRMED,
                    f"{record['type']} raised at line {record['line']} while TensorFlow "
                    f"traced the same function: {first_line(record)}",
                )
    if not stats.ran:
        return _not_ran(what)
    how = (
        "while tracing" if stats.traced and not stats.eager else "eagerly" if not stats.traced else "traced and eagerly"
    )
    return Verdict(
        NOT_REPRODUCED,
        f"{what} ran {_times(max(stats.eager, stats.trace_runs))} ({how}) "
        f"without raising {' or '.join(dict.fromkeys(types))}",
    )


def _tf1_names(records: list[dict[str, Any]]) -> str:
    names = sorted({r["symbol"] for r in records})
    shown = ", ".join(names[:4]) + (f" and {len(names) - 4} more" if len(names) > 4 else "")
    count = sum(r["count"] for r in records)
    return f"{shown} ({_times(count)})"


def tf1_used(finding: Finding, observations: Observations, wanted: Callable[[dict[str, Any]], bool]) -> Verdict | None:
    """Confirmed by a recorded TF1 API use at the line; None when no use matched."""
    records = observations.tf1_at(*_where(finding))
    matching = [r for r in records if wanted(r)]
    # Several findings on one line: each names the records of its own symbol (Session calls always count).
    named = [
        r
        for r in matching
        if r["kind"] == "symbol" and re.search(rf"\b{re.escape(r['symbol'].rsplit('.', 1)[-1])}\b", finding.subject)
    ]
    if named:
        matching = named + [r for r in matching if r["kind"] == "session"]
    if matching:
        return Verdict(CONFIRMED, f"used {_tf1_names(matching)} at this line")
    return None


def _tf1_not_seen(finding: Finding, observations: Observations, what: str) -> Verdict:
    stats = observations.line_stats(*_where(finding))
    if not stats.ran:
        return _not_ran("the line")
    others = observations.tf1_at(*_where(finding))
    if others:
        return Verdict(NOT_REPRODUCED, f"the line ran and used {_tf1_names(others)}, but no {what}")
    return Verdict(NOT_REPRODUCED, f"the line ran {_times(max(stats.eager, stats.trace_runs))} and used no {what}")


# ==========================================================================================
# trace-time Python (the foundation's rules)
# ==========================================================================================
@rule(
    "tf-print-in-graph",
    "the print line ran in fewer traces than the traced function then ran (calls, dataset elements or Keras steps)",
)
def _print_in_graph(finding: Finding, observations: Observations) -> Verdict:
    return ran_only_while_tracing(finding, observations, _called(finding.subject, "print()").replace("()", ""))


@rule("tf-python-side-effect", "the side-effect line ran in fewer traces than the traced function then ran")
def _python_side_effect(finding: Finding, observations: Observations) -> Verdict:
    return ran_only_while_tracing(finding, observations, _snippet(finding))


@rule(
    "tf-trace-time-value",
    "the value-producing line ran only while tracing, and the traced function then "
    "ran more often (every later run reuses the value as a constant)",
)
def _trace_time_value(finding: Finding, observations: Observations) -> Verdict:
    what = f"`{_called(finding.subject, 'the call')}`"
    return ran_only_while_tracing(finding, observations, what, "; later runs reuse its value as a graph constant")


def _global_name(finding: Finding) -> str | None:
    if re.fullmatch(r"[A-Za-z_]\w*", finding.subject or ""):
        return finding.subject
    match = re.search(r"reads the module-level `(\w+)`", finding.message)
    return match.group(1) if match else None


def _watch_global(finding: Finding) -> dict[str, list[Any]]:
    name = _global_name(finding)
    if name is None:
        return {}
    return {"globals": [{"path": finding.path, "first": finding.span[0], "last": finding.span[1], "name": name}]}


@rule(
    "tf-frozen-python-global",
    "the global changed after a trace read it, and the traced function then ran "
    "again without retracing (so it used the stale value)",
    watch=_watch_global,
)
def _frozen_python_global(finding: Finding, observations: Observations) -> Verdict:
    name = _global_name(finding) or "the global"
    records = [g for g in observations.globals_at(*_where(finding)) if g["name"] == name]
    owned = [(g, observations.owner(g["owner"])) for g in records]
    real = [(g, o) for g, o in owned if o is not None and o.kind != "graph"]
    stale = [(g, o) for g, o in real if g["stale_runs"]]
    if stale:
        record, owner = max(stale, key=lambda pair: pair[0]["stale_runs"])
        example = record["example"] or {}
        runs, unit = _runs(observations, owner)
        return Verdict(
            CONFIRMED,
            (
                f"`{name}` was {example.get('traced')} when {observations.describe(owner)} was traced and "
                f"{example.get('now')} at {_many(record['stale_runs'], unit)} after that which did not retrace "
                f"({_many(runs, unit)}, {_traced(owner.tracing_count or 1)})"
            ),
        )
    stats = observations.line_stats(*_where(finding))
    if not stats.ran:
        return _not_ran(f"the read of `{name}`")
    checked = [(g, o) for g, o in real if g["checked_runs"]]
    if checked:
        record, owner = max(checked, key=lambda pair: pair[0]["checked_runs"])
        unit = observations.unit(owner)
        return Verdict(
            NOT_REPRODUCED,
            f"`{name}` kept the value {record['traced_value']} that "
            f"{observations.describe(owner)} was traced with, over its "
            f"{_many(record['checked_runs'], unit)} after that",
        )
    if real:
        return Verdict(
            NOT_EXERCISED,
            f"`{name}` was read while tracing {observations.describe(real[0][1])}, which never ran afterwards",
        )
    if stats.eager and not stats.traced:
        return Verdict(
            NOT_REPRODUCED,
            f"the read of `{name}` ran {_times(stats.eager)}, always eagerly (it sees the current value)",
        )
    return Verdict(NOT_EXERCISED, f"`{name}` was read only in a graph that never ran")


@rule("tf-internal-error", "never confirmed: it reports a failure of tflint itself, not a pitfall in the code")
def _internal_error(finding: Finding, observations: Observations) -> Verdict:  # pylint: disable=unused-argument
    return Verdict(
        NOT_REPRODUCED,
        "tflint bug: tf-internal-error reports a failure inside tflint, not a pitfall "
        "of this code, so there is nothing to confirm; please report it",
    )


# ==========================================================================================
# TF1 leftovers
# ==========================================================================================
_DISABLERS = (
    "disable_eager_execution",
    "disable_v2_behavior",
    "disable_resource_variables",
    "disable_v2_tensorshape",
    "disable_control_flow_v2",
    "disable_tensor_equality",
)


@rule(
    "tf-v1-session",
    "a tf.compat.v1 Session was created, entered or run from the line (or another Session API was used there)",
)
def _v1_session(finding: Finding, observations: Observations) -> Verdict:
    found = tf1_used(finding, observations, lambda r: r["kind"] == "session" or "session" in r["symbol"].lower())
    return found or _tf1_not_seen(finding, observations, "TF1 Session API")


@rule(
    "tf-v1-placeholder",
    "a tf.compat.v1 placeholder function was used at the line, or it raised the "
    "placeholder-under-eager RuntimeError there",
)
def _v1_placeholder(finding: Finding, observations: Observations) -> Verdict:
    found = tf1_used(finding, observations, lambda r: "placeholder" in r["symbol"].rsplit(".", 1)[-1])
    if found:
        return found
    error = raised(finding, observations, ("RuntimeError",), "the placeholder", message="placeholder|eager")
    return error if error.verdict == CONFIRMED else _tf1_not_seen(finding, observations, "placeholder")


@rule("tf-disable-eager-execution", "one of the tf.compat.v1 disable_* functions was used at the line")
def _disable_eager_execution(finding: Finding, observations: Observations) -> Verdict:
    found = tf1_used(finding, observations, lambda r: r["symbol"].rsplit(".", 1)[-1] in _DISABLERS)
    if found is None:
        return _tf1_not_seen(finding, observations, "disable_* call")
    if observations.run.get("eager_at_exit") is False:
        return Verdict(CONFIRMED, f"{found.evidence}; eager execution was off when the program ended")
    return found


@rule(
    "tf-v1-api",
    "a TF1-only symbol (missing from TF2's namespace, or another object there) was used at "
    "the line through tf.compat.v1, or the line imported the tf.compat.v1 namespace itself",
)
def _v1_api(finding: Finding, observations: Observations) -> Verdict:
    records = observations.tf1_at(*_where(finding))
    symbols = [r for r in records if r["kind"] in ("symbol", "session")]
    found = tf1_used(finding, observations, lambda r: r["kind"] in ("symbol", "session") and r["v1_only"] is not False)
    if found:
        return found
    if not symbols:
        namespace = tf1_used(finding, observations, lambda r: r["symbol"] == "tf.compat.v1")
        if namespace:
            return namespace
    if symbols:
        return Verdict(NOT_REPRODUCED, f"the line used {_tf1_names(symbols)}, which TF2 has unchanged")
    return _tf1_not_seen(finding, observations, "TF1 API")


_MODULE_TEXT = re.compile(r"\b(tf|tensorflow)((?:\.[A-Za-z_]\w*)+)")


def _removed_modules(finding: Finding) -> list[str]:
    names = []
    for text in (finding.subject, finding.statement, finding.message):
        for _root, rest in _MODULE_TEXT.findall(text or ""):
            parts = rest.strip(".").split(".")
            for end in range(1, len(parts) + 1):
                candidate = "tensorflow." + ".".join(parts[:end])
                if candidate not in names:
                    names.append(candidate)
        if names:
            break
    return names[:6]


@rule(
    "tf-v1-removed-module",
    "importing or using the module failed at the line (ImportError/AttributeError), "
    "or the line ran and the module does not exist in the installed TensorFlow",
    watch=lambda finding: {"modules": _removed_modules(finding)},
)
def _v1_removed_module(finding: Finding, observations: Observations) -> Verdict:
    error = raised(finding, observations, ("ImportError", "AttributeError"), "the line")
    if error.verdict == CONFIRMED:
        return error
    stats = observations.line_stats(*_where(finding))
    if not stats.ran:
        return _not_ran("the line")
    version = observations.run.get("tensorflow_version", "")
    for name in _removed_modules(finding):
        state = observations.module_checks.get(name, "")
        if state.startswith("missing"):
            missing = state.split(":", 1)[1].strip()
            return Verdict(CONFIRMED, f"the line ran and `{missing}` does not exist in TensorFlow {version}")
    return Verdict(NOT_REPRODUCED, f"the line ran and the module exists in TensorFlow {version}")


# ==========================================================================================
# retracing and function lifecycle
# ==========================================================================================
def _differences(traces: list[dict[str, Any]]) -> dict[str, dict[str, list[str]]]:
    """Per kind (``tensor``, ``python``, ``object``) and parameter, the values that differ between traces."""
    seen: dict[str, dict[str, list[str]]] = {"tensor": {}, "python": {}, "object": {}}
    for trace in traces:
        for name, kind, text in trace.get("signature", []):
            values = seen.setdefault(kind, {}).setdefault(name, [])
            if text not in values:
                values.append(text)
    return {kind: {k: v for k, v in by_name.items() if len(v) > 1} for kind, by_name in seen.items()}


def _values(values: list[str]) -> str:
    return ", ".join(values[:4]) + (", ..." if len(values) > 4 else "")


@rule(
    "tf-retracing-argument",
    "a traced function called from the line traced more than once from there, "
    "with signatures that differ in Python values or tensor shapes",
)
def _retracing_argument(finding: Finding, observations: Observations) -> Verdict:
    path, first, last = _where(finding)
    called = observations.functions_called_from(path, first, last)
    for owner, counts in sorted(called, key=lambda pair: -pair[1]["traces"]):
        traces = [t for t in owner.traces if t.get("site") and t["site"][0] == path and first <= t["site"][1] <= last]
        if counts["traces"] < 2 or len(traces) < 2:
            continue
        differ = _differences(traces)
        if differ["tensor"]:
            name, values = next(iter(differ["tensor"].items()))
            why = f"the traces differ in the shape of the tensor `{name}` ({_values(values)})"
        elif differ["python"] and not differ["object"]:
            name, values = next(iter(differ["python"].items()))
            why = f"the traces differ only in the Python value of `{name}` ({_values(values)})"
        elif differ["object"]:
            name, values = next(iter(differ["object"].items()))
            kinds = sorted({v.split(" object at ")[0] for v in values})
            why = f"the traces differ only in the object passed as `{name}`: a new {' or '.join(kinds)} on each call"
        else:
            why = "the traces differ in values tflint does not describe"
        warned = (
            f"; TensorFlow warned about retracing {_times(owner.retracing_warnings)}"
            if owner.retracing_warnings
            else ""
        )
        return Verdict(
            CONFIRMED,
            f"{observations.describe(owner)} traced {_times(counts['traces'])} in "
            f"{_many(counts['calls'], 'calls')} from this line: {why}{warned}",
        )
    if called:
        owner, counts = max(called, key=lambda pair: pair[1]["calls"])
        return Verdict(
            NOT_REPRODUCED,
            f"{observations.describe(owner)} was called {_times(counts['calls'])} from "
            f"this line and traced {_times(counts['traces'])} there",
        )
    stats = observations.line_stats(path, first, last)
    if not stats.ran:
        return _not_ran("the call")
    return Verdict(NOT_REPRODUCED, "the line ran but called no traced function")


@rule("tf-function-recreated", "more than one tf.function object was created at the line, each tracing anew")
def _function_recreated(finding: Finding, observations: Observations) -> Verdict:
    created = observations.functions_created_at(*_where(finding))
    if len(created) > 1:
        traces = sum(o.tracing_count for o in created)
        return Verdict(
            CONFIRMED,
            f"{len(created)} tf.function objects were created at this line; they traced "
            f"{_times(traces)} in total for {sum(o.calls for o in created)} calls",
        )
    if created:
        return Verdict(NOT_REPRODUCED, "a single tf.function was created at this line")
    stats = observations.line_stats(*_where(finding))
    return _not_ran("the line") if not stats.ran else Verdict(NOT_REPRODUCED, "the line ran but created no tf.function")


@rule(
    "tf-variable-in-graph", "TensorFlow raised its ValueError about creating tf.Variables in a tf.function at the line"
)
def _variable_in_graph(finding: Finding, observations: Observations) -> Verdict:
    return raised(finding, observations, ("ValueError",), "the variable creation", message="variable")


@rule(
    "tf-recursive-function",
    "the tf.function was called from the line while it was being traced itself, or tracing it hit RecursionError",
)
def _recursive_function(finding: Finding, observations: Observations) -> Verdict:
    called = observations.functions_called_from(*_where(finding))
    recursive = [owner for owner, _ in called if owner.recursive_calls]
    if recursive:
        owner = max(recursive, key=lambda o: o.recursive_calls)
        stopped = [
            e
            for e in observations.exceptions
            if e["path"] == finding.path
            and "RecursionError"
            in (e["type"], e["message"].strip().splitlines()[-1:][0] if e["message"].strip() else "")
        ]
        if owner.tracing_count:
            outcome = f"TensorFlow traced {_times(owner.tracing_count)}"
        else:
            outcome = "tracing never finished" + (" (RecursionError)" if stopped else "")
        return Verdict(
            CONFIRMED, f"{owner.label} called itself {_times(owner.recursive_calls)} while being traced; {outcome}"
        )
    error = raised(finding, observations, ("RecursionError",), "the call", same_trace=True)
    if error.verdict == CONFIRMED:
        return error
    if called:
        owner, counts = called[0]
        return Verdict(
            NOT_REPRODUCED,
            f"{owner.label} was called {_times(counts['calls'])} from this line, never "
            "while it was being traced itself",
        )
    return (
        _not_ran("the call")
        if not observations.line_stats(*_where(finding)).ran
        else Verdict(NOT_REPRODUCED, "the line ran but called no traced function")
    )


@rule(
    "tf-eager-debug-leftover",
    "the switch ran at the line; for run_functions_eagerly, tf.functions were then "
    "called while it was on (and ran as plain Python)",
)
def _eager_debug_leftover(finding: Finding, observations: Observations) -> Verdict:
    stats = observations.line_stats(*_where(finding))
    if not stats.ran:
        return _not_ran("the switch")
    failed = observations.exceptions_at(*_where(finding))
    if failed:
        return Verdict(NOT_REPRODUCED, f"the switch raised {failed[0]['type']}")
    eager = [o for o in observations.owners.values() if o.eager_calls]
    if eager:
        names = ", ".join(o.label for o in eager[:3]) + (", ..." if len(eager) > 3 else "")
        return Verdict(
            CONFIRMED,
            f"the switch ran here; then {_many(sum(o.eager_calls for o in eager), 'calls')} of "
            f"tf.functions ran as plain Python, without a graph ({names})",
        )
    if "functions_eagerly" in finding.statement or "functions_eagerly" in finding.subject:
        return Verdict(NOT_REPRODUCED, "the switch ran, but no tf.function was called while it was on")
    return Verdict(CONFIRMED, f"the switch ran here ({_times(max(stats.eager, stats.trace_runs))}), outside tests")


@rule(
    "tf-eager-training-loop", "the training step ran more than once, always eagerly (never while TensorFlow traced it)"
)
def _eager_training_loop(finding: Finding, observations: Observations) -> Verdict:
    lines = finding.body if finding.statement.startswith(("def ", "async def ", "@")) and finding.body else finding.span
    stats = observations.line_stats(finding.path, *lines)
    if not stats.ran:
        return _not_ran("the training step")
    if stats.traced:
        return Verdict(NOT_REPRODUCED, "the training step ran while TensorFlow traced it (as a graph)")
    if stats.eager > 1:
        return Verdict(
            CONFIRMED,
            f"the training step ran {_times(stats.eager)} eagerly, each op dispatched from Python, never as a graph",
        )
    return Verdict(NOT_REPRODUCED, "the training step ran only once")


_ERROR_NAME = re.compile(r"\b([A-Z]\w*(?:Error|Exception))\b")


def expected_error(
    finding: Finding, observations: Observations, defaults: tuple[str, ...], message: str | None = None
) -> Verdict:
    """Confirmed by one of the errors the message predicts (or ``defaults``), raised at the line or
    later in the same trace."""
    named = tuple(dict.fromkeys(_ERROR_NAME.findall(finding.message)))
    return raised(finding, observations, named + defaults, "the line", message=message, same_trace=True)


@rule(
    "tf-tensor-as-python-bool",
    "the error the message predicts (OperatorNotAllowedInGraphError, or the "
    "NotImplementedError/ValueError of a tensor-dependent break/return) was raised at the line or later in the "
    "same trace",
)
def _tensor_as_python_bool(finding: Finding, observations: Observations) -> Verdict:
    return expected_error(finding, observations, ("OperatorNotAllowedInGraphError",))


@rule(
    "tf-tensor-iteration",
    "OperatorNotAllowedInGraphError (or the TypeError the message predicts) was raised "
    "at the line or later in the same trace",
)
def _tensor_iteration(finding: Finding, observations: Observations) -> Verdict:
    return expected_error(finding, observations, ("OperatorNotAllowedInGraphError",))


@rule(
    "tf-python-list-in-tensor-loop",
    "InaccessibleTensorError (or the TypeError the message predicts) was raised "
    "at the line or where the list is used later in the same trace; or the line ran once per trace inside the "
    "body of a graph loop, so the list got one item whatever the number of iterations",
)
def _python_list_in_tensor_loop(finding: Finding, observations: Observations) -> Verdict:
    error = expected_error(finding, observations, ("InaccessibleTensorError",))
    if error.verdict != NOT_REPRODUCED:
        return error
    stats = observations.line_stats(*_where(finding))
    traces = set().union(*stats.traced.values()) if stats.traced else set()
    if stats.graph_loop and traces and stats.graph_loop <= len(traces):
        owner = observations.owner(next(iter(stats.traced)))
        where = observations.describe(owner) if owner else "the function"
        runs = f" ({_many(observations.runs(owner), observations.unit(owner))})" if owner else ""
        return Verdict(
            CONFIRMED,
            f"{_snippet(finding)} ran {_times(stats.graph_loop)} inside the body of a graph loop "
            f"while TensorFlow traced {where}{runs}: once per trace, whatever the number of "
            "iterations, so the list gets one item",
        )
    return error


@rule(
    "tf-numpy-in-graph",
    "the error the message predicts (AttributeError for .numpy(), NotImplementedError "
    "for NumPy on a symbolic tensor, TypeError for unknown dimensions) was raised at the line",
)
def _numpy_in_graph(finding: Finding, observations: Observations) -> Verdict:
    return expected_error(finding, observations, ("AttributeError", "NotImplementedError", "TypeError"))


@rule(
    "tf-branch-undefined-variable",
    "AutoGraph's ValueError/TypeError about a variable or return value that the "
    "branches do not join was raised at the line or later in the same trace",
)
def _branch_undefined_variable(finding: Finding, observations: Observations) -> Verdict:
    return expected_error(
        finding,
        observations,
        ("ValueError", "TypeError"),
        message="branch|initiali[sz]ed|structure|defined|loop|None|dtype|shape",
    )


@rule(
    "tf-exception-handling-in-graph",
    "for `except tf.errors.X`: an X raised by a call of the traced function "
    "(when its graph ran) and the handler never ran; for `raise` under a tensor `if`: the raise ran while "
    "TensorFlow traced the function",
)
def _exception_handling_in_graph(finding: Finding, observations: Observations) -> Verdict:
    if finding.statement.startswith("raise") or finding.subject.startswith("raise"):
        return raised(finding, observations, ("BaseException",), "the raise", traced_only=True)
    match = re.search(r"except \(?([\w.]+)", finding.statement) or re.search(r"`except ([\w.]+)`", finding.message)
    caught = match.group(1).rsplit(".", 1)[-1] if match else "OpError"
    handled = observations.line_stats(finding.path, *finding.body) if finding.body else None
    if handled is not None and handled.ran:
        return Verdict(NOT_REPRODUCED, f"the handler ran {_times(max(handled.eager, handled.trace_runs))}")
    escaped = [
        e
        for e in observations.exceptions
        if e["path"] == finding.path and not e.get("traced") and caught in {e["type"], *e.get("bases", [])}
    ]
    if escaped:
        record = escaped[0]
        text = (record["message"].strip().splitlines() or [""])[0][:120]
        return Verdict(
            CONFIRMED,
            f"{record['type']} was raised when the graph ran, at the call on line "
            f"{record['line']}, and the handler never ran: {text}",
        )
    return Verdict(NOT_EXERCISED, f"no {caught} was raised in this run, so the handler was never put to the test")


@rule("tf-loop-unrolled", "the loop's body ran more than once within one trace (one copy per iteration in the graph)")
def _loop_unrolled(finding: Finding, observations: Observations) -> Verdict:
    lines = finding.body or finding.span
    stats = observations.line_stats(finding.path, *lines)
    if not stats.ran:
        return _not_ran("the loop")
    traces = set().union(*stats.traced.values()) if stats.traced else set()
    if not traces:
        return Verdict(
            NOT_REPRODUCED, f"the loop ran {_times(stats.eager)} eagerly, never while TensorFlow was tracing"
        )
    per_trace = stats.trace_runs // len(traces) if stats.trace_runs >= len(traces) else stats.trace_runs
    owner = observations.owner(next(iter(stats.traced)))
    where = observations.describe(owner) if owner else "the function"
    if per_trace > 1:
        return Verdict(
            CONFIRMED,
            f"the loop body ran {per_trace} times in one trace of {where}: {per_trace} copies of it in the graph",
        )
    return Verdict(NOT_REPRODUCED, f"the loop body ran once per trace of {where}")


@rule(
    "tf-autograph-unsupported",
    "TensorFlow logged AutoGraph's 'could not transform' warning for the enclosing "
    "function, or tracing the generator raised its TypeError",
)
def _autograph_unsupported(finding: Finding, observations: Observations) -> Verdict:
    function = finding.function or finding.span
    for warning in observations.warnings:
        if (
            warning["kind"] == "autograph"
            and warning.get("path") == finding.path
            and warning.get("line")
            and function[0] <= warning["line"] <= function[1]
        ):
            text = warning["message"].strip().splitlines()[0][:160]
            return Verdict(CONFIRMED, f"TensorFlow warned: {text}")
    if "generator" in finding.message:
        for record in observations.exceptions:
            if (
                record["path"] == finding.path
                and record["type"] == "TypeError"
                and re.search(r"generator|zero or more Tensors|Unsupported return value", record["message"])
            ):
                text = (record["message"].strip().splitlines() or [""])[0][:160]
                return Verdict(CONFIRMED, f"TypeError raised at line {record['line']}: {text}")
    stats = observations.line_stats(finding.path, *function)
    if not stats.ran:
        return _not_ran("the function")
    if stats.traced:
        return Verdict(NOT_REPRODUCED, "TensorFlow traced the function without AutoGraph's warning")
    return Verdict(NOT_REPRODUCED, f"the function ran {_times(stats.eager)}, always eagerly")


@rule(
    "tf-executing-eagerly-in-graph",
    "the tf.executing_eagerly() line ran while TensorFlow traced a function (where it returns False)",
)
def _executing_eagerly_in_graph(finding: Finding, observations: Observations) -> Verdict:
    stats = observations.line_stats(*_where(finding))
    if not stats.ran:
        return _not_ran("the line")
    found = [observations.owner(o) for o in stats.traced]
    owners = [o for o in found if o is not None]
    if owners:
        return Verdict(
            CONFIRMED,
            f"the line ran while TensorFlow traced {observations.describe(owners[0])}, "
            "where tf.executing_eagerly() is False",
        )
    return Verdict(NOT_REPRODUCED, f"the line ran {_times(stats.eager)}, always eagerly")


_DEPRECATED_ARGUMENTS = (
    "experimental_relax_shapes",
    "experimental_compile",
    "experimental_follow_type_hints",
    "experimental_implements",
    "experimental_autograph_options",
)


@rule("tf-deprecated-function-argument", "a tf.function was created at the line with a deprecated argument")
def _deprecated_function_argument(finding: Finding, observations: Observations) -> Verdict:
    created = observations.functions_created_at(*_where(finding))
    for owner in created:
        old = [k for k in owner.options if k.startswith("experimental_") or k in _DEPRECATED_ARGUMENTS]
        if old:
            return Verdict(CONFIRMED, f"{owner.label} was created here with {', '.join(old)}")
    if created:
        return Verdict(NOT_REPRODUCED, "the tf.function created here used no deprecated argument")
    stats = observations.line_stats(*_where(finding))
    return _not_ran("the line") if not stats.ran else Verdict(NOT_REPRODUCED, "the line ran but created no tf.function")
