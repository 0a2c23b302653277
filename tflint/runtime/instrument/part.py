"""What one instrumented TensorFlow subsystem looks like to the core.

Each module of this package (but ``core``) patches one subsystem of TensorFlow with a
:class:`Part`: :meth:`Part.install` patches it before user code runs, :meth:`Part.finish` records
what can only be read at the end. A part only records, through its :class:`Instrumentation`
(where code is, which function is being traced) into the :class:`~tflint.runtime.observations.Recorder`;
whatever it installs delegates to TensorFlow, so user code sees the same results, errors and types.
Adding a subsystem is adding a module with a part and listing it in ``core.PARTS``.
"""

from __future__ import annotations

import reprlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tflint.runtime.instrument.core import Instrumentation
    from tflint.runtime.observations import Recorder

_SHORT = reprlib.Repr()
_SHORT.maxstring = 40
_SHORT.maxother = 40
# reprs of user values in the observations stay short: a value is evidence, not data
short_repr = _SHORT.repr


class Part:
    """One patched TensorFlow subsystem; created with the instrumentation, installed once."""

    def __init__(self, instrumentation: Instrumentation) -> None:
        self.instrumentation = instrumentation

    @property
    def rec(self) -> Recorder:
        """The recorder every observation goes to."""
        return self.instrumentation.rec

    def install(self) -> None:
        """Patch TensorFlow (called before any user code runs)."""
        raise NotImplementedError

    def finish(self) -> None:
        """Record the final state at the end of the run (nothing by default)."""
