"""Count Python line executions and exceptions in the user's files, and nothing else.

``sys.monitoring`` on Python 3.12+ (one callback per location, disabled for good outside user
code), ``sys.settrace`` before (a local tracer only for frames of user code; every thread started
later too, and TensorFlow's own threads when a hook of ours first runs on them).

This module knows nothing of TensorFlow: ``is_user`` says which code objects to watch, and the two
callbacks receive the frame and the line (or exception).
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from types import CodeType, FrameType
from typing import Any

# sys.monitoring exists from Python 3.12 on; tflint supports 3.10, where type checkers lack it.
_MONITORING: Any = getattr(sys, "monitoring", None)

OnLine = Callable[[FrameType, int], None]
OnException = Callable[[FrameType, BaseException], None]
IsUser = Callable[[CodeType], bool]

_IGNORED_EXCEPTIONS = (StopIteration, StopAsyncIteration, GeneratorExit)
_TOOL_NAME = "tflint-runtime"


class LineTracer:
    """Start with :meth:`start`; callbacks never see frames of code ``is_user`` rejects."""

    def __init__(self, is_user: IsUser, on_line: OnLine, on_exception: OnException) -> None:
        self._is_user = is_user
        self._on_line = on_line
        self._on_exception = on_exception
        self._decided: dict[CodeType, bool] = {}
        self._tool: int | None = None
        self.dropped = 0  # events lost to an error inside a callback
        self.backend = "sys.monitoring" if hasattr(sys, "monitoring") else "sys.settrace"

    def wanted(self, code: CodeType) -> bool:
        decided = self._decided.get(code)
        if decided is None:
            try:
                decided = bool(self._is_user(code))
            except Exception:  # pylint: disable=broad-exception-caught
                decided = False
            self._decided[code] = decided
        return decided

    def forget(self) -> None:
        """Decide again for every code object (after new user files became known)."""
        self._decided.clear()
        if self._tool is not None:
            _MONITORING.restart_events()

    # -- lifecycle ------------------------------------------------------------------------
    def start(self) -> None:
        if self.backend == "sys.monitoring":
            self._start_monitoring()
        else:
            threading.settrace(self._global_trace)
            sys.settrace(self._global_trace)

    def stop(self) -> None:
        if self._tool is not None:
            mon = _MONITORING
            mon.set_events(self._tool, 0)
            mon.register_callback(self._tool, mon.events.LINE, None)
            mon.register_callback(self._tool, mon.events.RAISE, None)
            mon.free_tool_id(self._tool)
            self._tool = None
        else:
            sys.settrace(None)
            threading.settrace(None)

    def ensure_thread(self) -> None:
        """Trace the current thread too (TensorFlow's C++ threads run py_function callbacks)."""
        if self.backend == "sys.settrace" and sys.gettrace() is None:
            sys.settrace(self._global_trace)

    # -- sys.settrace ---------------------------------------------------------------------
    def _global_trace(self, frame: FrameType, event: str, arg):
        try:
            if event == "call" and self.wanted(frame.f_code):
                return self._local_trace
        except Exception:  # pylint: disable=broad-exception-caught
            self.dropped += 1
        return None

    def _local_trace(self, frame: FrameType, event: str, arg):
        # An exception escaping a trace function makes CPython switch tracing off for good (a
        # RecursionError in deep user recursion would): never let one out.
        try:
            if event == "line":
                self._on_line(frame, frame.f_lineno)
            elif event == "exception":
                exc = arg[1]
                if not isinstance(exc, _IGNORED_EXCEPTIONS):
                    self._on_exception(frame, exc)
        except Exception:  # pylint: disable=broad-exception-caught
            self.dropped += 1
        return self._local_trace

    @property
    def active(self) -> bool:
        """Still installed on this thread (user code may have replaced the tracer)."""
        if self._tool is not None:
            return _MONITORING.get_tool(self._tool) == _TOOL_NAME
        return getattr(sys.gettrace(), "__func__", None) is LineTracer._global_trace

    # -- sys.monitoring (3.12+) -----------------------------------------------------------
    def _start_monitoring(self) -> None:
        mon = _MONITORING
        for tool in (mon.DEBUGGER_ID, 3, 4, 5, mon.PROFILER_ID):
            if mon.get_tool(tool) is None:
                mon.use_tool_id(tool, _TOOL_NAME)
                self._tool = tool
                break
        else:
            raise RuntimeError("no free sys.monitoring tool id for tflint's runtime mode")
        mon.register_callback(self._tool, mon.events.LINE, self._monitor_line)
        mon.register_callback(self._tool, mon.events.RAISE, self._monitor_raise)
        mon.set_events(self._tool, mon.events.LINE | mon.events.RAISE)

    def _monitor_line(self, code: CodeType, line: int):
        if not self.wanted(code):
            return _MONITORING.DISABLE
        try:
            self._on_line(sys._getframe(1), line)  # pylint: disable=protected-access
        except Exception:  # pylint: disable=broad-exception-caught
            self.dropped += 1
        return None

    def _monitor_raise(self, code: CodeType, offset: int, exc: BaseException) -> None:
        try:
            if self.wanted(code) and not isinstance(exc, _IGNORED_EXCEPTIONS):
                self._on_exception(sys._getframe(1), exc)  # pylint: disable=protected-access
        except Exception:  # pylint: disable=broad-exception-caught
            self.dropped += 1
