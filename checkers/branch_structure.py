"""tf-branch-undefined-variable: branches of a tensor conditional that AutoGraph cannot join.

AutoGraph turns an ``if`` on a tensor into ``tf.cond``: both branches are traced, and every
variable the branches set and the code after reads becomes an output of both. So each
must be defined in both branches (or before the ``if``), with compatible structures;
a ``return`` in one branch needs a ``return`` on every other path.
"""

from __future__ import annotations

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages

from tflint.analysis import autograph, context, tensors
from tflint.analysis.names import scope_lookup
from tflint.analysis.trace import Trace
from tflint.checkers.base import TFLintChecker, guarded
from tflint.messages import msgid

SYMBOL = "tf-branch-undefined-variable"
_SCOPES = (nodes.FunctionDef, nodes.Lambda, nodes.ClassDef, nodes.Module)
_EXITS = (nodes.Return, nodes.Raise, nodes.Break, nodes.Continue)
_STRUCTURES = ("list", "tuple", "dict", "set")


class BranchStructureChecker(TFLintChecker):
    """Variables and returns that only one branch of a tensor ``if`` provides."""

    msgs = {
        msgid("E", 22): (
            "%s: %s while TensorFlow traces `%s` (%s); %s",
            SYMBOL,
            "A tensor conditional or loop whose branches AutoGraph cannot join. AutoGraph turns an "
            "`if` on a tensor into tf.cond and traces both branches: a variable set in only one branch "
            "and used after it, a `return` in only one branch, or branches that leave None, a list or "
            "a tensor in the same variable make tracing fail with ValueError or TypeError. So does a "
            "variable first set inside a loop over a dataset (or set to None in a tensor loop) and used "
            "after it.",
        ),
    }

    def _report(self, node: nodes.NodeNG, trace: Trace, what: str, error: str, fix: str) -> None:
        self.add_traced_message(SYMBOL, node, trace, what, error, fix)

    @staticmethod
    def _converted(node: nodes.NodeNG) -> Trace | None:
        """The trace when ``node`` is graph code AutoGraph converts (or may: Keras)."""
        trace = autograph.traced(node)
        if trace is None or autograph.conversion(node, trace) is False:
            return None
        return trace

    @only_required_for_messages(SYMBOL)
    @guarded
    def visit_if(self, node: nodes.If) -> None:
        """Variables, values and returns of the two branches of an ``if`` on a tensor."""
        if not tensors.is_tensor(node.test):
            return
        trace = self._converted(node)
        if trace is None:
            return
        condition = node.test.as_string()
        elif_branch = node.orelse[0] if len(node.orelse) == 1 and isinstance(node.orelse[0], nodes.If) else None
        for name in sorted(_assigned(node.body) | _assigned(node.orelse)):
            if not _live_after(node, name):
                continue
            if elif_branch is not None and name in _assigned([elif_branch]) and tensors.is_tensor(elif_branch.test):
                continue  # the `elif` is a tensor conditional of its own: reported there
            before = _values_before(node, name)
            body, orelse = _final_value(node.body, name), _final_value(node.orelse, name)
            in_body, in_else = _defines(node.body, name), _defines(node.orelse, name)
            if not before and not (in_body and in_else):
                branch = "`if`" if in_body or not in_else else "`else`"
                other = "else" if branch == "`if`" else "main"
                self._report(
                    node.test,
                    trace,
                    f"`{name}` is set only in the {branch} branch of `if {condition}:` and used after it",
                    f"ValueError ('{name}' must also be initialized in the {other} branch)",
                    f"give `{name}` a value before the `if` or in both branches",
                )
                continue
            initial = tensors.join(tensors.value_of(v) for v in before) if before else None
            left = body if in_body else (initial if not _assigned_anywhere(node.body, name) else None)
            right = orelse if in_else else (initial if not _assigned_anywhere(node.orelse, name) else None)
            clash = _clash(left, right)
            if clash:
                assert left is not None and right is not None  # _clash() finds a clash only between two values
                self._report(
                    node.test,
                    trace,
                    f"`{name}` is {clash[0]} after the `if {condition}:` branch and {clash[1]} after the other",
                    _clash_error(name, left, right),
                    f"give `{name}` the same kind of value (a tensor) in both branches",
                )
        self._returns(node, trace, condition)

    def _returns(self, node: nodes.If, trace: Trace, condition: str) -> None:
        func = context.enclosing_function(node)
        if not isinstance(func, nodes.FunctionDef) or autograph.tensor_branch(node) is not None:
            return  # an enclosing tensor `if` speaks for this one
        inside = [r for r in node.nodes_of_class(nodes.Return) if r.scope() is func and not _in_loop(r, node)]
        if not inside:
            return
        if tensors.may_fall_off(func.body):
            self._report(
                node.test,
                trace,
                f"`return` (line {inside[0].lineno}) in a branch of `if {condition}:` while `{func.name}` "
                "can end without one",
                "ValueError ('the else branch must also have a return statement')",
                "return a value on every path (add a final `return`), or set a result variable in both branches",
            )
            return
        returns = [r for r in func.nodes_of_class(nodes.Return) if r.scope() is func and not _in_loop(r, func)]
        values = [_returned(r) for r in returns]
        if not any(v.is_tensor for v in values):
            return
        for ret, value in zip(returns, values, strict=False):
            if value.is_python and value.what == "none" and (ret in inside or _follows(ret, node)):
                in_else = any(s is ret or s.parent_of(ret) for s in node.orelse)
                branch = "main" if node.parent_of(ret) and not in_else else "else"
                self._report(
                    node.test,
                    trace,
                    f"`{func.name}` returns None (line {ret.lineno}) and a tensor on the other path through "
                    f"`if {condition}:`",
                    f"ValueError ('retval_' is None at the end of the {branch} branch)",
                    "return a tensor on every path (e.g. tf.zeros_like(...)), or split the function",
                )
                return

    @only_required_for_messages(SYMBOL)
    @guarded
    def visit_ifexp(self, node: nodes.IfExp) -> None:
        """``a if t else None``: both sides of a tensor conditional expression are traced."""
        if not tensors.is_tensor(node.test):
            return
        left, right = tensors.value_of(node.body), tensors.value_of(node.orelse)
        clash = _clash(left, right)
        if not clash:
            return
        trace = self._converted(node)
        if trace is not None:
            self._report(
                node,
                trace,
                f"the two sides of `... if {node.test.as_string()} else ...` are {clash[0]} and {clash[1]}",
                _clash_error(node.test.as_string(), left, right),
                "give both sides the same kind of value (a tensor)",
            )

    @only_required_for_messages(SYMBOL)
    @guarded
    def visit_for(self, node: nodes.For) -> None:
        """A variable first set inside a tensor ``for`` loop and read after it."""
        self._first_set_in_loop(node)

    @only_required_for_messages(SYMBOL)
    @guarded
    def visit_while(self, node: nodes.While) -> None:
        """A variable first set inside a tensor ``while`` loop and read after it."""
        self._first_set_in_loop(node)

    def _first_set_in_loop(self, node: nodes.For | nodes.While) -> None:
        if node.orelse or not autograph.tensor_loop(node):
            return
        trace = self._converted(node)
        if trace is None:
            return
        targets = _assigned([node.target]) if isinstance(node, nodes.For) else set()
        dataset = isinstance(node, nodes.For) and not tensors.is_tensor(node.iter)
        for name in sorted(_assigned(node.body) - targets):
            if _values_before(node, name) or not _live_after(node, name):
                continue
            value = _final_value(node.body, name)
            if not dataset and (value is None or value.what != "none"):
                continue  # TF 2.21 carries it (and asserts at run time that the loop ran at least once)
            self._report(
                node.iter if isinstance(node, nodes.For) else node.test,
                trace,
                f"`{name}` is first set inside the tensor loop `{autograph.loop_header(node)}:` and used after it",
                f"ValueError ('{name}' must be defined before the loop)",
                f"give `{name}` a value before the loop",
            )


