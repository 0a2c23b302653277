"""Is this expression a symbolic tensor, a Python value, or unknown?

The answer is a :class:`Value`: ``kind`` is :data:`TENSOR`, :data:`PYTHON` or
:data:`UNKNOWN`, and ``what`` says more (``"variable"``, ``"shape"``, ``"dim"``,
``"none"``, ``"list"``, ``"dataset"``, ``"layer"`` ...). Rules ask :func:`value_of` (or
:func:`is_tensor` / :func:`is_python`) about nodes of graph code; unknown means stay silent.

Where values come from:

- TF and Keras calls, by API family (:mod:`tflint.facts.tensor_api`): ``tf.shape(x)`` is a tensor,
  ``x.shape`` a ``TensorShape`` whose items are Python ints or ``None``,
  ``tf.executing_eagerly()`` a Python bool, ``tf.TensorSpec(...)`` a spec, ``tf.unstack(x)``
  a Python list of tensors, ``keras.layers.Dense(3)`` a layer whose call returns a tensor;
- arithmetic, comparisons, subscripts and method calls of tensors;
- local names, through their assignments in the function (loop-carried ones included);
- ``self.attr``, through the values the class assigns to it;
- calls of the project's own functions and Keras layers, through their ``return`` values;
- parameters: tensors when the function has an ``input_signature``; the inputs of a
  ``tf.data`` function or of a Keras ``call``/``update_state``/loss, unless the function
  treats them as a structure (unpacks, iterates, indexes by name, checks ``is None``);
  otherwise whatever every call site in the module passes, when they agree.

Results are memoised per node for the run. Nothing here imports TensorFlow or asks astroid
to infer: TF names come from the module's imports, values from the table and the code.

The package, from the answer to the questions:

- :mod:`.value`: :class:`Value`, its kinds, and how values join and iterate;
- :mod:`.engine`: the per-module :class:`~.engine.Engine` (memos, cycle guards, cross-module
  hops) and its table of evaluators by node class, which live in :mod:`.literals`,
  :mod:`.operators`, :mod:`.bindings`, :mod:`.attributes` and :mod:`.call_results`
  (with :mod:`.method_calls` and :mod:`.builtin_calls`, tables of small handlers);
- :mod:`.parameters` and :mod:`.call_sites`: what a traced function's parameters hold;
- :mod:`.truth`: conditions a known Python flag decides; :mod:`.syntax`: plain AST facts.
"""

from __future__ import annotations

from tflint.analysis.tensors.engine import graph_value_of, is_python, is_tensor, value_of
from tflint.analysis.tensors.syntax import may_fall_off
from tflint.analysis.tensors.truth import static_truth
from tflint.analysis.tensors.value import (
    PYTHON,
    TENSOR,
    TENSOR_VALUE,
    UNKNOWN,
    UNKNOWN_VALUE,
    Value,
    element_of,
    join,
    python,
)

__all__ = [
    "PYTHON",
    "TENSOR",
    "TENSOR_VALUE",
    "UNKNOWN",
    "UNKNOWN_VALUE",
    "Value",
    "element_of",
    "graph_value_of",
    "is_python",
    "is_tensor",
    "join",
    "may_fall_off",
    "python",
    "static_truth",
    "value_of",
]
