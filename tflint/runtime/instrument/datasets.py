"""``tf.data``: how many elements reach a user function given to a ``Dataset`` transformation.

``Dataset.map``/``filter``/``flat_map``/``interleave``/``reduce``/``scan`` given a user function
get an identity ``map`` put in front of the user's transformation, whose tiny ``tf.py_function``
counter op ticks once per element: each element is one run of the dataset owner, as a call is one
run of a ``tf.function``. The user's function is untouched, and TensorFlow's and Keras' own
pipelines (functions defined outside the user's files) are left alone.
"""

from __future__ import annotations

import functools
import inspect
import sys
from typing import Any

import numpy as np
import tensorflow as tf
from tensorflow.python.data.ops import dataset_ops
from tensorflow.python.eager.polymorphic_function import polymorphic_function

from tflint.runtime.instrument.part import Part
from tflint.runtime.observations import Owner

# Dataset methods that take a function, and the position of that function among the arguments.
_DATASET_METHODS = {"map": 0, "filter": 0, "flat_map": 0, "interleave": 0, "reduce": 1, "scan": 1}


class Datasets(Part):
    """The ``Dataset`` methods that take a user function."""

    def install(self) -> None:
        cls = dataset_ops.DatasetV2
        for method, position in _DATASET_METHODS.items():
            original = cls.__dict__.get(method)
            if original is None:
                continue
            setattr(cls, method, self._dataset_wrapper(original, method, position))

    def _dataset_wrapper(self, original: Any, method: str, position: int) -> Any:
        part = self
        parameter = list(inspect.signature(original).parameters)[position + 1]

        @functools.wraps(original)
        def transform(dataset, *args, **kwargs):
            func = args[position] if len(args) > position else kwargs.get(parameter)
            site = part._user_function_site(func)
            if site is None:
                return original(dataset, *args, **kwargs)
            return part._dataset_call(original, method, func, site, dataset, args, kwargs)

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
        return self.instrumentation.locate(code.co_filename, code.co_firstlineno)

    def _dataset_call(
        self, original: Any, method: str, func: Any, site: tuple[str, int], dataset: Any, args: tuple, kwargs: dict
    ) -> Any:
        instrumentation = self.instrumentation
        name = getattr(func, "__name__", type(func).__name__)
        # frame 1 is the patched Dataset method, frame 2 its caller
        caller = instrumentation.user_site(sys._getframe(2))  # pylint: disable=protected-access
        owner = self.rec.new_owner("dataset", str(name), f"Dataset.{method}(`{name}`)", caller or site)
        owner.options["function_site"] = f"{site[0]}:{site[1]}"
        stack = instrumentation.stack()
        stack.append(owner)
        try:
            counted = self._count_elements(dataset, owner)
            return original(counted, *args, **kwargs)
        finally:
            stack.pop()

    def _count_elements(self, dataset: Any, owner: Owner) -> Any:
        """``dataset`` followed by an identity map whose py_function counter ticks per element."""
        instrumentation = self.instrumentation
        map_v2 = getattr(dataset_ops.DatasetV2.map, "__wrapped__", dataset_ops.DatasetV2.map)
        try:
            unpack = type(dataset.element_spec) is tuple  # pylint: disable=unidiomatic-typecheck  # exactly as Dataset.map unpacks
        except Exception:  # pylint: disable=broad-exception-caught
            return dataset

        def tick():
            instrumentation.tracer.ensure_thread()
            owner.elements = (owner.elements or 0) + 1
            pending = instrumentation.globals.before_run(owner)
            instrumentation.globals.after_run(owner, False, pending)
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