def _returned(ret: nodes.Return) -> tensors.Value:
    return tensors.value_of(ret.value) if ret.value is not None else tensors.python("none")


# ---- what the branches assign --------------------------------------------------------------
def _assignments(statements) -> list[nodes.AssignName]:
    found = []
    for statement in statements:
        if isinstance(statement, nodes.AssignName):
            found.append(statement)
        if isinstance(statement, _SCOPES) or isinstance(statement, nodes.Comprehension):
            continue  # nested scopes bind their own names
        found.extend(_assignments(statement.get_children()))
    return found


def _assigned(statements) -> set[str]:
    """Names bound anywhere in ``statements`` (not in nested functions or classes)."""
    return {a.name for a in _assignments(statements)}


def _assigned_anywhere(statements, name: str) -> bool:
    return name in _assigned(statements)


def _defines(statements, name: str) -> bool:
    """True when every path through ``statements`` binds ``name`` or leaves the block."""
    for statement in statements:
        if isinstance(statement, _EXITS):
            return True
        if isinstance(statement, (nodes.Assign, nodes.AnnAssign, nodes.AugAssign, nodes.With)):
            if name in _assigned([statement]):
                return True
        if isinstance(statement, nodes.If):
            in_body, in_else = _defines(statement.body, name), _defines(statement.orelse, name)
            if in_body and in_else or (in_body or in_else) and not tensors.is_tensor(statement.test):
                return True  # a Python condition picks its branch while tracing: it may well define it
        if isinstance(statement, nodes.With) and _defines(statement.body, name):
            return True
        if (
            isinstance(statement, nodes.Try)
            and _defines(statement.body, name)
            and all(_defines(h.body, name) for h in statement.handlers)
        ):
            return True
    return False


def _final_value(statements, name: str) -> tensors.Value | None:
    """The value ``name`` has at the end of ``statements``, when a straight-line assignment sets it last."""
    value = None
    for statement in statements:
        if name not in _assigned([statement]):
            continue
        value = None
        if isinstance(statement, nodes.Assign) and any(
            isinstance(t, nodes.AssignName) and t.name == name for t in statement.targets
        ):
            value = tensors.value_of(statement.value)
    return value


