"""Hand-written TF2 replacements for the most common TF1 symbols, quoted by the tf-v1-* messages.

Keys are paths under ``tf.compat.v1`` (``"train.AdamOptimizer"``); a key that names a
module (``"layers"``) covers everything in it unless a longer key matches. Each value is
``(replacement, what it does in TF2)``: the replacement is written to follow "use", the
explanation to follow the symbol's name in a sentence. The generated table
(``tflint/data/tf1_api.json``) supplies the TF2 name of renamed symbols; this map adds the
idiom where no rename exists.
"""

from __future__ import annotations

_OPTIMIZER = "TF1 optimizers minimize a loss tensor in a graph and keep slots in collections"
_DECAY = "TF1 decay functions read the global-step tensor of a graph"
_INITIALIZER = "TF2 creates variables initialized: in eager code this returns None and does nothing"
_COLLECTION = "TF2 keeps no graph collections: eager variables are never added to one, so it returns an empty list"

REPLACEMENTS: dict[str, tuple[str, str]] = {
    # --- sessions (tf-v1-session) ---
    "Session": (
        "call the computation as a Python function (decorate it with @tf.function for graph speed)",
        "a session only runs a graph built with eager execution disabled",
    ),
    "InteractiveSession": (
        "compute eagerly: TF2 values are available at once, without a default session",
        "a session only runs a graph built with eager execution disabled",
    ),
    "get_default_session": (
        "call the function that computes the values directly",
        "TF2 has no default session",
    ),
    "train.MonitoredTrainingSession": (
        "a custom training loop with tf.train.CheckpointManager and tf.summary, or Keras Model.fit with callbacks",
        "monitored sessions run session hooks around a TF1 graph",
    ),
    "train.MonitoredSession": (
        "a custom training loop with tf.train.CheckpointManager and tf.summary, or Keras Model.fit with callbacks",
        "monitored sessions run session hooks around a TF1 graph",
    ),
    "train.SingularMonitoredSession": (
        "a custom training loop with tf.train.CheckpointManager and tf.summary, or Keras Model.fit with callbacks",
        "monitored sessions run session hooks around a TF1 graph",
    ),
    "keras.backend.get_session": (
        "call the model or the function directly",
        "TF2 Keras runs without a session (Keras 3 has no get_session: AttributeError)",
    ),
    # --- placeholders (tf-v1-placeholder) ---
    "placeholder": (
        "an argument of the function that uses it",
        "with eager execution on it raises RuntimeError: tf.placeholder() is not compatible with eager execution",
    ),
    "placeholder_with_default": (
        "a function argument with a default value",
        "with eager execution on it just returns its default, so nothing can be fed",
    ),
    "sparse_placeholder": (
        "a tf.SparseTensor argument of the function that uses it",
        "with eager execution on it raises RuntimeError: `sparse_placeholder` is not compatible with eager execution",
    ),
    "sparse.placeholder": (
        "a tf.SparseTensor argument of the function that uses it",
        "with eager execution on it raises RuntimeError: `sparse_placeholder` is not compatible with eager execution",
    ),
    "ragged.placeholder": (
        "a tf.RaggedTensor argument of the function that uses it",
        "with eager execution on it raises RuntimeError",
    ),
    # --- TF2 behaviour switches (tf-disable-eager-execution) ---
    "disable_eager_execution": (
        "remove it, run eagerly and put graph code in @tf.function",
        "switches the whole process to TF1 graph mode: every op adds a node to a graph instead of computing a value, "
        "and only a Session can run it",
    ),
    "disable_v2_behavior": (
        "remove it and migrate the TF1 code it keeps working",
        "turns off every TF2 behaviour for the whole process: eager execution, resource variables, v2 control flow, "
        "v2 TensorShape and tensor equality",
    ),
    "disable_resource_variables": (
        "remove it: TF2 variables are resource variables",
        "makes tf.compat.v1 variables TF1 reference variables for the whole process, whose reads and writes have no "
        "defined order in a graph",
    ),
    "disable_v2_tensorshape": (
        "remove it and read shape items as ints or None (x.shape[0])",
        "makes TensorShape items Dimension objects instead of ints or None for the whole process",
    ),
    "disable_control_flow_v2": (
        "remove it: TF2's tf.cond and tf.while_loop build functional If/While ops",
        "makes tf.cond and tf.while_loop build TF1 Switch/Merge control flow in graphs for the whole process",
    ),
    "disable_tensor_equality": (
        "remove it: compare tensors with == (element-wise) and key dicts by tensor.ref()",
        "makes == compare tensor identity and tensors hashable, as in TF1, for the whole process",
    ),
    # --- variables, scopes, collections ---
    "get_variable": (
        "tf.Variable, created once and owned by a tf.Module or Keras layer",
        "in eager code every call creates a new variable: variable scopes never share one, not even with AUTO_REUSE",
    ),
    "get_local_variable": (
        "tf.Variable(..., trainable=False), owned by a tf.Module or Keras layer",
        "in eager code every call creates a new variable",
    ),
    "variable_scope": (
        "tf.name_scope for names, and a tf.Module or Keras layer to own and share variables",
        "in eager code variable scopes share no variables: get_variable creates a new one on every call",
    ),
    "get_variable_scope": (
        "a tf.Module or Keras layer that owns its variables",
        "variable scopes do not share variables in eager code",
    ),
    "AUTO_REUSE": (
        "a tf.Module or Keras layer that creates its variables once",
        "variable scopes do not share variables in eager code",
    ),
    "make_template": (
        "a tf.Module or Keras layer, which creates its variables once and reuses them",
        "templates share variables through variable scopes",
    ),
    "global_variables_initializer": ("nothing: drop it", _INITIALIZER),
    "local_variables_initializer": ("nothing: drop it", _INITIALIZER),
    "initialize_all_variables": ("nothing: drop it", _INITIALIZER),
    "variables_initializer": ("nothing: drop it", _INITIALIZER),
    "tables_initializer": ("nothing: drop it (TF2 lookup tables are initialized when created)", _INITIALIZER),
    "global_variables": ("module.variables or model.variables", _COLLECTION),
    "trainable_variables": ("module.trainable_variables or model.trainable_variables", _COLLECTION),
    "local_variables": ("module.variables or model.variables", _COLLECTION),
    "get_collection": ("keep the objects in Python attributes (a list on your tf.Module or layer)", _COLLECTION),
    "get_collection_ref": ("keep the objects in Python attributes (a list on your tf.Module or layer)", _COLLECTION),
    "add_to_collection": ("keep the objects in Python attributes (a list on your tf.Module or layer)", _COLLECTION),
    "GraphKeys": ("keep the objects in Python attributes (model.trainable_variables, model.losses)", _COLLECTION),
    "assign": ("variable.assign(value)", "the TF1 function form of variable assignment"),
    "assign_add": ("variable.assign_add(delta)", "the TF1 function form of variable assignment"),
    "assign_sub": ("variable.assign_sub(delta)", "the TF1 function form of variable assignment"),
    # --- graphs ---
    "get_default_graph": (
        "tf.function: the graph of a traced function is f.get_concrete_function(...).graph",
        "eager code has no default graph to add ops to",
    ),
    "reset_default_graph": (
        "nothing: eager code builds no global graph (use tf.keras.backend.clear_session() to reset Keras state)",
        "eager code builds no global graph",
    ),
    "ConfigProto": (
        "tf.config (tf.config.experimental.set_memory_growth, tf.config.threading, tf.config.set_soft_device_placement)",
        "it configures a Session, which TF2 does not have",
    ),
    "GPUOptions": ("tf.config.experimental.set_memory_growth or tf.config.set_logical_device_configuration",
                   "it configures a Session, which TF2 does not have"),
    "Print": ("tf.print", "tf.Print is an identity op that prints only as a side effect of running a graph"),
    "py_func": (
        "tf.numpy_function (or tf.py_function to receive eager tensors)",
        "the TF1 name of tf.numpy_function",
    ),
    "to_float": ("tf.cast(x, tf.float32)", "the TF1 cast shorthands are gone from TF2"),
    "to_int32": ("tf.cast(x, tf.int32)", "the TF1 cast shorthands are gone from TF2"),
    "to_int64": ("tf.cast(x, tf.int64)", "the TF1 cast shorthands are gone from TF2"),
    "to_double": ("tf.cast(x, tf.float64)", "the TF1 cast shorthands are gone from TF2"),
    "set_random_seed": ("tf.random.set_seed", "TF2 renamed it (and derives op seeds differently)"),
    "dimension_value": ("shape[i], which is an int or None in TF2", "TF2 TensorShape items are already ints or None"),
    "Dimension": ("ints and None: TF2 TensorShape items are plain values", "TF2 TensorShape has no Dimension items"),
    # --- training ---
    "train.Optimizer": ("tf.keras.optimizers.Optimizer", _OPTIMIZER),
    "train.GradientDescentOptimizer": ("tf.keras.optimizers.SGD", _OPTIMIZER),
    "train.MomentumOptimizer": ("tf.keras.optimizers.SGD(learning_rate, momentum=...)", _OPTIMIZER),
    "train.AdamOptimizer": ("tf.keras.optimizers.Adam", _OPTIMIZER),
    "train.AdagradOptimizer": ("tf.keras.optimizers.Adagrad", _OPTIMIZER),
    "train.AdadeltaOptimizer": ("tf.keras.optimizers.Adadelta", _OPTIMIZER),
    "train.RMSPropOptimizer": ("tf.keras.optimizers.RMSprop", _OPTIMIZER),
    "train.FtrlOptimizer": ("tf.keras.optimizers.Ftrl", _OPTIMIZER),
    "train.Saver": (
        "tf.train.Checkpoint with tf.train.CheckpointManager",
        "Saver saves and restores variables by graph name through a session",
    ),
    "train.import_meta_graph": (
        "tf.saved_model.load (or tf.compat.v1.wrap_function to run an old graph)",
        "it imports a TF1 graph into the default graph, which eager code does not have",
    ),
    "train.get_or_create_global_step": (
        "a step counter you own (a tf.Variable on your module, or optimizer.iterations)",
        "the global step is a graph collection entry",
    ),
    "train.get_global_step": (
        "a step counter you own (a tf.Variable on your module, or optimizer.iterations)",
        "the global step is a graph collection entry",
    ),
    "train.create_global_step": (
        "a step counter you own (a tf.Variable on your module, or optimizer.iterations)",
        "the global step is a graph collection entry",
    ),
    "train.exponential_decay": ("tf.keras.optimizers.schedules.ExponentialDecay", _DECAY),
    "train.piecewise_constant": ("tf.keras.optimizers.schedules.PiecewiseConstantDecay", _DECAY),
    "train.polynomial_decay": ("tf.keras.optimizers.schedules.PolynomialDecay", _DECAY),
    "train.cosine_decay": ("tf.keras.optimizers.schedules.CosineDecay", _DECAY),
    "train.SessionRunHook": ("a Keras callback or code in your training loop", "hooks run around Session.run calls"),
    "train.start_queue_runners": ("tf.data", "queue runners feed a graph through a session"),
    "train.batch": ("tf.data.Dataset.batch", "queue-based input pipelines need queue runners and a session"),
    "train.shuffle_batch": ("tf.data.Dataset.shuffle(...).batch(...)",
                            "queue-based input pipelines need queue runners and a session"),
    # --- input pipelines ---
    "data.make_one_shot_iterator": (
        "a Python for loop over the dataset (or iter(dataset))",
        "TF2 datasets are Python iterables",
    ),
    "data.make_initializable_iterator": (
        "a Python for loop over the dataset; make a new iterator with iter(dataset) to start again",
        "TF2 datasets are Python iterables and need no initializer op",
    ),
    "data.Iterator": ("iter(dataset) and tf.data.Iterator", "TF1 iterators are initialized and read through a session"),
    # --- layers, losses, metrics, summaries ---
    "layers": (
        "tf.keras.layers (tf.keras.layers.Dense, Conv2D, BatchNormalization, Dropout...)",
        "the TF1 functional layers share variables through variable scopes; with Keras 3 (TF 2.16+) they fail "
        "with AttributeError unless the legacy tf_keras package is installed",
    ),
    "nn.rnn_cell": ("tf.keras.layers.LSTMCell/GRUCell with tf.keras.layers.RNN", "TF1 RNN cells use variable scopes"),
    "nn.dynamic_rnn": ("tf.keras.layers.RNN (or LSTM/GRU)", "TF1 RNN functions use variable scopes"),
    "nn.static_rnn": ("tf.keras.layers.RNN(cell, unroll=True)", "TF1 RNN functions use variable scopes"),
    "losses": (
        "tf.keras.losses (objects reduce over the batch; functions return per-example losses)",
        "TF1 losses add themselves to a graph collection and reduce with weights",
    ),
    "metrics": (
        "tf.keras.metrics objects (update_state/result)",
        "TF1 metrics return a (value, update_op) pair of local variables that a session must initialize and run",
    ),
    "summary.FileWriter": ("tf.summary.create_file_writer", "TF1 writers take Summary protos fetched from a session"),
    "summary.merge_all": (
        "tf.summary.scalar(name, value, step=...) inside `with writer.as_default():`",
        "TF1 summaries are graph ops collected and run through a session",
    ),
    "summary.merge": (
        "tf.summary.scalar(name, value, step=...) inside `with writer.as_default():`",
        "TF1 summaries are graph ops collected and run through a session",
    ),
    "summary.scalar": (
        "tf.summary.scalar(name, data, step=...) inside `with writer.as_default():`",
        "TF1's version returns a serialized Summary for a session to fetch, and writes nothing by itself",
    ),
    "summary.histogram": (
        "tf.summary.histogram(name, data, step=...) inside `with writer.as_default():`",
        "TF1's version returns a serialized Summary for a session to fetch, and writes nothing by itself",
    ),
    "summary.image": (
        "tf.summary.image(name, data, step=...) inside `with writer.as_default():`",
        "TF1's version returns a serialized Summary for a session to fetch, and writes nothing by itself",
    ),
    # --- saving ---
    "saved_model.simple_save": ("tf.saved_model.save", "it saves a TF1 graph from a session"),
    "saved_model.Builder": ("tf.saved_model.save", "it saves TF1 graphs from a session"),
    "saved_model.builder": ("tf.saved_model.save", "it saves TF1 graphs from a session"),
    "saved_model.loader": ("tf.saved_model.load", "it loads a TF1 graph into a session"),
    "saved_model.load": ("tf.saved_model.load(export_dir)", "TF1's version loads into a session: load(sess, tags, export_dir)"),
    # --- modules gone from TF2 ---
    "logging": ("absl.logging, or Python's logging through tf.get_logger()", "TF2 removed tf.logging"),
    "app": ("absl.app.run", "TF2 removed tf.app"),
    "flags": ("absl.flags", "TF2 removed tf.flags"),
    "gfile": ("tf.io.gfile (exists, GFile, glob, makedirs...)", "TF2 moved tf.gfile to tf.io.gfile with new names"),
    "python_io": ("tf.io (tf.io.TFRecordWriter, tf.data.TFRecordDataset)", "TF2 removed tf.python_io"),
    "distributions": ("tensorflow_probability.distributions", "TF2 removed tf.distributions"),
}

