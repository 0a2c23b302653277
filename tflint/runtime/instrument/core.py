"""The core of the instrumentation: where code is, what is being traced, and the parts.

:class:`Instrumentation` knows which files are the user's (and which code AutoGraph generated from
them), which function each graph being built belongs to (its *owner*, see
:mod:`tflint.runtime.observations`), and counts user lines and exceptions with
:class:`~tflint.runtime.lines.LineTracer`, attributing each to eager execution or to one trace.
Everything that patches TensorFlow is a :class:`~tflint.runtime.instrument.part.Part`, one
module per subsystem, listed in :data:`PARTS`.
"""

from __future__ import annotations

import importlib.util
import inspect
import os
import re
import sys
import threading
import types
from typing import Any

import tensorflow as tf
from tensorflow.python.eager import context as eager_context
from tensorflow.python.framework import ops

from tflint.runtime.instrument import (
    autograph,
    compat_v1,
    datasets,
    functions,
    graphs,
    logs,
    py_functions,
    sessions,
)
from tflint.runtime.instrument.frozen_globals import FrozenGlobals
from tflint.runtime.instrument.part import Part
from tflint.runtime.lines import LineTracer
from tflint.runtime.observations import Owner, Recorder

# Installed in this order. It matters at least once: functions replaces `function` on the real
# tf.compat.v1 module, which must happen before compat_v1 puts its recording stand-in in front of it.
PARTS: tuple[type[Part], ...] = (
    functions.Functions,
    graphs.Graphs,
    autograph.AutoGraph,
    datasets.Datasets,
    sessions.Sessions,
    py_functions.PyFunctions,
    compat_v1.CompatV1,
    logs.Logs,
)
_MISSING = object()


def _package_dir(module: types.ModuleType) -> str:
    return os.path.dirname(os.path.abspath(module.__file__ or ""))


def _canonical(path: str) -> str:
    return os.path.normcase(os.path.realpath(os.path.abspath(path)))


class _Tag:
    """Attached to every FuncGraph: which owner's trace builds it (``owner`` None: nobody's)."""

    __slots__ = ("owner", "serial", "name")

    def __init__(self, owner: int | None, serial: int, name: str) -> None:
        self.owner = owner
        self.serial = serial
        self.name = name


