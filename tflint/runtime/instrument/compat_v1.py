"""TF1 API: the ``tf.compat.v1`` names user code reads, and which TensorFlow modules exist.

The ``tf.compat.v1`` namespace (and ``tf.compat``) is replaced by recording stand-ins that
delegate every attribute and record each public name user code reads, with its line, and whether
the symbol is TF1-only (missing from TF2's namespace or another object there);
``from tensorflow.compat.v1 import f`` also records later calls of ``f``. At the end, each module
a ``tf-v1-removed-module`` finding names is looked up in the installed TensorFlow.
"""

from __future__ import annotations

import dis
import functools
import importlib.util
import sys
import types
from typing import TYPE_CHECKING, Any

import tensorflow as tf

from tflint.runtime.instrument.part import Part

if TYPE_CHECKING:
    from tflint.runtime.instrument.core import Instrumentation

_V1_MODULE = "tensorflow._api.v2.compat.v1"
_V2_MODULE = "tensorflow._api.v2.compat.v2"
_COMPAT_MODULE = "tensorflow._api.v2.compat"
_IMPORT_FROM = dis.opmap["IMPORT_FROM"]
_MISSING = object()


class CompatV1(Part):
    """The ``tf.compat.v1`` stand-ins, and the plan's module checks."""

    def __init__(self, instrumentation: Instrumentation) -> None:
        super().__init__(instrumentation)
        self._namespaces: dict[str, types.ModuleType] = {}
        self._v1_only_cache: dict[str, bool | None] = {}

    def install(self) -> None:
        compat: Any = sys.modules.get(_COMPAT_MODULE)  # a TensorFlow module: attributes unknown to typing
        v1 = sys.modules.get(_V1_MODULE)
        if compat is None or v1 is None:
            self.rec.notes.append("tf.compat.v1 not found: TF1 API uses are not recorded")
            return
        v1_proxy = self.namespace(v1, "tf.compat.v1")
        compat_proxy = _Namespace(compat, "tf.compat", self, only=("v1",))
        compat.v1 = v1_proxy
        for name in (_V1_MODULE, "tensorflow.compat.v1"):
            sys.modules[name] = v1_proxy
        for name in (_COMPAT_MODULE, "tensorflow.compat"):
            sys.modules[name] = compat_proxy
        tf.compat = compat_proxy  # the real `tensorflow` module's attribute

    def finish(self) -> None:
        """Whether each module the plan asks about exists in the installed TensorFlow."""
        for dotted in self.instrumentation.plan.get("module_checks", []):
            self.rec.module_checks[dotted] = _module_state(dotted)

    def namespace(self, module: types.ModuleType, dotted: str) -> types.ModuleType:
        """The recording stand-in for a ``tf.compat.v1`` (sub)module, made once per module."""
        proxy = self._namespaces.get(module.__name__)
        if proxy is None:
            proxy = self._namespaces[module.__name__] = _Namespace(module, dotted, self)
        return proxy

    def v1_access(self, dotted: str, value: Any, frame: types.FrameType | None) -> Any:
        """Called by a namespace stand-in for every public attribute read; returns the value to use."""
        location = self.instrumentation.frame_location(frame)
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
        instrumentation = self.instrumentation

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


class _Namespace(types.ModuleType):
    """A stand-in for a TF1 namespace module: every attribute is the real one, and public reads
    from user code are recorded with their line. ``only`` limits recording to some names."""

    def __init__(
        self, real: types.ModuleType, dotted: str, compat_v1: CompatV1, only: tuple[str, ...] | None = None
    ) -> None:
        super().__init__(real.__name__)
        own = object.__getattribute__(self, "__dict__")
        for key in [k for k in own if k != "__name__"]:
            del own[key]
        own["_tflint_real"] = real
        own["_tflint_dotted"] = dotted
        own["_tflint_compat_v1"] = compat_v1
        own["_tflint_only"] = only

    def __getattr__(self, name: str) -> Any:
        own = object.__getattribute__(self, "__dict__")
        value = getattr(own["_tflint_real"], name)
        if name.startswith("_") or (own["_tflint_only"] is not None and name not in own["_tflint_only"]):
            return value
        try:
            return own["_tflint_compat_v1"].v1_access(f"{own['_tflint_dotted']}.{name}", value, sys._getframe(1))  # pylint: disable=protected-access
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
