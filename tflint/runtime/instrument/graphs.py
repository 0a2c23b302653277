"""``FuncGraph``: every graph TensorFlow builds is tagged with the function being traced.

A line that runs while a graph is built is then attributed to one trace of one function (see
``Instrumentation.current_tag``); graphs built outside any function (a Keras symbolic build) get
a tag of their own and never count as runs.
"""

from __future__ import annotations

import functools

from tensorflow.python.framework import func_graph as func_graph_module

from tflint.runtime.instrument.part import Part


class Graphs(Part):
    """``FuncGraph.__init__`` tags the new graph."""

    def install(self) -> None:
        cls = func_graph_module.FuncGraph
        original = cls.__init__
        instrumentation = self.instrumentation

        @functools.wraps(original)
        def __init__(graph, *args, **kwargs):
            original(graph, *args, **kwargs)
            try:
                instrumentation.tag_graph(graph)
            except Exception:  # pylint: disable=broad-exception-caught
                pass

        cls.__init__ = __init__
