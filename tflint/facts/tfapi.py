"""Facts about the TensorFlow and Keras API that the static analysis needs.

Names are canonical (see :func:`tflint.analysis.names.api_name`): ``tensorflow.X`` for TF,
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
    rest = base[len("keras.") :]
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

# ---- objects that create tf.Variables (tf-variable-in-graph) --------------------------------
# Constructors whose result holds tf.Variables: canonical name -> what the message calls it.
VARIABLE_CREATORS = {
    "tensorflow.Variable": "a tf.Variable",
    "tensorflow.random.Generator": "a tf.random.Generator (its state is a tf.Variable)",
    "tensorflow.random.Generator.from_seed": "a tf.random.Generator (its state is a tf.Variable)",
    "tensorflow.random.Generator.from_non_deterministic_state": "a tf.random.Generator (its state is a tf.Variable)",
    "tensorflow.random.Generator.from_key_counter": "a tf.random.Generator (its state is a tf.Variable)",
    "tensorflow.random.Generator.from_state": "a tf.random.Generator (its state is a tf.Variable)",
    "tensorflow.random.experimental.Generator": "a tf.random.Generator (its state is a tf.Variable)",
    "tensorflow.random.experimental.Generator.from_seed": "a tf.random.Generator (its state is a tf.Variable)",
    "tensorflow.random.experimental.Generator.from_non_deterministic_state": "a tf.random.Generator (its state is a tf.Variable)",
}
# Keras layers without weights or random state: creating them in traced code is allowed.
KERAS_WEIGHTLESS_LAYERS = frozenset(
    {
        "Activation",
        "ActivityRegularization",
        "Add",
        "Attention",
        "Average",
        "AveragePooling1D",
        "AveragePooling2D",
        "AveragePooling3D",
        "AvgPool1D",
        "AvgPool2D",
        "AvgPool3D",
        "CenterCrop",
        "Concatenate",
        "Cropping1D",
        "Cropping2D",
        "Cropping3D",
        "Dot",
        "ELU",
        "Flatten",
        "GlobalAveragePooling1D",
        "GlobalAveragePooling2D",
        "GlobalAveragePooling3D",
        "GlobalAvgPool1D",
        "GlobalAvgPool2D",
        "GlobalAvgPool3D",
        "GlobalMaxPool1D",
        "GlobalMaxPool2D",
        "GlobalMaxPool3D",
        "GlobalMaxPooling1D",
        "GlobalMaxPooling2D",
        "GlobalMaxPooling3D",
        "Identity",
        "InputLayer",
        "Lambda",
        "LeakyReLU",
        "Masking",
        "MaxPool1D",
        "MaxPool2D",
        "MaxPool3D",
        "MaxPooling1D",
        "MaxPooling2D",
        "MaxPooling3D",
        "Maximum",
        "Minimum",
        "Multiply",
        "Permute",
        "ReLU",
        "RepeatVector",
        "Rescaling",
        "Reshape",
        "Resizing",
        "Softmax",
        "Subtract",
        "ThresholdedReLU",
        "UnitNormalization",
        "UpSampling1D",
        "UpSampling2D",
        "UpSampling3D",
        "ZeroPadding1D",
        "ZeroPadding2D",
        "ZeroPadding3D",
    }
)

# Keras 2 (tf_keras) random layers draw stateless random numbers: no variable (Keras 3's
# make a SeedGenerator variable; Keras 2's RandomFlip & co. make a tf.random.Generator).
KERAS2_WEIGHTLESS_LAYERS = frozenset(
    {
        "Dropout",
        "SpatialDropout1D",
        "SpatialDropout2D",
        "SpatialDropout3D",
        "GaussianNoise",
        "GaussianDropout",
        "AlphaDropout",
    }
)
# Raw import prefixes of Keras 2 (``tf.keras`` is Keras 3 since TensorFlow 2.16).
KERAS2_PREFIXES = ("tf_keras.", "tensorflow.python.keras.", "tensorflow.compat.v1.keras.")
# Keras layers that wrap a cell or a layer: their weights are the wrapped object's.
KERAS_LAYER_WRAPPERS = frozenset({"RNN", "Bidirectional", "TimeDistributed", "StackedRNNCells"})


def variable_creator(api: str | None, keras2: bool = False) -> str | None:
    """What ``api`` creates when calling it makes tf.Variables (for messages), else None.

    tf.Variable and tf.random.Generator; Keras optimizers and metrics (their constructors
    create variables) and Keras layers other than the weightless ones (they create their
    weights when first called; Keras 3 random layers create a seed variable at once, Keras 2
    dropout and noise layers none: ``keras2`` says the name was imported from tf_keras).
    """
    if api is None or api.endswith(")"):
        return None
    if api in VARIABLE_CREATORS:
        return VARIABLE_CREATORS[api]
    head, _, last = api.rpartition(".")
    if not last[:1].isupper() or not head.startswith("keras."):
        return None
    family = head.split(".")[1] if "." in head else ""
    if family == "optimizers" and "schedules" not in head:
        return "a Keras optimizer (it holds tf.Variables: its step counter and slots)"
    if family == "metrics":
        return "a Keras metric (its state is tf.Variables)"
    if keras2 and last in KERAS2_WEIGHTLESS_LAYERS:
        return None
    if family == "layers" and last not in KERAS_WEIGHTLESS_LAYERS and last not in ("Layer", "InputSpec", "Input"):
        return "a Keras layer (it creates tf.Variables for its weights or random seed)"
    return None


# Deprecated tf.function arguments: name -> (what TensorFlow does with it, the fix).
DEPRECATED_FUNCTION_ARGUMENTS = {
    "experimental_relax_shapes": (
        "TensorFlow logs a deprecation warning and treats it as `reduce_retracing`",
        "use `reduce_retracing=True`, which does the same",
    ),
    "experimental_compile": (
        "TensorFlow logs a deprecation warning and treats it as `jit_compile` (passing both raises ValueError)",
        "use `jit_compile=True`, which does the same",
    ),
    "experimental_follow_type_hints": (
        "TensorFlow logs a deprecation warning and ignores it, so Python values annotated as tf.Tensor "
        "still retrace by value",
        "remove it, and use an `input_signature` or pass tensors (`tf.constant(...)`) instead",
    ),
}

# Eager-debugging switches (tf-eager-debug-leftover): canonical name -> what it does.
EAGER_FUNCTION_SWITCHES = frozenset(
    {"tensorflow.config.run_functions_eagerly", "tensorflow.config.experimental_run_functions_eagerly"}
)
EAGER_DEBUG_SWITCHES = {
    "tensorflow.config.run_functions_eagerly": "makes every tf.function in the process run eagerly, as plain "
    "Python without a graph",
    "tensorflow.config.experimental_run_functions_eagerly": "(the deprecated name of "
    "tf.config.run_functions_eagerly) makes every tf.function in the process run eagerly, as plain Python "
    "without a graph",
    "tensorflow.data.experimental.enable_debug_mode": "makes every tf.data function run eagerly, one element at a time",
}
