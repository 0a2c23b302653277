"""The shared analysis: the only part of tflint that knows TensorFlow's names, graph context,
objects and tensors. Checkers ask it questions (:mod:`~tflint.analysis.context` is where they
start) and never re-derive the answers.

From a module to an answer:

- :mod:`run` holds one pylint run's state (options, project index, memos): a new run replaces it;
- :mod:`names` resolves local names to canonical TF API names from the module's imports;
  :mod:`index` keeps one node index per module, :mod:`memo` per-node answers for the run;
  :mod:`astutil` has the small syntax-tree helpers everyone uses;
- :mod:`graph`, :mod:`project` and :mod:`imports` decide which functions run traced, why, and
  through which call chain, across the project's modules (:mod:`trace` is that record);
  :mod:`guards` and :mod:`autograph` refine it (eager-only branches, what AutoGraph converts);
- :mod:`tensors` infers which expressions are symbolic tensors, :mod:`loopvalues` the values a
  loop gives, :mod:`pystate` the Python state that traced code changes;
- :mod:`calls` finds where traced functions are called and with what; :mod:`tf1` groups a
  module's TF1 uses.

Nothing here imports TensorFlow: API facts come from :mod:`tflint.facts`.
"""
