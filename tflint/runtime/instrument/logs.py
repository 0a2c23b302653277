"""TensorFlow's logger: the retracing and AutoGraph warnings it prints.

TensorFlow warns through the ``tensorflow`` logger when a function retraced too often ("N out of
the last N calls ... triggered tf.function retracing") and when AutoGraph could not convert a
function; a handler keeps them as observations (and still lets them print).
"""

from __future__ import annotations

import logging
import re

from tflint.runtime.instrument.part import Part

_RETRACING = re.compile(r"calls to <function ([\w.<>]+) at")


class Logs(Part):
    """A handler on the ``tensorflow`` logger."""

    def install(self) -> None:
        logging.getLogger("tensorflow").addHandler(_WarningHandler(self))

    def log_record(self, record: logging.LogRecord) -> None:
        """Record one warning TensorFlow logged."""
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
            site = self.instrumentation.definition_site(func) if callable(func) else None
            self.rec.warning("autograph", message, getattr(func, "__qualname__", None), site)
        elif "deprecated" in message:
            self.rec.warning("deprecation", message)


class _WarningHandler(logging.Handler):
    def __init__(self, logs: Logs) -> None:
        super().__init__(level=logging.WARNING)
        self._logs = logs

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self._logs.log_record(record)
        except Exception:  # pylint: disable=broad-exception-caught
            pass
