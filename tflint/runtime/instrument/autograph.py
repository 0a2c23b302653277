"""AutoGraph: the code it generates from a user function counts for the user's lines.

AutoGraph converts a function into new Python source and loads it from a temporary file; its
loader's source map says which user line each generated line came from, so line counts,
exceptions and traces in generated code are attributed to the user's file and line.
"""

from __future__ import annotations

import functools

from tensorflow.python.autograph.pyct import loader as autograph_loader

from tflint.runtime.instrument.part import Part


class AutoGraph(Part):
    """AutoGraph's loader records the source map of each converted function."""

    def install(self) -> None:
        original = autograph_loader.load_ast
        part = self

        @functools.wraps(original)
        def load_ast(nodes, *args, **kwargs):
            result = original(nodes, *args, **kwargs)
            try:
                part._source_map(result[2])
            except Exception:  # pylint: disable=broad-exception-caught
                pass
            return result

        autograph_loader.load_ast = load_ast

    def _source_map(self, source_map: dict | None) -> None:
        instrumentation = self.instrumentation
        for generated, origin in (source_map or {}).items():
            path = instrumentation.user_path(origin.loc.filename)
            if path is not None:
                instrumentation.add_generated_line(generated.filename, generated.lineno, (path, origin.loc.lineno))
