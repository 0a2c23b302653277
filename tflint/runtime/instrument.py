"""Install the runtime instrumentation with real TensorFlow, before any user code runs.

Only the child imports this module (it imports TensorFlow). Everything installed here delegates
to TensorFlow's own implementation and only records; user code sees the same results, errors and
types. What is installed:

- ``tf.function`` (the attribute on the real ``tensorflow`` module, so ``@tf.function``,
  ``tf.function(f)`` and ``from tensorflow import function`` done later all use it) records where
  each function is created and with which options;
- ``Function.__call__`` / ``get_concrete_function`` (on TensorFlow's class, so Keras' own step
  functions and bound methods count too) record calls, call sites, the tracing count
  (``experimental_get_tracing_count()``) and the argument signature of every call that traced;
- ``FuncGraph.__init__`` tags each graph being built with the function being traced, so a line
  that runs while a graph is built is attributed to one trace of one function;
- ``Dataset.map``/``filter``/``flat_map``/``interleave``/``reduce``/``scan`` given a user function
  count the elements that reach it: a tiny ``tf.py_function`` counter op runs on each element, in
  an identity ``map`` put in front of the user's transformation (the user's function is untouched);
- AutoGraph's loader records the source map of each converted function, so generated code's lines
  count for the user's lines;
- the ``tf.compat.v1`` namespace (and ``tf.compat``) is replaced by recording stand-ins that
  delegate every attribute, and ``Session`` methods record their calling line;
- a handler on the ``tensorflow`` logger keeps the retracing and AutoGraph warnings;
- :class:`~tflint.runtime.lines.LineTracer` counts line executions and exceptions in user files.
"""

from __future__ import annotations

import dis
import functools
import importlib.util
import inspect
import logging
import os
import re
import reprlib
import sys
import threading
import types
import weakref
from typing import Any

import numpy as np
import tensorflow as tf
from tensorflow.python.autograph.pyct import loader as autograph_loader
from tensorflow.python.client import session as session_lib
from tensorflow.python.data.ops import dataset_ops
from tensorflow.python.eager import context as eager_context
from tensorflow.python.eager.polymorphic_function import polymorphic_function
from tensorflow.python.framework import func_graph as func_graph_module
from tensorflow.python.framework import ops
from tensorflow.python.ops import script_ops

from tflint.runtime.lines import LineTracer
from tflint.runtime.observations import Owner, Recorder