# Modules TF2 removed entirely: what to use instead (paths under ``tf.``).
REMOVED_MODULE_REPLACEMENTS: dict[str, str] = {
    "contrib": "find its TF2 home (core TF, TF Addons, tf_slim, TF Probability) or keep a copy of the code",
    "contrib.slim": "the tf_slim package, or Keras layers",
    "contrib.layers": "tf.keras.layers and tf.keras.initializers/regularizers (or the tf_slim package)",
    "contrib.rnn": "tf.keras.layers.RNN with LSTMCell/GRUCell (or tensorflow_addons.rnn)",
    "contrib.cudnn_rnn": "tf.keras.layers.LSTM/GRU, which use the CuDNN kernel when they can",
    "contrib.seq2seq": "tensorflow_addons.seq2seq",
    "contrib.distributions": "tensorflow_probability.distributions",
    "contrib.bayesflow": "tensorflow_probability",
    "contrib.framework": "tf.nest, tf.sort, tf.is_tensor, tf.train.load_variable (or tf_slim)",
    "contrib.data": "tf.data and tf.data.experimental",
    "contrib.distribute": "tf.distribute",
    "contrib.opt": "tf.keras.optimizers (or tensorflow_addons.optimizers)",
    "contrib.metrics": "tf.keras.metrics",
    "contrib.losses": "tf.keras.losses",
    "contrib.summary": "tf.summary",
    "contrib.tpu": "tf.distribute.TPUStrategy",
    "contrib.eager": "TF2 core: eager execution is the default",
    "contrib.image": "tf.image (or tensorflow_addons.image)",
    "contrib.crf": "tensorflow_addons.text.crf",
    "contrib.lite": "tf.lite",
    "contrib.training": "tf.data and a custom training loop",
    "contrib.learn": "Keras (tf.keras.Model.fit)",
    "contrib.checkpoint": "tf.train.Checkpoint",
    "contrib.quantize": "the TensorFlow Model Optimization toolkit (tensorflow_model_optimization)",
    "estimator": "Keras (Model.fit) or a custom training loop with tf.function",
}