def _values_before(node: nodes.NodeNG, name: str) -> list[nodes.NodeNG]:
    """The bindings of ``name`` (outside ``node``) that reach ``node``: parameters included."""
    scope, bindings = scope_lookup(node, name)
    if scope is None:  # astroid could not look it up: unknown
        return [node]  # unknown: behave as if defined
    return [b for b in bindings if not node.parent_of(b)]


def _follows(statement: nodes.NodeNG, branch: nodes.If) -> bool:
    """True when ``statement`` is a later statement of the block holding ``branch``."""
    sibling = branch.next_sibling()
    while sibling is not None:
        if sibling is statement:
            return True
        sibling = sibling.next_sibling()
    return False


def _in_loop(node: nodes.NodeNG, stop: nodes.NodeNG) -> bool:
    current = node.parent
    while current is not None and current is not stop:
        if isinstance(current, (nodes.For, nodes.While)):
            return True
        current = current.parent
    return False


# ---- is the variable read after the statement? ---------------------------------------------
def _live_after(statement: nodes.NodeNG, name: str) -> bool:
    """True when some path after ``statement`` reads ``name`` before binding it again."""
    node = statement
    while not isinstance(node, _SCOPES):
        parent = node.parent
        if parent is None:
            return False
        for block in _blocks(parent):
            if node in block:
                effect = _block_effect(block[block.index(node) + 1 :], name)
                if effect is not None:
                    return effect
        if isinstance(parent, (nodes.For, nodes.While)) and node in parent.body:
            # the next iteration: the loop test, then the body from its start
            if isinstance(parent, nodes.While) and _reads(parent.test, name):
                return True
            if _block_effect(parent.body, name):
                return True
        node = parent
    return False


def _blocks(parent: nodes.NodeNG) -> list[list[nodes.NodeNG]]:
    blocks = []
    for attr in ("body", "orelse", "handlers", "finalbody"):
        block = getattr(parent, attr, None)
        if isinstance(block, list):
            blocks.append(block)
    return blocks


def _reads(node: nodes.NodeNG | None, name: str) -> bool:
    return node is not None and any(n.name == name for n in node.nodes_of_class(nodes.Name))


def _block_effect(statements, name: str) -> bool | None:
    """True if running ``statements`` may read ``name`` before binding it, False if every path
    binds it first, None if they do neither."""
    for statement in statements:
        effect = _effect(statement, name)
        if effect is not None:
            return effect
    return None


def _effect(statement: nodes.NodeNG, name: str) -> bool | None:
    """True if ``statement`` may read ``name`` first, False if it surely binds it first, else None."""
    if isinstance(statement, (nodes.Assign, nodes.AnnAssign)):
        if _reads(statement.value, name):
            return True
        targets = statement.targets if isinstance(statement, nodes.Assign) else [statement.target]
        for target in targets:
            if _reads(target, name):
                return True  # `x[i] = v` / `x.a = v` read x
            if name in _assigned([target]):
                return False
        return None
    if isinstance(statement, nodes.If):
        if _reads(statement.test, name):
            return True
        body, orelse = _block_effect(statement.body, name), _block_effect(statement.orelse, name)
        if body or orelse:
            return True
        return False if body is False and orelse is False else None
    if isinstance(statement, (nodes.For, nodes.While)):
        header = statement.iter if isinstance(statement, nodes.For) else statement.test
        if _reads(header, name) or _block_effect(statement.body, name) or _block_effect(statement.orelse, name):
            return True
        return None
    if isinstance(statement, nodes.With):
        if any(_reads(expr, name) for expr, _ in statement.items):
            return True
        return _block_effect(statement.body, name)
    if isinstance(statement, nodes.Try):
        parts = [statement.body, statement.orelse, statement.finalbody] + [h.body for h in statement.handlers]
        return True if any(_block_effect(part, name) for part in parts) else None
    return True if _reads(statement, name) else None


# ---- incompatible values ---------------------------------------------------------------------
def _clash(left: tensors.Value | None, right: tensors.Value | None) -> tuple[str, str] | None:
    """How two branch values clash for tf.cond (a phrase for each), or None when they may agree."""
    if left is None or right is None:
        return None
    for one, other in ((left, right), (right, left)):
        if one.is_tensor and other.is_python and other.what == "none":
            return ("None", "a tensor") if other is left else ("a tensor", "None")
        if one.is_tensor and other.is_python and other.what in _STRUCTURES:
            return (f"a {other.what}", "a tensor") if other is left else ("a tensor", f"a {other.what}")
    if left.is_python and right.is_python and left.what in ("list", "tuple") and left.what == right.what:
        if left.items is not None and right.items is not None and len(left.items) != len(right.items):
            return f"a {left.what} of {len(left.items)}", f"a {left.what} of {len(right.items)}"
    return None


def _clash_error(name: str, left: tensors.Value, right: tensors.Value) -> str:
    if "none" in (left.what, right.what):
        branch = "else" if right.what == "none" else "main"
        return f"ValueError ('{name}' is None at the end of the {branch} branch)"
    return "TypeError ('The two structures don't have the same nested structure')"
