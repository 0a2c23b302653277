"""tf-deprecated-function-argument: renamed or ignored arguments of tf.function."""

from __future__ import annotations

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages
from pylint.interfaces import HIGH, INFERENCE

from tflint.analysis import context
from tflint.analysis.graph import ModuleGraph
from tflint.checkers.base import TFLintChecker, guarded
from tflint.facts import tfapi
from tflint.messages import msgid

SYMBOL = "tf-deprecated-function-argument"
_MAX_FORWARDS = 2


class DeprecatedFunctionArgumentChecker(TFLintChecker):
    """``experimental_relax_shapes``, ``experimental_compile`` and friends have new names."""

    msgs = {
        msgid("W", 34): (
            "`%s` is a deprecated argument of %s: %s; %s",
            SYMBOL,
            "A tf.function argument that TensorFlow has renamed or stopped honouring is used. "
            "experimental_relax_shapes is now reduce_retracing and experimental_compile is now "
            "jit_compile; both still work but log a deprecation warning and will be removed. "
            "experimental_follow_type_hints is ignored: type hints no longer turn Python "
            "arguments into tensors, so the retracing it was meant to prevent happens.",
        ),
    }

    @only_required_for_messages(SYMBOL)
    @guarded
    def visit_call(self, node: nodes.Call) -> None:
        """``tf.function(..., experimental_relax_shapes=True)``, the decorator form, and project
        helpers that pass their ``**kwargs`` on to tf.function."""
        deprecated = [kw for kw in node.keywords or () if kw.arg in tfapi.DEPRECATED_FUNCTION_ARGUMENTS]
        if not deprecated:
            return
        graph = context.project().graph(node.root())
        spelled = f"`{node.func.as_string()}`"
        confidence = INFERENCE
        if context.callee_api(node) in tfapi.TF_FUNCTION:
            confidence = HIGH
        elif not graph.is_tf_function(node.func):
            if not forwards_keywords_to_tf_function(node.func, graph):
                return
            spelled += " (which passes its keyword arguments on to tf.function)"
        for kw in deprecated:
            effect, fix = tfapi.DEPRECATED_FUNCTION_ARGUMENTS[kw.arg]
            self.add_message(SYMBOL, node=kw, args=(kw.arg, spelled, effect, fix), confidence=confidence)


def forwards_keywords_to_tf_function(callee: nodes.NodeNG, graph: ModuleGraph, depth: int = 0) -> bool:
    """True when the project function or class ``callee`` names hands its ``**kwargs`` to
    tf.function, directly or through a helper or an attribute set in ``__init__``
    (``tf_function_if_eager(**kwargs)`` -> ``Decorator(**kwargs)`` -> ``tf.function(f, **self.kw)``).
    """
    if depth > _MAX_FORWARDS:
        return False
    definition = graph.definition_of(callee)
    if isinstance(definition, nodes.FunctionDef):
        return _function_forwards(definition, depth)
    if isinstance(definition, nodes.ClassDef):
        return _class_forwards(definition, depth)
    return False


def _function_forwards(func: nodes.FunctionDef, depth: int) -> bool:
    kwarg = func.args.kwarg
    if not kwarg:
        return False
    graph = context.project().graph(func.root())
    for call in func.nodes_of_class(nodes.Call):
        if any(
            kw.arg is None and isinstance(kw.value, nodes.Name) and kw.value.name == kwarg for kw in call.keywords or ()
        ):
            if graph.is_tf_function(call.func) or forwards_keywords_to_tf_function(call.func, graph, depth + 1):
                return True
    return False


def _class_forwards(cls: nodes.ClassDef, depth: int) -> bool:
    """``__init__(self, **kwargs)`` keeps them (``self.kw = kwargs``) for a ``tf.function(**self.kw)``
    elsewhere in the class, or passes them straight on."""
    init = next((m for m in cls.locals.get("__init__", ()) if isinstance(m, nodes.FunctionDef)), None)
    if init is None or not init.args.kwarg:
        return False
    if _function_forwards(init, depth):
        return True
    kept = {
        target.attrname
        for assign in init.nodes_of_class(nodes.Assign)
        if isinstance(assign.value, nodes.Name) and assign.value.name == init.args.kwarg
        for target in assign.targets
        if isinstance(target, nodes.AssignAttr)
    }
    if not kept:
        return False
    graph = context.project().graph(cls.root())
    for call in cls.nodes_of_class(nodes.Call):
        if any(
            kw.arg is None and isinstance(kw.value, nodes.Attribute) and kw.value.attrname in kept
            for kw in call.keywords or ()
        ) and graph.is_tf_function(call.func):
            return True
    return False
