"""TF1 ``Session``: the lines that create, enter or run a ``tf.compat.v1.Session``.

The methods are patched on TensorFlow's session classes, so a session reached any way (not only
through the ``tf.compat.v1`` namespace) records its user line, with the public name the
``tf-v1-session`` message speaks of.
"""

from __future__ import annotations

import functools
import sys
from typing import Any

from tensorflow.python.client import session as session_lib

from tflint.runtime.instrument.part import Part


class Sessions(Part):
    """``Session`` creation, ``with``, ``run``, ``partial_run`` and ``make_callable``."""

    def install(self) -> None:
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
                    symbol = {"__init__": f"{public}()", "__enter__": f"with {public}()"}.get(
                        method, f"{public}.{method}()"
                    )
                    setattr(cls, method, self._session_wrapper(original, symbol))

    def _session_wrapper(self, original: Any, symbol: str) -> Any:
        instrumentation = self.instrumentation

        @functools.wraps(original)
        def recorded(*args, **kwargs):
            location = instrumentation.caller_site(sys._getframe(1))  # pylint: disable=protected-access
            if location is not None:
                instrumentation.rec.tf1_use(location[0], location[1], symbol, "session", True)
            return original(*args, **kwargs)

        return recorded