# TF1-only symbols that TF2 code calls on purpose: dual TF1/TF2 helpers and switches that
# do nothing in TF2. They are not reported (see docs/rules/tf-v1-api.md, Known problems).
TF2_SAFE: dict[str, str] = {
    "enable_eager_execution": "a no-op in TF2, where eager execution is on",
    "enable_v2_behavior": "a no-op in TF2, used by tests that also run under TF1",
    "enable_resource_variables": "a no-op in TF2",
    "enable_v2_tensorshape": "a no-op in TF2",
    "enable_control_flow_v2": "a no-op in TF2",
    "enable_tensor_equality": "a no-op in TF2",
    "executing_eagerly_outside_functions": "the way TF2 library code asks whether it runs eagerly outside tf.function",
    "resource_variables_enabled": "a query of the TF1/TF2 switch",
    "control_flow_v2_enabled": "a query of the TF1/TF2 switch",
    "wrap_function": "TF2's documented way to run TF1 graph-building code",
}


def replacement(path: str) -> tuple[str, str] | None:
    """``(replacement, explanation)`` for the longest key that is ``path`` or a module holding it."""
    parts = path.split(".")
    for end in range(len(parts), 0, -1):
        found = REPLACEMENTS.get(".".join(parts[:end]))
        if found:
            return found
    return None


def removed_module_replacement(path: str) -> str:
    """What to use instead of ``path`` in a module TF2 removed (``contrib.layers.conv2d``)."""
    parts = path.split(".")
    for end in range(len(parts), 0, -1):
        found = REMOVED_MODULE_REPLACEMENTS.get(".".join(parts[:end]))
        if found:
            return found
    return "see the TensorFlow 2 migration guide"