class Instrumentation:  # pylint: disable=too-many-instance-attributes
    """Everything installed in the child; :meth:`install` once, :meth:`finish` at the end."""

    def __init__(self, plan: dict[str, Any], recorder: Recorder) -> None:
        self.plan = plan
        self.rec = recorder
        self._user = {_canonical(p): p for p in plan.get("trace_files", [])}
        self._paths: dict[str, str | None] = {}
        self._autograph: dict[tuple[str, int], tuple[str, int]] = {}
        self._generated: set[str] = set()
        self._local = threading.local()
        self.children: dict[int, set[int]] = {}  # owner id -> owners called while it was traced
        self._pseudo: dict[str, int] = {}
        # tflint/runtime/ (the child, the line tracer, this package) is as internal as TensorFlow
        runtime_dir = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        self.internal_dirs = tuple(d + os.sep for d in {_package_dir(tf), runtime_dir}) + self._more_internal_dirs()
        self.globals = FrozenGlobals(self)
        self.tracer = LineTracer(self._is_user_code, self._on_line, self._on_exception)
        self.parts = [part(self) for part in PARTS]

    @staticmethod
    def _more_internal_dirs() -> tuple[str, ...]:
        dirs = []
        for name in ("keras", "tf_keras", "absl", "tensorflow_probability"):
            spec = sys.modules.get(name)
            path = getattr(spec, "__file__", None)
            if path:
                dirs.append(os.path.dirname(os.path.abspath(path)) + os.sep)
            else:
                found = importlib.util.find_spec(name) if name not in sys.modules else None
                if found is not None and found.origin:
                    dirs.append(os.path.dirname(os.path.abspath(found.origin)) + os.sep)
        return tuple(dirs)

    # ======================================================================================
    # install / finish
    # ======================================================================================
    def install(self) -> None:
        """Patch TensorFlow, then start counting lines: call before running user code."""
        for part in self.parts:
            part.install()
        self.rec.run["tensorflow_version"] = tf.__version__
        self.rec.run["python_version"] = sys.version.split()[0]
        self.rec.run["line_counter"] = self.tracer.backend
        self.tracer.start()

    def finish(self) -> None:
        """Stop counting and record the final state (eager mode, then each part's: tracing counts, modules)."""
        if not self.tracer.active:
            self.rec.notes.append(
                "line counting was switched off during the run (user code replaced "
                "sys.settrace / sys.monitoring): later lines count as not run"
            )
        if self.tracer.dropped:
            self.rec.notes.append(f"{self.tracer.dropped} line or exception events were lost to errors in tflint")
        self.tracer.stop()
        try:
            self.rec.run["eager_at_exit"] = bool(tf.executing_eagerly())
        except Exception:  # pylint: disable=broad-exception-caught
            pass
        for part in self.parts:
            part.finish()

    # ======================================================================================
    # where code is
    # ======================================================================================
    def user_path(self, filename: str) -> str | None:
        """The plan's path for a user file, or None."""
        known = self._paths.get(filename, _MISSING)
        if known is _MISSING:
            known = self._user.get(_canonical(filename)) if filename and filename[0] != "<" else None
            self._paths[filename] = known
        return known  # type: ignore[return-value]

    def _is_user_code(self, code: types.CodeType) -> bool:
        filename = code.co_filename
        return filename in self._generated or self.user_path(filename) is not None

    def add_generated_line(self, filename: str, line: int, origin: tuple[str, int]) -> None:
        """Line ``line`` of AutoGraph's generated ``filename`` came from the user's ``origin``."""
        self._autograph[(filename, line)] = origin
        self._generated.add(filename)

    def locate(self, filename: str, line: int) -> tuple[str, int] | None:
        """``(user path, line)`` for a line of user code or of AutoGraph's code generated from it."""
        path = self.user_path(filename)
        if path is not None:
            return (path, line)
        if filename in self._generated:
            return self._autograph.get((filename, line))
        return None

    def frame_location(self, frame: types.FrameType | None) -> tuple[str, int] | None:
        """:meth:`locate` for the line a frame is at."""
        if frame is None:
            return None
        return self.locate(frame.f_code.co_filename, frame.f_lineno)

    def _internal(self, frame: types.FrameType) -> bool:
        filename = frame.f_code.co_filename
        return filename.startswith((*self.internal_dirs, "<frozen"))

    def user_site(self, frame: types.FrameType | None, depth: int = 16) -> tuple[str, int] | None:
        """The nearest user line at or above ``frame`` (skipping TensorFlow's and Keras' frames)."""
        while frame is not None and depth > 0:
            location = self.frame_location(frame)
            if location is not None:
                return location
            frame = frame.f_back
            depth -= 1
        return None

    def caller_site(self, frame: types.FrameType | None) -> tuple[str, int] | None:
        """The first frame above internal frames, if it is user code."""
        while frame is not None and self._internal(frame):
            frame = frame.f_back
        return self.frame_location(frame)

    def traceback_location(self, tb: types.TracebackType | None) -> tuple[str, int] | None:
        """The deepest user line of a traceback."""
        found = None
        while tb is not None:
            location = self.locate(tb.tb_frame.f_code.co_filename, tb.tb_lineno)
            if location is not None:
                found = location
            tb = tb.tb_next
        return found

    def definition_site(self, func: Any) -> tuple[str, int] | None:
        """Where a function is defined, if in user code."""
        try:
            code = inspect.unwrap(func).__code__
        except Exception:  # pylint: disable=broad-exception-caught
            return None
        return self.locate(code.co_filename, code.co_firstlineno)

    # ======================================================================================
    # owners and traces
    # ======================================================================================
    def stack(self) -> list[Owner]:
        """The owners being called or traced on this thread, innermost last: a graph built now
        belongs to the last one."""
        stack = getattr(self._local, "stack", None)
        if stack is None:
            stack = self._local.stack = []
        return stack

    def current_tag(self) -> _Tag | None:
        """The tag of the graph being built on this thread, or None when not tracing (also inside
        ``tf.init_scope()`` in a trace, which runs eagerly while the graph stays the default)."""
        try:
            if eager_context.executing_eagerly():
                return None
            graph = ops.get_default_graph()
        except Exception:  # pylint: disable=broad-exception-caught
            return None
        if not getattr(graph, "building_function", False):
            return None
        tag = getattr(graph, "_tflint_tag", None)
        if tag is None:
            tag = self.tag_graph(graph)
        return tag

    @staticmethod
    def _in_graph_loop() -> bool:
        """Is the graph being built the body of a graph loop (``while_body_N``, ``map_while_body_N``)?"""
        try:
            return "while_body" in ops.get_default_graph().name
        except Exception:  # pylint: disable=broad-exception-caught
            return False

    def tag_graph(self, graph: Any) -> _Tag:
        """Tag a new graph with the trace that builds it (a nested graph shares its outer graph's)."""
        stack = self.stack()
        top = stack[-1] if stack else None
        outer = getattr(graph, "outer_graph", None)
        outer_tag = getattr(outer, "_tflint_tag", None) if outer is not None else None
        if top is None:
            tag = outer_tag or _Tag(None, self.rec.new_trace(), str(getattr(graph, "name", "graph")))
        elif outer_tag is not None and outer_tag.owner == top.id:
            tag = outer_tag  # a cond/while branch or other graph nested in the same trace
        else:
            tag = _Tag(top.id, self.rec.new_trace(), str(getattr(graph, "name", "graph")))
        try:
            graph._tflint_tag = tag  # pylint: disable=protected-access
        except Exception:  # pylint: disable=broad-exception-caught
            pass
        return tag

    def tag_owner(self, tag: _Tag) -> int:
        """The owner of a trace, creating a pseudo-owner for graphs nobody traced (Keras builds)."""
        if tag.owner is None:
            base = re.sub(r"_\d+$", "", tag.name)
            owner_id = self._pseudo.get(base)
            if owner_id is None:
                label = (
                    "a Keras symbolic build (not a call)"
                    if base.startswith("scratch_graph")
                    else f"a graph built outside any tf.function (`{base}`)"
                )
                owner_id = self._pseudo[base] = self.rec.new_owner("graph", base, label).id
            tag.owner = owner_id
        return tag.owner

    def link(self, parent_tag: _Tag, owner: Owner) -> None:
        """``owner`` was called while ``parent_tag``'s trace was built: its graph runs inside that one."""
        parent = self.tag_owner(parent_tag)
        if parent != owner.id and parent not in owner.parents:
            owner.parents.append(parent)
            self.children.setdefault(parent, set()).add(owner.id)

    # ======================================================================================
    # lines and exceptions (the LineTracer's callbacks)
    # ======================================================================================
    def _on_line(self, frame: types.FrameType, line: int) -> None:
        location = self.locate(frame.f_code.co_filename, line)
        if location is None:
            return
        tag = self.current_tag()
        if tag is None:
            self.rec.line(location[0], location[1], None, None)
            return
        owner = self.tag_owner(tag)
        self.rec.line(location[0], location[1], owner, tag.serial, self._in_graph_loop())
        self.globals.traced_line(location, frame, owner)

    def _on_exception(self, frame: types.FrameType, exc: BaseException) -> None:
        location = self.frame_location(frame)
        if location is None:
            return
        tag = self.current_tag()
        self.rec.exception(location[0], location[1], exc, self.tag_owner(tag) if tag else None)
