"""tf-numpy-in-graph: eager-only calls on symbolic tensors and on unknown dimensions."""

from __future__ import annotations

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages

from tflint.analysis import autograph, context, tensors
from tflint.analysis.trace import Trace
from tflint.checkers.base import TFLintChecker, guarded
from tflint.facts import tensor_api
from tflint.messages import msgid

SYMBOL = "tf-numpy-in-graph"
_NUMPY_ERROR = "NotImplementedError ('Cannot convert a symbolic tf.Tensor to a numpy array')"
_SIZE_ERROR = "TypeError ('SymbolicTensor' object cannot be interpreted as an integer)"
# NumPy functions whose first argument is a size or shape, not an array.
_NUMPY_SIZE_FUNCTIONS = frozenset(
    {"numpy.eye", "numpy.identity", "numpy.zeros", "numpy.ones", "numpy.empty", "numpy.full", "numpy.arange"}
)
_DIM_FIX = "use the dynamic size tf.shape(t)[i] (a tensor), or give the dimension a static size"


class NumpyInGraphChecker(TFLintChecker):
    """``.numpy()``, NumPy on symbolic tensors, ``len(t)`` unconverted, ``range(None)``."""

    msgs = {
        msgid("E", 24): (
            "%s raises %s while TensorFlow traces `%s` (%s); %s",
            SYMBOL,
            "Eager-only operations on symbolic tensors or on unknown dimensions in traced code. While "
            "tracing, a tensor has no value: .numpy() does not exist, NumPy functions cannot convert "
            "it, and len()/int()/float() only work where AutoGraph converts them. A static dimension "
            "that is None (x.shape[0] with an unknown batch size) breaks range() and arithmetic.",
        ),
    }

    def _report(self, node: nodes.NodeNG, trace: Trace, what: str, error: str, fix: str) -> None:
        self.add_traced_message(SYMBOL, node, trace, what, error, fix)

    @only_required_for_messages(SYMBOL)
    @guarded
    def visit_call(self, node: nodes.Call) -> None:
        """``t.numpy()``, ``np.f(t)``, ``len(t)``/``float(t)`` unconverted, ``range(unknown dim)``."""
        name = context.callee_api(node) or ""
        if isinstance(node.func, nodes.Attribute) and node.func.attrname == "numpy" and not node.args:
            receiver = tensors.graph_value_of(node.func.expr)
            if receiver.is_tensor:
                error = (
                    "NotImplementedError ('numpy() is only available when eager execution is enabled')"
                    if receiver.what == "variable"
                    else "AttributeError ('SymbolicTensor' object has no attribute 'numpy')"
                )
                self._emit(
                    node,
                    f"`{node.as_string()}` on a symbolic tensor",
                    error,
                    "use the tensor itself (tf ops), or tf.py_function for code that needs NumPy values",
                )
            return
        if name.startswith("numpy.") and "(" not in name and name not in tensor_api.NUMPY_SHAPE_FUNCTIONS:
            tensor = next((a for a in _numpy_inputs(node) if tensors.is_tensor(a)), None)
            if tensor is not None:
                what = f"`{node.func.as_string()}(...)` on the symbolic tensor `{tensor.as_string()}`"
                # np.eye(n) / np.zeros(n) read n as a Python int: a different error, same cause
                error = _SIZE_ERROR if name in _NUMPY_SIZE_FUNCTIONS and tensor is node.args[0] else _NUMPY_ERROR
                self._emit(node, what, error, "use the tf.math / tf.experimental.numpy equivalent")
            return
        if name in ("builtins.len", "builtins.float", "builtins.int") and len(node.args) == 1:
            self._unconverted_conversion(node, name[len("builtins.") :])
        elif name == "builtins.range":
            for arg in node.args:
                if _unknown_dimension(arg):
                    self._emit(
                        node,
                        f"`range({arg.as_string()})` on a dimension that is None while tracing",
                        "TypeError ('NoneType' object cannot be interpreted as an integer)",
                        "iterate `for i in tf.range(tf.shape(t)[k])`, which AutoGraph makes a graph loop",
                    )
                    return

    def _emit(self, node: nodes.NodeNG, what: str, error: str, fix: str) -> None:
        trace = autograph.traced(node)
        if trace is not None and not autograph.unreachable_for_tensors(node):
            self._report(node, trace, what, error, fix)

    def _unconverted_conversion(self, node: nodes.Call, builtin: str) -> None:
        if not tensors.is_tensor(node.args[0]):
            return
        trace = autograph.traced(node)
        if trace is None or autograph.conversion(node, trace) is not False:
            return
        error = (
            "TypeError ('len is not well defined for a symbolic Tensor')"
            if builtin == "len"
            else f"TypeError ({builtin}() argument must be a string or a real number, not 'SymbolicTensor')"
        )
        dtype = "float32" if builtin == "float" else "int32"
        fix = "use tf.shape(t)[0]" if builtin == "len" else f"use tf.cast(t, tf.{dtype})"
        why = autograph.why_unconverted(node, trace)
        self._report(node, trace, f"`{node.as_string()}` of a symbolic tensor, unconverted ({why}),", error, fix)

    @only_required_for_messages(SYMBOL)
    @guarded
    def visit_binop(self, node: nodes.BinOp) -> None:
        """``x.shape[0] * 2`` where the dimension is None while tracing."""
        for operand in (node.left, node.right):
            if _unknown_dimension(operand):
                what = f"`{node.as_string()}` on the dimension `{operand.as_string()}`, which is None while tracing,"
                self._emit(node, what, f"TypeError (unsupported operand type(s) for {node.op}: 'NoneType')", _DIM_FIX)
                return


def _numpy_inputs(call: nodes.Call) -> list[nodes.NodeNG]:
    """The array arguments of a NumPy call: positional ones and the items of list/tuple literals."""
    found: list[nodes.NodeNG] = []
    for arg in call.args:
        if isinstance(arg, (nodes.List, nodes.Tuple)):
            found.extend(e for e in arg.elts if not isinstance(e, nodes.Starred))
        elif not isinstance(arg, nodes.Starred):
            found.append(arg)
    return found


def _unknown_dimension(node: nodes.NodeNG) -> bool:
    value = tensors.graph_value_of(node)
    return value.is_python and value.what == "dim" and value.known and value.literal is None
