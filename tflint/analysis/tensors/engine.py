"""The inference engine: one :class:`Engine` per module, memoised for the run, that evaluates
nodes through a table of evaluators by node class and memoises every answer per node.

The evaluators live beside it, one module per family of expressions (:mod:`.literals`,
:mod:`.operators`, :mod:`.bindings`, :mod:`.attributes`, :mod:`.call_results`); parameters
are :mod:`.parameters`' job. The engine keeps what must be shared by all of them: the per-node
memos, the cycle guards, and the hops to another module's engine (a node is always answered
by the engine of its own module, so that each answer is computed and memoised once).
"""

from __future__ import annotations

from astroid import nodes

from tflint.analysis import context
from tflint.analysis.names import NameResolver
from tflint.analysis.project import ModuleFact
from tflint.analysis.tensors import attributes, bindings, call_results, literals, operators
from tflint.analysis.tensors.call_sites import CallSites
from tflint.analysis.tensors.parameters import Parameters
from tflint.analysis.tensors.syntax import is_generator, may_fall_off
from tflint.analysis.tensors.value import UNKNOWN_VALUE, Value, join, python

_MAX_DEPTH = 60  # deeper chains of definitions give up (unknown) rather than exhaust the stack


def engine_for(module: nodes.Module) -> Engine:
    """The engine of ``module`` for this run."""
    return context.project().fact(module, ENGINES)


def value_of(node: nodes.NodeNG) -> Value:
    """What ``node`` evaluates to while its function is traced (memoised)."""
    module = node.root()
    if not isinstance(module, nodes.Module):
        return UNKNOWN_VALUE
    return engine_for(module).value(node)


def graph_value_of(node: nodes.NodeNG) -> Value:
    """:func:`value_of` for the rules about graph code: unknown in a module none of whose
    functions is ever traced, where nothing is graph code (and inference would be wasted)."""
    module = node.root()
    if not isinstance(module, nodes.Module) or not context.has_graph_code(module):
        return UNKNOWN_VALUE
    return engine_for(module).value(node)


def is_tensor(node: nodes.NodeNG) -> bool:
    """True when ``node`` is a symbolic tensor in graph code."""
    return graph_value_of(node).is_tensor


def is_python(node: nodes.NodeNG) -> bool:
    """True when ``node`` is a plain Python value while tracing."""
    return value_of(node).is_python


class Engine:
    """The inference for the nodes of one module; results are memoised per node."""

    _depth = 0  # shared across engines: cross-module chains count too

    def __init__(self, module: nodes.Module) -> None:
        self.module = module
        self.names: NameResolver = context.names(module)
        self.graph = context.project().graph(module)
        self.parameters = Parameters(self)
        self.call_sites = CallSites(module, self.graph)
        self._values: dict[nodes.NodeNG, Value | None] = {}
        self._bindings: dict[nodes.NodeNG, Value | None] = {}
        self._active: set[nodes.NodeNG] = set()
        self._active_bindings: set[nodes.NodeNG] = set()
        self._returns: dict[nodes.NodeNG, Value | None] = {}

    def value(self, node: nodes.NodeNG) -> Value:
        """What ``node`` evaluates to (unknown when nothing is known)."""
        found = self.partial(node)
        return UNKNOWN_VALUE if found is None else found

    def partial(self, node: nodes.NodeNG) -> Value | None:
        """Like :meth:`value`, but None ("no information yet") inside a cycle."""
        if node.root() is not self.module:
            return engine_for(node.root()).partial(node)
        if node in self._values:
            return self._values[node]
        if node in self._active or Engine._depth > _MAX_DEPTH:
            return None
        self._active.add(node)
        Engine._depth += 1
        try:
            result = self._compute(node)
        finally:
            Engine._depth -= 1
            self._active.discard(node)
        self._values[node] = result
        return result

    def _compute(self, node: nodes.NodeNG) -> Value | None:
        evaluate = _EVALUATORS.get(type(node))
        return evaluate(self, node) if evaluate is not None else UNKNOWN_VALUE

    def binding(self, binding: nodes.NodeNG) -> Value | None:
        """What a binding of a name stores (a definition, an import, an assignment target)."""
        if isinstance(binding, (nodes.Import, nodes.ImportFrom)):
            return python("module")
        if isinstance(binding, nodes.ClassDef):
            return python("class", ref=binding)
        if isinstance(binding, nodes.FunctionDef):
            return python("function", ref=binding)
        if not isinstance(binding, nodes.AssignName):
            return UNKNOWN_VALUE
        if binding.root() is not self.module:
            return engine_for(binding.root()).binding(binding)
        if binding in self._bindings:
            return self._bindings[binding]
        if binding in self._active_bindings:
            return None
        self._active_bindings.add(binding)
        try:
            result = bindings.assigned(self, binding)
        finally:
            self._active_bindings.discard(binding)
        self._bindings[binding] = result
        return result

    def returned(self, func) -> Value:
        """What calling the project function ``func`` returns (all its returns joined)."""
        if func.root() is not self.module:
            return engine_for(func.root()).returned(func)
        if func in self._returns:
            found = self._returns[func]
            return UNKNOWN_VALUE if found is None else found
        self._returns[func] = None  # recursion: a recursive call adds nothing to the join
        if isinstance(func, nodes.Lambda) and not isinstance(func, nodes.FunctionDef):
            result = self.partial(func.body)
        elif is_generator(func):
            result = python("generator")
        else:
            returns = [r for r in func.nodes_of_class(nodes.Return) if r.scope() is func]
            values = [self.partial(r.value) if r.value is not None else python("none") for r in returns]
            if not returns or may_fall_off(func.body):
                values.append(python("none"))
            result = join(values)
        self._returns[func] = result
        return UNKNOWN_VALUE if result is None else result

    def passed_to(self, func) -> list[nodes.Call]:
        """The calls in ``func``'s module that take ``func`` as an argument."""
        if func.root() is not self.module:
            return engine_for(func.root()).passed_to(func)
        return self.call_sites.passed_to(func)


# What each kind of expression evaluates to: an evaluator by node class.
_EVALUATORS = {
    nodes.Const: literals.const,
    nodes.JoinedStr: literals.joinedstr,
    nodes.List: literals.list_display,
    nodes.Tuple: literals.tuple_display,
    nodes.Set: literals.set_display,
    nodes.Dict: literals.dict_display,
    nodes.ListComp: literals.listcomp,
    nodes.SetComp: literals.setcomp,
    nodes.DictComp: literals.dictcomp,
    nodes.GeneratorExp: literals.generatorexp,
    nodes.Lambda: literals.lambda_,
    nodes.AssignName: bindings.assignname,
    nodes.NamedExpr: bindings.namedexpr,
    nodes.BinOp: operators.binop,
    nodes.UnaryOp: operators.unaryop,
    nodes.BoolOp: operators.boolop,
    nodes.Compare: operators.compare,
    nodes.IfExp: operators.ifexp,
    nodes.Name: bindings.name,
    nodes.Attribute: attributes.attribute,
    nodes.Subscript: attributes.subscript,
    nodes.Call: call_results.call,
}


# One engine per module and run: its memos are the module's answers.
ENGINES = ModuleFact("tensor inference engine", Engine)
