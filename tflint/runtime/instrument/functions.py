"""``tf.function``: where functions are created, how often they are called and traced, with what.

Two patches, because a function can be created without our ``tf.function`` but never called
without TensorFlow's ``Function`` class:

- ``tf.function`` (the attribute on the real ``tensorflow`` module, so ``@tf.function``,
  ``tf.function(f)`` and ``from tensorflow import function`` done later all use it) records where
  each function is created and with which options; Keras' step functions are labelled with the
  ``fit``/``evaluate``/``predict`` step that made them;
- ``Function.__call__`` / ``get_concrete_function`` (on TensorFlow's class, so Keras' own step
  functions and bound methods count too) record calls, call sites, the tracing count
  (``experimental_get_tracing_count()``) and the argument signature of every call that traced.
"""

from __future__ import annotations

import functools
import inspect
import sys
import types
import weakref
from typing import TYPE_CHECKING, Any

import numpy as np
import tensorflow as tf
from tensorflow.python.eager.polymorphic_function import polymorphic_function

from tflint.runtime.instrument.part import Part, short_repr
from tflint.runtime.observations import Owner

if TYPE_CHECKING:
    from tflint.runtime.instrument.core import Instrumentation

_V1_MODULE = "tensorflow._api.v2.compat.v1"
_V2_MODULE = "tensorflow._api.v2.compat.v2"
_KERAS_MAKERS = {
    "make_train_function": "Keras fit's train step",
    "make_test_function": "Keras evaluate's test step",
    "make_predict_function": "Keras predict's predict step",
}


class Functions(Part):
    """``tf.function`` creation, and calls and traces of every ``Function``."""

    def __init__(self, instrumentation: Instrumentation) -> None:
        super().__init__(instrumentation)
        self._functions: dict[int, weakref.ref] = {}

    def install(self) -> None:
        self._patch_tf_function()
        self._patch_function_class()

    def finish(self) -> None:
        """The final tracing count of every function still alive."""
        for owner_id, ref in self._functions.items():
            function = ref()
            owner = self.rec.owners.get(owner_id)
            if function is not None and owner is not None:
                owner.tracing_count = _tracing_count(function)

    # -- creation ---------------------------------------------------------------------------
    def _patch_tf_function(self) -> None:
        real = tf.function
        part = self
        instrumentation = self.instrumentation

        @functools.wraps(real)
        def function(*args, **kwargs):
            caller = sys._getframe(1)  # pylint: disable=protected-access
            site = instrumentation.user_site(caller)
            label_prefix = _keras_maker(caller)
            result = real(*args, **kwargs)
            if isinstance(result, polymorphic_function.Function):
                part._created(result, site, label_prefix, kwargs)
                return result
            if callable(result) and not args:
                decorator = result

                @functools.wraps(decorator)
                def decorate(func):
                    made = decorator(func)
                    if isinstance(made, polymorphic_function.Function):
                        part._created(made, site, label_prefix, kwargs)
                    return made

                return decorate
            return result

        function.__tflint_original__ = real  # type: ignore[attr-defined]
        for module_name in ("tensorflow", _V2_MODULE, _V1_MODULE):
            module: Any = sys.modules.get(module_name)  # a TensorFlow module: attributes unknown to typing
            if module is not None and getattr(module, "function", None) is real:
                module.function = function

    def _created(self, function: Any, site: tuple[str, int] | None, keras: str | None, kwargs: dict[str, Any]) -> None:
        name = getattr(function, "_name", "function")
        label = f"{keras} `{name}`" if keras else None
        owner = self._function_owner(function, site if not keras else None, label)
        if site is not None and not keras:
            owner.site = site
        for key, value in kwargs.items():
            if key != "input_signature" or value is not None:
                owner.options[key] = short_repr(value)

    def _function_owner(self, function: Any, site: tuple[str, int] | None = None, label: str | None = None) -> Owner:
        owner_id = function.__dict__.get("_tflint_owner") if hasattr(function, "__dict__") else None
        if owner_id is not None and owner_id in self.rec.owners:
            return self.rec.owners[owner_id]
        python_function = getattr(function, "python_function", None)
        name = getattr(function, "_name", None) or getattr(python_function, "__name__", "function")
        qualname = getattr(inspect.unwrap(python_function), "__qualname__", name) if python_function else name
        if site is None:
            site = self.instrumentation.definition_site(python_function)
        owner = self.rec.new_owner("function", str(name), label or f"`{qualname}`", site)
        owner.options["qualname"] = str(qualname)
        try:
            function.__dict__["_tflint_owner"] = owner.id
            self._functions[owner.id] = weakref.ref(function)
        except Exception:  # pylint: disable=broad-exception-caught
            pass
        return owner

    # -- calls and traces -------------------------------------------------------------------
    def _patch_function_class(self) -> None:
        cls = polymorphic_function.Function
        original_call = cls.__call__
        original_concrete = cls.get_concrete_function
        part = self
        instrumentation = self.instrumentation

        @functools.wraps(original_call)
        def __call__(function, *args, **kwargs):
            return part._function_call(original_call, function, args, kwargs)

        @functools.wraps(original_concrete)
        def get_concrete_function(function, *args, **kwargs):
            stack = instrumentation.stack()
            if part._transparent(function, stack):
                return original_concrete(function, *args, **kwargs)
            stack.append(part._function_owner(function))
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
        return code.co_filename.startswith(self.instrumentation.internal_dirs)

    def _function_call(self, original: Any, function: Any, args: tuple, kwargs: dict) -> Any:
        instrumentation = self.instrumentation
        stack = instrumentation.stack()
        if self._transparent(function, stack):
            return original(function, *args, **kwargs)
        owner = self._function_owner(function)
        # frame 1 is the patched __call__, frame 2 the caller
        site = instrumentation.user_site(sys._getframe(2))  # pylint: disable=protected-access
        before = _tracing_count(function)
        tag = instrumentation.current_tag()
        if tag is not None:  # called while a function is being traced
            owner.nested_calls += 1
            if instrumentation.tag_owner(tag) == owner.id:
                owner.recursive_calls += 1
            instrumentation.link(tag, owner)
            stack.append(owner)
            try:
                return original(function, *args, **kwargs)
            finally:
                stack.pop()
                self._traced_call(owner, function, site, before, args, kwargs)
        owner.calls += 1
        if getattr(function, "_run_functions_eagerly", False):
            owner.eager_calls += 1
        pending = instrumentation.globals.before_run(owner)
        stack.append(owner)
        try:
            return original(function, *args, **kwargs)
        finally:
            stack.pop()
            retraced = self._traced_call(owner, function, site, before, args, kwargs)
            instrumentation.globals.after_run(owner, retraced, pending)

    def _traced_call(
        self, owner: Owner, function: Any, site: tuple[str, int] | None, before: int, args: tuple, kwargs: dict
    ) -> bool:
        """After a call: record its site, and its signature when it traced."""
        after = _tracing_count(function)
        retraced = after != before
        owner.tracing_count = after
        if retraced and len(owner.traces) < 50:
            owner.traces.append(
                {
                    "call": owner.calls,
                    "site": list(site) if site else None,
                    "signature": _signature(function, args, kwargs),
                }
            )
        self.rec.add_call_site(owner, site, retraced)
        return retraced


