"""Facts about the TensorFlow and Keras API that the static analysis needs.

Names are canonical (see :func:`tflint.names.api_name`): ``tensorflow.X`` for TF,
``keras.X`` for Keras wherever it is imported from.
"""

from __future__ import annotations

# Decorators / wrappers that turn a Python function into a traced graph function.
TF_FUNCTION = frozenset(
    {
        "tensorflow.function",
        "tensorflow.python.eager.def_function.function",
        "tensorflow.python.eager.polymorphic_function.polymorphic_function.function",
    }
)

# Callbacks that TensorFlow runs eagerly in Python, even from graph code:
# (api, positional index, keyword) of the function argument.
EAGER_CALLBACK_APIS = {
    "tensorflow.py_function": (0, "func"),
    "tensorflow.numpy_function": (0, "func"),
    "tensorflow.py_func": (0, "func"),
    "tensorflow.data.Dataset.from_generator": (0, "generator"),
}
# Method names whose function argument runs eagerly (`ds.from_generator(...)` style).
EAGER_CALLBACK_METHODS = {"from_generator": (0, "generator")}

# tf.data transformations: the function argument is always traced, even in eager code.
DATASET_FUNCTION_METHODS = {
    "map": ((0, "map_func"),),
    "filter": ((0, "predicate"),),
    "flat_map": ((0, "map_func"),),
    "interleave": ((0, "map_func"),),
    "parallel_interleave": ((0, "map_func"),),
    "reduce": ((1, "reduce_func"),),
    "scan": ((1, "scan_func"),),
    "group_by_window": ((0, "key_func"), (1, "reduce_func"), (3, "window_size_func")),
}
# Keywords only tf.data's `map`/`interleave` accept: proof the receiver is a Dataset.
DATASET_ONLY_KEYWORDS = frozenset({"num_parallel_calls", "deterministic", "cycle_length", "block_length"})
# Names people give datasets, used when the receiver cannot be resolved.
DATASET_NAME_WORDS = frozenset({"ds", "dataset", "datasets", "dset"})

# Keras base classes whose methods Keras traces inside fit/evaluate/predict.
KERAS_LAYER_METHODS = frozenset({"call", "train_step", "test_step", "predict_step"})
KERAS_METRIC_METHODS = frozenset({"update_state", "result"})
KERAS_LOSS_METHODS = frozenset({"call"})
KERAS_MODEL_CLASSES = frozenset(
    {
        "keras.Model",
        "keras.Sequential",
        "keras.Layer",
        "keras.models.Model",
        "keras.models.Sequential",
        "keras.engine.base_layer.Layer",
        "keras.engine.training.Model",
    }
)
# Keras wrappers that call a plain function from a layer's `call`.
KERAS_FUNCTION_LAYERS = {"keras.layers.Lambda": (0, "function")}


def keras_family(base: str | None) -> str | None:
    """'layer', 'metric' or 'loss' for a canonical Keras base class name, else None."""
    if not base or not base.startswith("keras."):
        return None
    rest = base[len("keras."):]
    if rest.startswith("metrics.") or rest == "Metric":
        return "metric"
    if rest.startswith("losses.") or rest == "Loss":
        return "loss"
    if base in KERAS_MODEL_CLASSES or rest.startswith("layers."):
        return "layer"
    return None


def traced_methods(family: str) -> frozenset[str]:
    """Method names Keras traces for a class of the given family."""
    return {
        "layer": KERAS_LAYER_METHODS,
        "metric": KERAS_METRIC_METHODS,
        "loss": KERAS_LOSS_METHODS,
    }[family]


# Guards under which graph code does not run (the eager branch is dead code when traced).
EAGER_GUARDS = frozenset({"tensorflow.executing_eagerly"})
GRAPH_GUARDS = frozenset({"tensorflow.inside_function"})

# Calls whose result is a tf.Variable (a create-once guard may hold one in a global).
VARIABLE_CONSTRUCTORS = frozenset({"tensorflow.Variable", "tensorflow.random.Generator"})
