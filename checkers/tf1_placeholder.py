"""tf-v1-placeholder: TF1 graph inputs (``placeholder``, ``placeholder_with_default``, ``sparse_placeholder``)."""

from __future__ import annotations

from astroid import nodes

from tflint.analysis import tf1
from tflint.analysis.astutil import call_argument
from tflint.checkers.tf1_base import V1Checker
from tflint.facts import tf1_replacements
from tflint.messages import msgid

_SPECS = {
    "placeholder": "tf.TensorSpec",
    "sparse_placeholder": "tf.SparseTensorSpec",
    "sparse.placeholder": "tf.SparseTensorSpec",
    "ragged.placeholder": "tf.RaggedTensorSpec",
}


class V1PlaceholderChecker(V1Checker):
    """A placeholder is fed through a session; in TF2 an input is an argument."""

    msgs = {
        msgid("W", 11): (
            "`%s` declares a TF1 graph input: TensorFlow 2 runs eagerly and has no placeholders (%s); in TF2, %s",
            tf1.PLACEHOLDER,
            "TF1 placeholders cannot be created in TensorFlow 2's eager mode; inputs are function "
            "arguments. A placeholder is a graph input that only gets a value from "
            "sess.run(..., feed_dict=...). In TF2 eager code tf.compat.v1.placeholder and "
            "sparse_placeholder raise RuntimeError, and placeholder_with_default just returns its "
            "default. The TF2 idiom is a function that takes the input as an argument, with a "
            "tf.TensorSpec in @tf.function(input_signature=...) when the signature must be fixed.",
        ),
    }

    reports_on = {tf1.PLACEHOLDER: (nodes.Call,)}

    def report(self, use: tf1.Use) -> None:
        """Placeholder calls."""
        self.add_message(tf1.PLACEHOLDER, node=use.node, args=_args(use, use.node), confidence=use.confidence)


def _args(use: tf1.Use, node: nodes.Call) -> tuple[str, str, str]:
    path = use.path
    fix, detail = tf1_replacements.REPLACEMENTS[path]
    if use.name is not None and use.name.namespace != "v1":
        detail = f"{use.name.spelled} does not exist in TensorFlow 2: AttributeError"
    target = _assigned_name(node)
    if target:
        fix = fix.replace("make it", f"make `{target}`", 1)
    spec = _SPECS.get(path)
    if spec:
        dtype = call_argument(node, 0, "dtype")
        shape = call_argument(node, 1, "shape")
        if dtype is not None:
            shape_text = shape.as_string() if shape is not None else "None"
            fix += (
                f" (with a fixed signature: @tf.function(input_signature=[{spec}({shape_text}, {dtype.as_string()})]))"
            )
    return (f"{use.spelled}()", detail, fix)


def _assigned_name(call: nodes.Call) -> str | None:
    """``x`` in ``x = tf.compat.v1.placeholder(...)``, or the ``name=`` given to the placeholder."""
    parent = call.parent
    if (
        isinstance(parent, nodes.Assign)
        and len(parent.targets) == 1
        and isinstance(parent.targets[0], nodes.AssignName)
    ):
        return parent.targets[0].name
    if (
        isinstance(parent, nodes.Assign)
        and len(parent.targets) == 1
        and isinstance(parent.targets[0], nodes.AssignAttr)
    ):
        return parent.targets[0].attrname
    name = call_argument(call, 2, "name")
    if isinstance(name, nodes.Const) and isinstance(name.value, str):
        return name.value
    return None
