"""Install the runtime instrumentation with real TensorFlow, before any user code runs.

Only the child imports this package (it imports TensorFlow). Everything installed here delegates
to TensorFlow's own implementation and only records; user code sees the same results, errors and
types. The core (``core``: where code is, which trace a line runs in, the line counter) installs
one part per TensorFlow subsystem, each in its own module:

- ``functions``: ``tf.function`` (the attribute on the real ``tensorflow`` module, so
  ``@tf.function``, ``tf.function(f)`` and ``from tensorflow import function`` done later all use
  it) records where each function is created and with which options; ``Function.__call__`` /
  ``get_concrete_function`` (on TensorFlow's class, so Keras' own step functions and bound methods
  count too) record calls, call sites, the tracing count (``experimental_get_tracing_count()``)
  and the argument signature of every call that traced;
- ``graphs``: ``FuncGraph.__init__`` tags each graph being built with the function being traced,
  so a line that runs while a graph is built is attributed to one trace of one function;
- ``autograph``: AutoGraph's loader records the source map of each converted function, so
  generated code's lines count for the user's lines;
- ``datasets``: ``Dataset.map``/``filter``/``flat_map``/``interleave``/``reduce``/``scan`` given a
  user function count the elements that reach it: a tiny ``tf.py_function`` counter op runs on
  each element, in an identity ``map`` put in front of the user's transformation (the user's
  function is untouched);
- ``sessions``: ``Session`` methods record their calling line;
- ``py_functions``: ``tf.py_function`` callbacks count lines on TensorFlow's own threads too;
- ``compat_v1``: the ``tf.compat.v1`` namespace (and ``tf.compat``) is replaced by recording
  stand-ins that delegate every attribute; at the end, the modules the plan asks about are looked up;
- ``logs``: a handler on the ``tensorflow`` logger keeps the retracing and AutoGraph warnings.

``frozen_globals`` patches nothing: it compares the globals a trace read with their values at each
later run. ``part`` says what a part is; adding a subsystem is adding a module with one and listing
it in ``core.PARTS``.
"""

from __future__ import annotations

from typing import Any

from tflint.runtime.instrument.core import PARTS, Instrumentation
from tflint.runtime.instrument.part import Part
from tflint.runtime.observations import Recorder

__all__ = ["PARTS", "Instrumentation", "Part", "install"]


def install(plan: dict[str, Any], recorder: Recorder) -> Instrumentation:
    """Create and install the instrumentation for ``plan``, recording into ``recorder``."""
    instrumentation = Instrumentation(plan, recorder)
    instrumentation.install()
    return instrumentation
