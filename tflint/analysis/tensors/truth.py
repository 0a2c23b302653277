"""Conditions whose truth is known while tracing: the branch a Python flag never takes.

Only constants decide (a literal, a flag's default that no call site overrides, ``not flag``);
static dimensions do not, since they depend on the shapes of each trace.
"""

from __future__ import annotations

from astroid import nodes
from astroid.exceptions import NoDefault

from tflint.analysis.index import module_nodes
from tflint.analysis.names import scope_lookup
from tflint.analysis.tensors.engine import value_of
from tflint.analysis.tensors.value import UNSET

_SIMPLE_CONSTANTS = (bool, int, float, str, type(None))


def static_truth(test: nodes.NodeNG) -> bool | None:
    """The truth of a condition whose Python value is known while tracing, else None."""
    value = value_of(test)
    if value.is_python and value.known and value.what != "dim":
        if value.literal is None or isinstance(value.literal, (bool, int, float, str)):
            return bool(value.literal)
        return None
    return _default_truth(test)


def _default_truth(test: nodes.NodeNG) -> bool | None:
    """The truth of a test on a flag parameter nobody visibly sets, from its default.

    ``if not use_tf:`` where ``def f(audio, use_tf=True)`` is only called from other modules:
    the traced callers tflint sees leave the default, so the default decides.
    """
    if isinstance(test, nodes.UnaryOp) and test.op == "not":
        inner = _default_truth(test.operand)
        return None if inner is None else not inner
    if isinstance(test, nodes.Compare) and len(test.ops) == 1 and test.ops[0][0] in ("is", "is not"):
        other = test.ops[0][1]
        if isinstance(other, nodes.Const) and other.value is None:
            default = _parameter_default(test.left)
            if default is not UNSET:
                return (default is None) == (test.ops[0][0] == "is")
        return None
    default = _parameter_default(test)
    return None if default is UNSET else bool(default)


def _parameter_default(name: nodes.NodeNG) -> object:
    """The constant default of the parameter ``name`` stands for, when nothing rebinds it."""
    if not isinstance(name, nodes.Name):
        return UNSET
    scope, bindings = scope_lookup(name, name.name)
    if not isinstance(scope, nodes.FunctionDef) or len(bindings) != 1:
        return UNSET
    binding = bindings[0]
    if not isinstance(binding, nodes.AssignName) or not isinstance(binding.parent, nodes.Arguments):
        return UNSET
    try:
        default = binding.parent.default_value(name.name)
    except NoDefault:
        return UNSET
    if not (isinstance(default, nodes.Const) and isinstance(default.value, _SIMPLE_CONSTANTS)):
        return UNSET
    if _passed_somewhere(scope, name.name):
        return UNSET
    return default.value


def _passed_somewhere(func: nodes.FunctionDef, parameter: str) -> bool:
    """True when a call of ``func`` in its module may pass ``parameter`` (by name, by position,
    or through ``*args`` / ``**kwargs``)."""
    names = [a.name for a in func.args.posonlyargs + func.args.args]
    position = names.index(parameter) if parameter in names else None
    if position is not None and names and names[0] in ("self", "cls"):
        position -= 1
    for call in module_nodes(func.root(), nodes.Call):
        callee = call.func
        called = callee.name if isinstance(callee, nodes.Name) else getattr(callee, "attrname", None)
        if called != func.name:
            continue
        if any(kw.arg in (parameter, None) for kw in call.keywords or ()):
            return True
        if any(isinstance(a, nodes.Starred) for a in call.args):
            return True
        if position is not None and len(call.args) > position:
            return True
    return False
