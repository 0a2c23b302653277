"""``tf.py_function``: its callbacks run on TensorFlow's own threads, whose lines count too.

``sys.settrace`` (Python 3.11) only reaches the current thread and threads started from Python
afterwards; TensorFlow runs the callbacks on its C++ threads, so the line tracer is switched on
for such a thread when a callback runs there (``LineTracer.ensure_thread``).
"""

from __future__ import annotations

import functools

from tensorflow.python.ops import script_ops

from tflint.runtime.instrument.part import Part


class PyFunctions(Part):
    """The registry that runs every ``tf.py_function``/``tf.numpy_function`` callback."""

    def install(self) -> None:
        registry = type(script_ops._py_funcs)  # pylint: disable=protected-access
        original = registry.__call__
        tracer = self.instrumentation.tracer

        @functools.wraps(original)
        def __call__(funcs, *args, **kwargs):
            tracer.ensure_thread()
            return original(funcs, *args, **kwargs)

        registry.__call__ = __call__
