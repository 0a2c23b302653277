"""Where a module calls its own functions, and which of them escape (are used other than by a
call): the evidence for what a parameter holds when TensorFlow does not fill it in.

Built once per module, on the first question, by one walk over the module's calls and names.
"""

from __future__ import annotations

from astroid import nodes

from tflint.analysis.graph import ModuleGraph
from tflint.analysis.index import module_nodes
from tflint.analysis.tensors.syntax import is_decorator, is_method


class CallSites:
    """The calls of one module's own functions, by callee."""

    def __init__(self, module: nodes.Module, graph: ModuleGraph) -> None:
        self.module = module
        self.graph = graph
        self._calls: dict[nodes.NodeNG, list[tuple[nodes.Call, bool]]] | None = None
        self._escaped: set[nodes.NodeNG] = set()
        self._passed: dict[nodes.NodeNG, list[nodes.Call]] = {}

    def calls_of(self, func) -> list[tuple[nodes.Call, bool]]:
        """Each call of ``func`` in the module, with True when it is bound (``obj.method(...)``)."""
        return self._index().get(func, [])

    def escaped(self, func) -> bool:
        """True when the module uses ``func`` other than by calling it (stored, returned ...):
        then its calls in the module are not all the calls there are."""
        self._index()
        return func in self._escaped

    def passed_to(self, func) -> list[nodes.Call]:
        """The calls of the module that take ``func`` as an argument (``tf.function(f)``)."""
        self._index()
        return self._passed.get(func, [])

    def _index(self) -> dict:
        """Calls of the module's own functions, and functions used other than by a call."""
        if self._calls is not None:
            return self._calls
        self._calls = {}
        defined = {f.name for f in module_nodes(self.module, nodes.FunctionDef)}
        for node in module_nodes(self.module, (nodes.Call, nodes.Name, nodes.Attribute)):
            if isinstance(node, nodes.Call):
                self._index_call(node, defined)
                continue
            if isinstance(node.parent, nodes.Call) and node.parent.func is node:
                continue
            label = node.name if isinstance(node, nodes.Name) else node.attrname
            if label in defined and not is_decorator(node):
                target = self.graph.function_of(node, node)
                if target is not None:
                    self._escaped.add(target)
        return self._calls

    def _index_call(self, call: nodes.Call, defined: set[str]) -> None:
        label = call.func.name if isinstance(call.func, nodes.Name) else getattr(call.func, "attrname", None)
        if label in defined:
            callee = self.graph.function_of(call.func, call)
            if callee is not None:
                # `obj.method(x)` passes x as the second parameter; `Class.method(obj, x)` does not.
                bound = (
                    is_method(callee)
                    and isinstance(call.func, nodes.Attribute)
                    and (self.graph.class_of(call.func.expr) is None)
                )
                assert self._calls is not None  # _index() sets it before it indexes any call
                self._calls.setdefault(callee, []).append((call, bound))
        for arg in list(call.args) + [kw.value for kw in call.keywords or ()]:
            if isinstance(arg, (nodes.Name, nodes.Attribute)):
                label = arg.name if isinstance(arg, nodes.Name) else arg.attrname
                if label in defined:
                    passed = self.graph.function_of(arg, call)
                    if passed is not None:
                        self._passed.setdefault(passed, []).append(call)
