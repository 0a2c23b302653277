"""What a function's parameters hold while it is traced.

- TensorFlow fills them in: an ``input_signature`` gives tensors of known shape; a ``tf.data``
  function's required parameters and a Keras ``call``/``update_state``/loss's inputs are tensors,
  unless the function treats them as a structure (unpacks, iterates, indexes by name, tests
  ``is None``);
- otherwise: whatever every call site in the module passes, when they agree (and the function
  never escapes, so these are all its calls);
- ``self``, ``*args`` and ``**kwargs`` by their role.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from astroid import nodes

from tflint.analysis import context
from tflint.analysis.tensors.syntax import (
    STARRED,
    argument,
    default_of,
    is_method,
    kept_in_local,
    rebinds,
    required_positional,
)
from tflint.analysis.tensors.value import TENSOR, TENSOR_VALUE, UNKNOWN_VALUE, Value, join, python, spec_value

if TYPE_CHECKING:
    from tflint.analysis.tensors.engine import Engine

_MAX_CALL_SITES = 30  # more call sites than this: too costly to join, and rarely all agree
_STRUCTURE_CALLS = frozenset({"builtins.isinstance", "builtins.type", "builtins.dict"})
_ITERATING_CALLS = frozenset(
    {
        "builtins.len",
        "builtins.list",
        "builtins.tuple",
        "builtins.zip",
        "builtins.enumerate",
        "builtins.iter",
        "builtins.sorted",
        "builtins.map",
        "builtins.filter",
    }
)


class Parameters:
    """The parameter values of one module's functions (memoised per function and name)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._values: dict[tuple[int, str], Value] = {}

    def value(self, func: nodes.NodeNG, name: str) -> Value:
        """What parameter ``name`` of ``func`` holds while ``func`` is traced."""
        key = (id(func), name)  # untracked by the garbage collector; `func` lives with its module
        if key not in self._values:
            self._values[key] = UNKNOWN_VALUE  # recursion guard
            self._values[key] = self._infer(func, name)
        return self._values[key]

    def _infer(self, func, name: str) -> Value:
        args = func.args
        if name == args.vararg:
            return python("tuple")
        if name == args.kwarg:
            return python("dict")
        positional = [a.name for a in (args.posonlyargs or []) + (args.args or [])]
        method = is_method(func)
        if method and positional and positional[0] == name:
            return python("self")
        index = positional.index(name) if name in positional else None
        skip = 1 if method else 0
        root = _root_trace(func)
        if root is not None and index is not None:
            from_root = self._from_tensorflow(func, root, index - skip, name)
            if from_root is not None:
                return from_root
        found = self._from_call_sites(func, name, index, skip)
        if found.is_tensor and self._used_as_structure(func, name, strong=True):
            return UNKNOWN_VALUE  # the function unpacks or indexes it by name: callers disagree with us
        return found

    # ---- filled in by TensorFlow or Keras ----------------------------------------------
    def _from_tensorflow(self, func, trace, index: int, name: str) -> Value | None:
        """Parameters TensorFlow or Keras fills in: signatures, dataset elements, layer inputs."""
        signature = self._input_signature(func)
        if signature is not None:
            if signature.items is not None and 0 <= index < len(signature.items):
                return spec_value(signature.items[index])
            return UNKNOWN_VALUE
        if trace.kind == "dataset":
            tensors = required_positional(func)
        elif trace.kind == "keras":
            tensors = self._keras_inputs(func)
        else:
            return None
        if index < 0 or index >= tensors or self._used_as_structure(func, name):
            return None
        if trace.kind == "keras" and is_method(func) and func.name == "call" and index == 0:
            return Value(TENSOR, "tensor", dims=((0, None),))  # the batch dimension
        return TENSOR_VALUE

    def _keras_inputs(self, func) -> int:
        """How many leading parameters Keras fills with tensors."""
        if not is_method(func):
            return 2 if self._given_to_compile(func) else 1  # a loss or metric: (y_true, y_pred)
        cls = func.parent
        family = self.engine.graph.keras_family(cls, 0)
        if family == "layer":
            return 1 if func.name == "call" else 0
        if family in ("metric", "loss"):
            return 2 if func.name in ("update_state", "call") else 0
        return 0

    def _given_to_compile(self, func) -> bool:
        for call in self.engine.passed_to(func):
            if isinstance(call.func, nodes.Attribute) and call.func.attrname == "compile":
                return True
        return False

    def _input_signature(self, func) -> Value | None:
        """The value of ``input_signature=`` of the tf.function that traces ``func``."""
        engine = self.engine
        candidates: list[nodes.Call] = []
        if isinstance(func, nodes.FunctionDef) and func.decorators:
            candidates.extend(d for d in func.decorators.nodes if isinstance(d, nodes.Call))
        candidates.extend(engine.passed_to(func))
        for call in candidates:
            if not engine.graph.is_tf_function(call.func):
                continue
            for kw in call.keywords or ():
                if kw.arg == "input_signature":
                    return engine.value(kw.value)
            # tf.function(f, signature): the signature is the second positional argument.
            if len(call.args) > 1 and not isinstance(call.args[1], nodes.Starred) and call.args[0] is not None:
                if not isinstance(call.args[0], nodes.Starred) and engine.graph.function_of(call.args[0], call) is func:
                    return engine.value(call.args[1])
        return None

    # ---- structures ----------------------------------------------------------------------
    def _used_as_structure(self, func, name: str, strong: bool = False, _seen: frozenset = frozenset()) -> bool:
        """True when ``func`` treats ``name`` as a list, dict or optional value, not a tensor.

        Strong evidence (unpacking, indexing by name, dict methods, ``is None``, isinstance,
        tf.nest) outweighs call sites that pass tensors; iterating, ``len`` and ``in`` only
        count against parameters nobody is seen passing (Keras inputs, dataset elements).
        A slice or item kept in a local (``outputs = inputs[0:-1]``) counts with its uses.
        """
        for ref in func.nodes_of_class(nodes.Name):
            if ref.name != name or ref.scope() is not func and rebinds(ref.scope(), name):
                continue
            if self._shows_structure(func, ref, strong, _seen):
                return True
            if strong:
                continue
            if self._looped_over(ref):
                return True
            parent = ref.parent
            if isinstance(parent, nodes.Subscript) and parent.value is ref and isinstance(parent.slice, nodes.Slice):
                if self._looped_over(parent):  # `for a in inputs[4:]`: a slice of a list is a list
                    return True
        return False

    def _shows_structure(self, func, ref: nodes.Name, strong: bool, seen: frozenset) -> bool:
        """One use of the parameter that shows a structure (see :meth:`_used_as_structure`).

        ``len``, ``list`` and the other iterating builtins count here only when ``strong`` is
        False, as in the rest of the weak evidence.
        """
        name, parent = ref.name, ref.parent
        if isinstance(parent, nodes.Subscript) and parent.value is ref:
            index = parent.slice
            if isinstance(index, nodes.Const) and isinstance(index.value, str):
                return True
            kept = kept_in_local(parent)
            if kept is not None and kept not in seen and len(seen) < 3:
                if self._used_as_structure(func, kept, strong, seen | {name}):
                    return True
        if isinstance(parent, nodes.Attribute) and parent.attrname in ("get", "keys", "items", "values"):
            return True
        if isinstance(parent, (nodes.Assign, nodes.AnnAssign)) and parent.value is ref:
            targets = parent.targets if isinstance(parent, nodes.Assign) else [parent.target]
            if any(isinstance(t, (nodes.Tuple, nodes.List)) for t in targets):
                return True
        if isinstance(parent, nodes.Compare) and any(op in ("is", "is not") for op, _ in parent.ops):
            return True
        if isinstance(parent, nodes.Call) and ref in parent.args:
            api = self.engine.names.api(parent.func) or ""
            if api in _STRUCTURE_CALLS or api.startswith("tensorflow.nest."):
                return True
            if not strong and api in _ITERATING_CALLS:
                return True
        return False

    def _looped_over(self, expr: nodes.NodeNG) -> bool:
        """``expr`` is looped over, star-unpacked, measured with ``len`` or searched with ``in``."""
        parent = expr.parent
        if isinstance(parent, (nodes.For, nodes.Comprehension)) and parent.iter is expr:
            return True
        if isinstance(parent, nodes.Starred):
            return True
        if isinstance(parent, nodes.Call) and expr in parent.args:
            if (self.engine.names.api(parent.func) or "") in _ITERATING_CALLS:
                return True
        return isinstance(parent, nodes.Compare) and any(op in ("in", "not in") and o is expr for op, o in parent.ops)

    # ---- call sites ------------------------------------------------------------------------
    def _from_call_sites(self, func, name: str, index: int | None, skip: int) -> Value:
        """What every call of ``func`` in the module passes as ``name``, when they agree."""
        engine = self.engine
        calls = engine.call_sites.calls_of(func)
        if not calls or engine.call_sites.escaped(func) or len(calls) > _MAX_CALL_SITES:
            return UNKNOWN_VALUE
        default = default_of(func, name)
        values = []
        for call, bound in calls:
            arg = argument(call, name, None if index is None else index - (skip if bound else 0))
            if arg is STARRED:
                return UNKNOWN_VALUE
            if arg is None:
                if default is None:
                    return UNKNOWN_VALUE
                values.append(engine.value(default))
            else:
                values.append(engine.value(arg))
        found = join(values)
        return found if found is not None else UNKNOWN_VALUE


def _root_trace(func):
    """The trace of ``func`` when its own module hands it to TensorFlow or Keras (an entry point).

    Only the module's own entry points count: asking for the whole project's traced set of
    another module would parse every module that imports it.
    """
    return context.project().graph(func.root()).roots.get(func)