def _keras_maker(frame: types.FrameType | None) -> str | None:
    """Which Keras step (``make_train_function``...) is creating a function, from the few frames above."""
    depth = 6
    while frame is not None and depth:
        maker = _KERAS_MAKERS.get(frame.f_code.co_name)
        if maker:
            return maker
        frame = frame.f_back
        depth -= 1
    return None


def _tracing_count(function: Any) -> int:
    try:
        return int(function.experimental_get_tracing_count())
    except Exception:  # pylint: disable=broad-exception-caught
        return 0


def _signature(function: Any, args: tuple, kwargs: dict) -> list[list[str]]:
    """``[[parameter, kind, text], ...]`` with kind ``tensor``, ``python`` or ``object``."""
    try:
        bound = inspect.signature(function.python_function).bind_partial(*args, **kwargs)
        items = list(bound.arguments.items())
    except Exception:  # pylint: disable=broad-exception-caught
        items = [(f"arg{i}", a) for i, a in enumerate(args)] + list(kwargs.items())
    result: list[list[str]] = []
    for name, value in items:
        _describe(str(name), value, result, 2)
    return result[:40]


def _describe(name: str, value: Any, out: list[list[str]], depth: int) -> None:
    if tf.is_tensor(value) or isinstance(value, tf.Variable):
        shape = getattr(value, "shape", None)
        dtype = getattr(getattr(value, "dtype", None), "name", "?")
        out.append([name, "tensor", f"{dtype}{list(shape) if shape is not None and shape.rank is not None else '[?]'}"])
    elif isinstance(value, np.ndarray):
        out.append([name, "tensor", f"ndarray {value.dtype}{list(value.shape)}"])
    elif value is None or isinstance(value, (bool, int, float, complex, str, bytes, np.generic)):
        out.append([name, "python", short_repr(value)])
    elif isinstance(value, (list, tuple)) and depth > 0:
        if not value:
            out.append([name, "python", repr(value)])
        for index, item in enumerate(value[:10]):
            _describe(f"{name}[{index}]", item, out, depth - 1)
    elif isinstance(value, dict) and depth > 0:
        if not value:
            out.append([name, "python", "{}"])
        for key, item in list(value.items())[:10]:
            _describe(f"{name}[{key!r}]", item, out, depth - 1)
    else:
        out.append([name, "object", f"{type(value).__qualname__} object at {id(value):#x}"])