_V1_MODULE = "tensorflow._api.v2.compat.v1"
_V2_MODULE = "tensorflow._api.v2.compat.v2"
_COMPAT_MODULE = "tensorflow._api.v2.compat"
_IMPORT_FROM = dis.opmap["IMPORT_FROM"]
_KERAS_MAKERS = {
    "make_train_function": "Keras fit's train step",
    "make_test_function": "Keras evaluate's test step",
    "make_predict_function": "Keras predict's predict step",
}
# Dataset methods that take a function, and the position of that function among the arguments.
_DATASET_METHODS = {"map": 0, "filter": 0, "flat_map": 0, "interleave": 0, "reduce": 1, "scan": 1}
_RETRACING = re.compile(r"calls to <function ([\w.<>]+) at")
_SHORT = reprlib.Repr()
_SHORT.maxstring = 40
_SHORT.maxother = 40
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
        self._functions: dict[int, weakref.ref] = {}
        self._children: dict[int, set[int]] = {}
        self._pseudo: dict[str, int] = {}
        self._watch_lines: dict[tuple[str, int], list[dict[str, Any]]] = {}
        self._watch_state: dict[tuple[int, int], tuple[dict, Any]] = {}
        self._watched_by_owner: dict[int, set[tuple[int, int]]] = {}
        self._namespaces: dict[str, types.ModuleType] = {}
        self._v1_only_cache: dict[str, bool | None] = {}
        self._internal_dirs = tuple(
            d + os.sep for d in {_package_dir(tf), os.path.dirname(os.path.abspath(__file__))}
        ) + self._more_internal_dirs()
        for index, watch in enumerate(plan.get("watch_globals", [])):
            watch = dict(watch, id=index)
            for line in range(watch["first"], watch["last"] + 1):
                self._watch_lines.setdefault((watch["path"], line), []).append(watch)
        self.tracer = LineTracer(self._is_user_code, self._on_line, self._on_exception)

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
        self._patch_tf_function()
        self._patch_function_class()
        self._patch_func_graph()
        self._patch_autograph_loader()
        self._patch_datasets()
        self._patch_sessions()
        self._patch_py_function_calls()
        self._install_namespaces()
        self._install_log_handler()
        self.rec.run["tensorflow_version"] = tf.__version__
        self.rec.run["python_version"] = sys.version.split()[0]
        self.rec.run["line_counter"] = self.tracer.backend
        self.tracer.start()

    def finish(self) -> None:
        """Stop counting and record the final state (tracing counts, eager mode, modules)."""
        if not self.tracer.active:
            self.rec.notes.append("line counting was switched off during the run (user code replaced "
                                  "sys.settrace / sys.monitoring): later lines count as not run")
        if self.tracer.dropped:
            self.rec.notes.append(f"{self.tracer.dropped} line or exception events were lost to errors in tflint")
        self.tracer.stop()
        for owner_id, ref in self._functions.items():
            function = ref()
            owner = self.rec.owners.get(owner_id)
            if function is not None and owner is not None:
                owner.tracing_count = self._tracing_count(function)
        try:
            self.rec.run["eager_at_exit"] = bool(tf.executing_eagerly())
        except Exception:  # pylint: disable=broad-exception-caught
            pass
        for dotted in self.plan.get("module_checks", []):
            self.rec.module_checks[dotted] = self._module_state(dotted)

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

    def locate(self, filename: str, line: int) -> tuple[str, int] | None:
        """``(user path, line)`` for a line of user code or of AutoGraph's code generated from it."""
        path = self.user_path(filename)
        if path is not None:
            return (path, line)
        if filename in self._generated:
            return self._autograph.get((filename, line))
        return None

    def frame_location(self, frame: types.FrameType | None) -> tuple[str, int] | None:
        if frame is None:
            return None
        return self.locate(frame.f_code.co_filename, frame.f_lineno)

    def _internal(self, frame: types.FrameType) -> bool:
        filename = frame.f_code.co_filename
        return filename.startswith(self._internal_dirs) or filename.startswith("<frozen")

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

    # ======================================================================================
    # owners and traces
    # ======================================================================================
    def _stack(self) -> list[Owner]:
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
            tag = self._tag_graph(graph)
        return tag

    @staticmethod
    def _in_graph_loop() -> bool:
        """Is the graph being built the body of a graph loop (``while_body_N``, ``map_while_body_N``)?"""
        try:
            return "while_body" in ops.get_default_graph().name
        except Exception:  # pylint: disable=broad-exception-caught
            return False

    def _tag_graph(self, graph: Any) -> _Tag:
        stack = self._stack()
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

    def _tag_owner(self, tag: _Tag) -> int:
        """The owner of a trace, creating a pseudo-owner for graphs nobody traced (Keras builds)."""
        if tag.owner is None:
            base = re.sub(r"_\d+$", "", tag.name)
            owner_id = self._pseudo.get(base)
            if owner_id is None:
                label = ("a Keras symbolic build (not a call)" if base.startswith("scratch_graph")
                         else f"a graph built outside any tf.function (`{base}`)")
                owner_id = self._pseudo[base] = self.rec.new_owner("graph", base, label).id
            tag.owner = owner_id
        return tag.owner

    def _function_owner(self, function: Any, site: tuple[str, int] | None = None,
                        label: str | None = None) -> Owner:
        owner_id = function.__dict__.get("_tflint_owner") if hasattr(function, "__dict__") else None
        if owner_id is not None and owner_id in self.rec.owners:
            return self.rec.owners[owner_id]
        python_function = getattr(function, "python_function", None)
        name = getattr(function, "_name", None) or getattr(python_function, "__name__", "function")
        qualname = getattr(inspect.unwrap(python_function), "__qualname__", name) if python_function else name
        if site is None:
            site = self._definition_site(python_function)
        owner = self.rec.new_owner("function", str(name), label or f"`{qualname}`", site)
        owner.options["qualname"] = str(qualname)
        try:
            function.__dict__["_tflint_owner"] = owner.id
            self._functions[owner.id] = weakref.ref(function)
        except Exception:  # pylint: disable=broad-exception-caught
            pass
        return owner

    def _definition_site(self, func: Any) -> tuple[str, int] | None:
        try:
            code = inspect.unwrap(func).__code__
        except Exception:  # pylint: disable=broad-exception-caught
            return None
        return self.locate(code.co_filename, code.co_firstlineno)

    @staticmethod
    def _tracing_count(function: Any) -> int:
        try:
            return int(function.experimental_get_tracing_count())
        except Exception:  # pylint: disable=broad-exception-caught
            return 0

    def _link(self, parent_tag: _Tag, owner: Owner) -> None:
        parent = self._tag_owner(parent_tag)
        if parent != owner.id and parent not in owner.parents:
            owner.parents.append(parent)
            self._children.setdefault(parent, set()).add(owner.id)

    # ======================================================================================
    # tf.function and Function
    # ======================================================================================
    def _patch_tf_function(self) -> None:
        real = tf.function
        instrumentation = self

        @functools.wraps(real)
        def function(*args, **kwargs):
            caller = sys._getframe(1)  # pylint: disable=protected-access
            site = instrumentation.user_site(caller)
            label_prefix = instrumentation._keras_maker(caller)
            result = real(*args, **kwargs)
            if isinstance(result, polymorphic_function.Function):
                instrumentation._created(result, site, label_prefix, kwargs)
                return result
            if callable(result) and not args:
                decorator = result

                @functools.wraps(decorator)
                def decorate(func):
                    made = decorator(func)
                    if isinstance(made, polymorphic_function.Function):
                        instrumentation._created(made, site, label_prefix, kwargs)
                    return made

                return decorate
            return result

        function.__tflint_original__ = real  # type: ignore[attr-defined]
        for module_name in ("tensorflow", _V2_MODULE, _V1_MODULE):
            module = sys.modules.get(module_name)
            if module is not None and getattr(module, "function", None) is real:
                setattr(module, "function", function)

    @staticmethod
    def _keras_maker(frame: types.FrameType | None) -> str | None:
        depth = 6
        while frame is not None and depth:
            maker = _KERAS_MAKERS.get(frame.f_code.co_name)
            if maker:
                return maker
            frame = frame.f_back
            depth -= 1
        return None

    def _created(self, function: Any, site: tuple[str, int] | None, keras: str | None,
                 kwargs: dict[str, Any]) -> None:
        name = getattr(function, "_name", "function")
        label = f"{keras} `{name}`" if keras else None
        owner = self._function_owner(function, site if not keras else None, label)
        if site is not None and not keras:
            owner.site = site
        for key, value in kwargs.items():
            if key != "input_signature" or value is not None:
                owner.options[key] = _SHORT.repr(value)

    def _patch_function_class(self) -> None:
        cls = polymorphic_function.Function
        original_call = cls.__call__
        original_concrete = cls.get_concrete_function
        instrumentation = self

        @functools.wraps(original_call)
        def __call__(function, *args, **kwargs):  # noqa: N807
            return instrumentation._function_call(original_call, function, args, kwargs)

        @functools.wraps(original_concrete)
        def get_concrete_function(function, *args, **kwargs):
            stack = instrumentation._stack()
            if instrumentation._transparent(function, stack):
                return original_concrete(function, *args, **kwargs)
            stack.append(instrumentation._function_owner(function))
            try:
                return original_concrete(function, *args, **kwargs)
            finally:
                stack.pop()

        cls.__call__ = __call__
        cls.get_concrete_function = get_concrete_function

    def _transparent(self, function: Any, stack: list[Owner]) -> bool:
        """tf.data traces the user's function through a tf.function of its own: that one is part of
        the dataset owner, not an owner of its own."""
        if not stack or stack[-1].kind != "dataset":
            return False
        try:
            code = inspect.unwrap(function.python_function).__code__
        except Exception:  # pylint: disable=broad-exception-caught
            return False
        return code.co_filename.startswith(self._internal_dirs)

    def _function_call(self, original: Any, function: Any, args: tuple, kwargs: dict) -> Any:
        stack = self._stack()
        if self._transparent(function, stack):
            return original(function, *args, **kwargs)
        owner = self._function_owner(function)
        site = self.user_site(sys._getframe(2))  # pylint: disable=protected-access
        before = self._tracing_count(function)
        tag = self.current_tag()
        if tag is not None:  # called while a function is being traced
            owner.nested_calls += 1
            if self._tag_owner(tag) == owner.id:
                owner.recursive_calls += 1
            self._link(tag, owner)
            stack.append(owner)
            try:
                return original(function, *args, **kwargs)
            finally:
                stack.pop()
                self._traced_call(owner, function, site, before, args, kwargs)
        owner.calls += 1
        if getattr(function, "_run_functions_eagerly", False):
            owner.eager_calls += 1
        pending = self._before_run(owner)
        stack.append(owner)
        try:
            return original(function, *args, **kwargs)
        finally:
            stack.pop()
            retraced = self._traced_call(owner, function, site, before, args, kwargs)
            self._after_run(owner, retraced, pending)

    def _traced_call(self, owner: Owner, function: Any, site: tuple[str, int] | None, before: int,
                     args: tuple, kwargs: dict) -> bool:
        """After a call: record its site, and its signature when it traced."""
        after = self._tracing_count(function)
        retraced = after != before
        owner.tracing_count = after
        if retraced and len(owner.traces) < 50:
            owner.traces.append({"call": owner.calls, "site": list(site) if site else None,
                                 "signature": self._signature(function, args, kwargs)})
        self.rec.add_call_site(owner, site, retraced)
        return retraced

    def _signature(self, function: Any, args: tuple, kwargs: dict) -> list[list[str]]:
        """``[[parameter, kind, text], ...]`` with kind ``tensor``, ``python`` or ``object``."""
        try:
            bound = inspect.signature(function.python_function).bind_partial(*args, **kwargs)
            items = list(bound.arguments.items())
        except Exception:  # pylint: disable=broad-exception-caught
            items = [(f"arg{i}", a) for i, a in enumerate(args)] + list(kwargs.items())
        result: list[list[str]] = []
        for name, value in items:
            self._describe(str(name), value, result, 2)
        return result[:40]

    def _describe(self, name: str, value: Any, out: list[list[str]], depth: int) -> None:
        if tf.is_tensor(value) or isinstance(value, tf.Variable):
            shape = getattr(value, "shape", None)
            dtype = getattr(getattr(value, "dtype", None), "name", "?")
            out.append([name, "tensor", f"{dtype}{list(shape) if shape is not None and shape.rank is not None else '[?]'}"])
        elif isinstance(value, np.ndarray):
            out.append([name, "tensor", f"ndarray {value.dtype}{list(value.shape)}"])
        elif value is None or isinstance(value, (bool, int, float, complex, str, bytes, np.generic)):
            out.append([name, "python", _SHORT.repr(value)])
        elif isinstance(value, (list, tuple)) and depth > 0:
            if not value:
                out.append([name, "python", repr(value)])
            for index, item in enumerate(value[:10]):
                self._describe(f"{name}[{index}]", item, out, depth - 1)
        elif isinstance(value, dict) and depth > 0:
            if not value:
                out.append([name, "python", "{}"])
            for key, item in list(value.items())[:10]:
                self._describe(f"{name}[{key!r}]", item, out, depth - 1)
        else:
            out.append([name, "object", f"{type(value).__qualname__} object at {id(value):#x}"])

    # ======================================================================================
    # FuncGraph tags and AutoGraph source maps
    # ======================================================================================
    def _patch_func_graph(self) -> None:
        cls = func_graph_module.FuncGraph
        original = cls.__init__
        instrumentation = self

        @functools.wraps(original)
        def __init__(graph, *args, **kwargs):  # noqa: N807
            original(graph, *args, **kwargs)
            try:
                instrumentation._tag_graph(graph)
            except Exception:  # pylint: disable=broad-exception-caught
                pass

        cls.__init__ = __init__

    def _patch_autograph_loader(self) -> None:
        original = autograph_loader.load_ast
        instrumentation = self

        @functools.wraps(original)
        def load_ast(nodes, *args, **kwargs):
            result = original(nodes, *args, **kwargs)
            try:
                instrumentation._source_map(result[2])
            except Exception:  # pylint: disable=broad-exception-caught
                pass
            return result

        autograph_loader.load_ast = load_ast

    def _source_map(self, source_map: dict | None) -> None:
        for generated, origin in (source_map or {}).items():
            path = self.user_path(origin.loc.filename)
            if path is not None:
                self._autograph[(generated.filename, generated.lineno)] = (path, origin.loc.lineno)
                self._generated.add(generated.filename)

    # ======================================================================================
    # lines, exceptions, frozen globals
    # ======================================================================================
    def _on_line(self, frame: types.FrameType, line: int) -> None:
        location = self.locate(frame.f_code.co_filename, line)
        if location is None:
            return
        tag = self.current_tag()
        if tag is None:
            self.rec.line(location[0], location[1], None, None)
            return
        owner = self._tag_owner(tag)
        self.rec.line(location[0], location[1], owner, tag.serial, self._in_graph_loop())
        watches = self._watch_lines.get(location)
        if watches:
            self._snapshot(watches, frame, owner)

    def _on_exception(self, frame: types.FrameType, exc: BaseException) -> None:
        location = self.frame_location(frame)
        if location is None:
            return
        tag = self.current_tag()
        self.rec.exception(location[0], location[1], exc, self._tag_owner(tag) if tag else None)

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
                    "path": watch["path"], "line": watch["first"], "name": watch["name"], "owner": owner,
                    "traced_value": None, "checked_runs": 0, "stale_runs": 0, "example": None,
                }
            entry["traced_value"] = _SHORT.repr(value)

    def _watched(self, owner: Owner) -> list[tuple[int, int]]:
        keys: list[tuple[int, int]] = []
        todo, seen = [owner.id], set()
        while todo:
            current = todo.pop()
            if current in seen:
                continue
            seen.add(current)
            keys.extend(self._watched_by_owner.get(current, ()))
            todo.extend(self._children.get(current, ()))
        return keys

    def _before_run(self, owner: Owner) -> list[tuple[tuple[int, int], str]]:
        """Before a run: which watched globals differ from the value their trace read."""
        pending = []
        if not self._watched_by_owner:
            return pending
        for key in self._watched(owner):
            namespace, traced = self._watch_state[key]
            entry = self.rec.globals[key]
            value = namespace.get(entry["name"], _MISSING)
            entry["checked_runs"] += 1
            if _fingerprint(value) != traced:
                pending.append((key, _SHORT.repr(value)))
        return pending

    def _after_run(self, owner: Owner, retraced: bool, pending: list[tuple[tuple[int, int], str]]) -> None:
        if retraced:
            return  # the new trace read the new value (the line ran again and took a snapshot)
        for key, now in pending:
            entry = self.rec.globals[key]
            entry["stale_runs"] += 1
            if entry["example"] is None:
                entry["example"] = {"traced": entry["traced_value"], "now": now, "run": self._run_number(owner)}

    @staticmethod
    def _run_number(owner: Owner) -> int:
        return owner.elements if owner.kind == "dataset" and owner.elements is not None else owner.calls

    # ======================================================================================
    # tf.data
    # ======================================================================================
    def _patch_datasets(self) -> None:
        cls = dataset_ops.DatasetV2
        for method, position in _DATASET_METHODS.items():
            original = cls.__dict__.get(method)
            if original is None:
                continue
            setattr(cls, method, self._dataset_wrapper(original, method, position))

    def _dataset_wrapper(self, original: Any, method: str, position: int) -> Any:
        instrumentation = self
        parameter = list(inspect.signature(original).parameters)[position + 1]

        @functools.wraps(original)
        def transform(dataset, *args, **kwargs):
            func = args[position] if len(args) > position else kwargs.get(parameter)
            site = instrumentation._user_function_site(func)
            if site is None:
                return original(dataset, *args, **kwargs)
            return instrumentation._dataset_call(original, method, func, site, dataset, args, kwargs)

        return transform

    def _user_function_site(self, func: Any) -> tuple[str, int] | None:
        """Where a user function is defined (None for TensorFlow's and Keras' own functions)."""
        target = func
        for _ in range(4):
            if isinstance(target, functools.partial):
                target = target.func
            elif inspect.ismethod(target):
                target = target.__func__
            elif isinstance(target, polymorphic_function.Function):
                target = target.python_function
            else:
                break
        try:
            target = inspect.unwrap(target)
            code = getattr(target, "__code__", None) or type(target).__call__.__code__
        except Exception:  # pylint: disable=broad-exception-caught
            return None
        return self.locate(code.co_filename, code.co_firstlineno)

    def _dataset_call(self, original: Any, method: str, func: Any, site: tuple[str, int],
                      dataset: Any, args: tuple, kwargs: dict) -> Any:
        name = getattr(func, "__name__", type(func).__name__)
        caller = self.user_site(sys._getframe(2))  # pylint: disable=protected-access
        owner = self.rec.new_owner("dataset", str(name), f"Dataset.{method}(`{name}`)", caller or site)
        owner.options["function_site"] = f"{site[0]}:{site[1]}"
        stack = self._stack()
        stack.append(owner)
        try:
            counted = self._count_elements(dataset, owner)
            return original(counted, *args, **kwargs)
        finally:
            stack.pop()

    def _count_elements(self, dataset: Any, owner: Owner) -> Any:
        """``dataset`` followed by an identity map whose py_function counter ticks per element."""
        instrumentation = self
        map_v2 = getattr(dataset_ops.DatasetV2.map, "__wrapped__", dataset_ops.DatasetV2.map)
        try:
            unpack = type(dataset.element_spec) is tuple  # pylint: disable=unidiomatic-typecheck  # exactly as Dataset.map unpacks
        except Exception:  # pylint: disable=broad-exception-caught
            return dataset

        def tick():
            instrumentation.tracer.ensure_thread()
            owner.elements = (owner.elements or 0) + 1
            pending = instrumentation._before_run(owner)
            instrumentation._after_run(owner, False, pending)
            return np.int64(0)

        @tf.autograph.experimental.do_not_convert
        def count(*element):
            ticked = tf.py_function(tick, [], tf.int64, name="tflint_element_counter")
            with tf.control_dependencies([ticked]):
                if unpack:
                    return tuple(tf.nest.map_structure(tf.identity, part) for part in element)
                return tf.nest.map_structure(tf.identity, element[0])

        try:
            counted = map_v2(dataset, count)
        except Exception as exc:  # pylint: disable=broad-exception-caught
            self.rec.notes.append(f"could not count the elements of {owner.label}: {type(exc).__name__}: {exc}"[:300])
            return dataset
        owner.elements = 0
        return counted

    def _patch_py_function_calls(self) -> None:
        """py_function callbacks run on TensorFlow's own threads: count their lines too."""
        registry = type(script_ops._py_funcs)  # pylint: disable=protected-access
        original = registry.__call__
        tracer = self.tracer

        @functools.wraps(original)
        def __call__(funcs, *args, **kwargs):  # noqa: N807
            tracer.ensure_thread()
            return original(funcs, *args, **kwargs)

        registry.__call__ = __call__

    # ======================================================================================
    # TF1: tf.compat.v1 namespaces and Sessions
    # ======================================================================================
    def _install_namespaces(self) -> None:
        compat = sys.modules.get(_COMPAT_MODULE)
        v1 = sys.modules.get(_V1_MODULE)
        if compat is None or v1 is None:
            self.rec.notes.append("tf.compat.v1 not found: TF1 API uses are not recorded")
            return
        v1_proxy = self.namespace(v1, "tf.compat.v1")
        compat_proxy = _Namespace(compat, "tf.compat", self, only=("v1",))
        setattr(compat, "v1", v1_proxy)
        for name in (_V1_MODULE, "tensorflow.compat.v1"):
            sys.modules[name] = v1_proxy
        for name in (_COMPAT_MODULE, "tensorflow.compat"):
            sys.modules[name] = compat_proxy
        tf.compat = compat_proxy  # the real `tensorflow` module's attribute

    def namespace(self, module: types.ModuleType, dotted: str) -> types.ModuleType:
        proxy = self._namespaces.get(module.__name__)
        if proxy is None:
            proxy = self._namespaces[module.__name__] = _Namespace(module, dotted, self)
        return proxy

    def v1_access(self, dotted: str, value: Any, frame: types.FrameType | None) -> Any:
        """Called by a namespace stand-in for every public attribute read; returns the value to use."""
        location = self.frame_location(frame)
        if isinstance(value, types.ModuleType) and not isinstance(value, _Namespace):
            module_name = getattr(value, "__name__", "")
            if isinstance(module_name, str) and module_name.startswith(_V1_MODULE + "."):
                value = self.namespace(value, dotted)
        if location is None:
            return value
        if isinstance(value, types.ModuleType):
            self.rec.tf1_use(location[0], location[1], dotted, "namespace", True if dotted == "tf.compat.v1" else None)
            return value
        v1_only = self._v1_only(dotted, value)
        self.rec.tf1_use(location[0], location[1], dotted, "symbol", v1_only)
        if v1_only and isinstance(value, types.FunctionType) and _importing_from(frame):
            return self._recording_function(value, dotted)
        return value

    def _recording_function(self, func: Any, dotted: str) -> Any:
        """``from tensorflow.compat.v1 import f``: later calls of ``f`` are recorded too."""
        instrumentation = self

        @functools.wraps(func)
        def recorded(*args, **kwargs):
            location = instrumentation.frame_location(sys._getframe(1))  # pylint: disable=protected-access
            if location is not None:
                instrumentation.rec.tf1_use(location[0], location[1], dotted, "symbol", True)
            return func(*args, **kwargs)

        return recorded

    def _v1_only(self, dotted: str, value: Any) -> bool | None:
        """True when ``tf.compat.v1.X`` is missing from TF2's namespace or is another object there."""
        cached = self._v1_only_cache.get(dotted, _MISSING)
        if cached is not _MISSING:
            return cached  # type: ignore[return-value]
        result: bool | None
        try:
            node: Any = sys.modules[_V2_MODULE]
            parts = dotted.split(".")[3:]
            for part in parts[:-1]:
                node = vars(node).get(part)
                if node is None:
                    break
            if node is None:
                result = True
            else:
                target = vars(node).get(parts[-1], _MISSING)
                if target is _MISSING:
                    public = vars(node).get("_tfmw_public_apis") or {}
                    result = None if parts[-1] in public else True
                else:
                    result = target is not value
        except Exception:  # pylint: disable=broad-exception-caught
            result = None
        self._v1_only_cache[dotted] = result
        return result

    def _patch_sessions(self) -> None:
        targets = (
            (session_lib.BaseSession, ("run", "partial_run", "partial_run_setup", "make_callable")),
            (session_lib.Session, ("__init__", "__enter__")),
            (session_lib.InteractiveSession, ("__init__",)),
        )
        for cls, methods in targets:
            for method in methods:
                original = cls.__dict__.get(method)
                if original is not None:
                    public = "tf.compat.v1." + ("Session" if cls is session_lib.BaseSession else cls.__name__)
                    symbol = {"__init__": f"{public}()", "__enter__": f"with {public}()"}.get(method, f"{public}.{method}()")
                    setattr(cls, method, self._session_wrapper(original, symbol))

    def _session_wrapper(self, original: Any, symbol: str) -> Any:
        instrumentation = self

        @functools.wraps(original)
        def recorded(*args, **kwargs):
            location = instrumentation.caller_site(sys._getframe(1))  # pylint: disable=protected-access
            if location is not None:
                instrumentation.rec.tf1_use(location[0], location[1], symbol, "session", True)
            return original(*args, **kwargs)

        return recorded

    @staticmethod
    def _module_state(dotted: str) -> str:
        """``present`` or ``missing: <first missing module>`` for a dotted TensorFlow module name."""
        parts = dotted.split(".")
        node: Any = sys.modules.get(parts[0])
        for index in range(1, len(parts)):
            name = ".".join(parts[: index + 1])
            child = sys.modules.get(name)
            if child is None and node is not None:
                try:
                    child = getattr(node, parts[index], None)
                except Exception:  # pylint: disable=broad-exception-caught
                    child = None
            if child is None:
                try:
                    spec = importlib.util.find_spec(name)
                except (ImportError, ValueError, AttributeError):
                    spec = None
                if spec is None:
                    return f"missing: {name}"
            node = child
        return "present"

    # ======================================================================================
    # TensorFlow's warnings
    # ======================================================================================
    def _install_log_handler(self) -> None:
        logging.getLogger("tensorflow").addHandler(_WarningHandler(self))

    def log_record(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if "triggered tf.function retracing" in message:
            match = _RETRACING.search(message)
            name = match.group(1) if match else None
            for owner in self.rec.owners.values():
                if name and owner.kind == "function" and owner.options.get("qualname") == name:
                    owner.retracing_warnings += 1
            self.rec.warning("retracing", message, name)
        elif "AutoGraph" in message:
            func = record.args[0] if isinstance(record.args, tuple) and record.args else None
            site = self._definition_site(func) if callable(func) else None
            self.rec.warning("autograph", message, getattr(func, "__qualname__", None), site)
        elif "deprecated" in message:
            self.rec.warning("deprecation", message)


class _WarningHandler(logging.Handler):
    def __init__(self, instrumentation: Instrumentation) -> None:
        super().__init__(level=logging.WARNING)
        self._instrumentation = instrumentation

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self._instrumentation.log_record(record)
        except Exception:  # pylint: disable=broad-exception-caught
            pass


class _Namespace(types.ModuleType):
    """A stand-in for a TF1 namespace module: every attribute is the real one, and public reads
    from user code are recorded with their line. ``only`` limits recording to some names."""

    def __init__(self, real: types.ModuleType, dotted: str, instrumentation: Instrumentation,
                 only: tuple[str, ...] | None = None) -> None:
        super().__init__(real.__name__)
        own = object.__getattribute__(self, "__dict__")
        for key in [k for k in own if k != "__name__"]:
            del own[key]
        own["_tflint_real"] = real
        own["_tflint_dotted"] = dotted
        own["_tflint_instrumentation"] = instrumentation
        own["_tflint_only"] = only

    def __getattr__(self, name: str) -> Any:
        own = object.__getattribute__(self, "__dict__")
        value = getattr(own["_tflint_real"], name)
        if name.startswith("_") or (own["_tflint_only"] is not None and name not in own["_tflint_only"]):
            return value
        try:
            return own["_tflint_instrumentation"].v1_access(
                f"{own['_tflint_dotted']}.{name}", value, sys._getframe(1))  # pylint: disable=protected-access
        except Exception:  # pylint: disable=broad-exception-caught
            return value

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(object.__getattribute__(self, "__dict__")["_tflint_real"], name, value)

    def __delattr__(self, name: str) -> None:
        delattr(object.__getattribute__(self, "__dict__")["_tflint_real"], name)

    def __dir__(self) -> list[str]:
        return dir(object.__getattribute__(self, "__dict__")["_tflint_real"])

    def __repr__(self) -> str:
        return repr(object.__getattribute__(self, "__dict__")["_tflint_real"])


def _importing_from(frame: types.FrameType | None) -> bool:
    """Is ``frame`` executing ``from module import name`` right now?"""
    if frame is None:
        return False
    try:
        return frame.f_code.co_code[frame.f_lasti] == _IMPORT_FROM
    except (IndexError, AttributeError):
        return False


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
        return ("object", type(value).__qualname__, id(value),
                tuple((k, _fingerprint(v, depth - 1)) for k, v in list(attributes.items())[:100]))
    return ("object", type(value).__qualname__, id(value))


def install(plan: dict[str, Any], recorder: Recorder) -> Instrumentation:
    """Create and install the instrumentation for ``plan``, recording into ``recorder``."""
    instrumentation = Instrumentation(plan, recorder)
    instrumentation.install()
    return instrumentation
