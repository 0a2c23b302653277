"""Hand-written TF2 replacements for the most common TF1 symbols, quoted by the tf-v1-* messages.

Keys are paths under ``tf.compat.v1`` (``"train.AdamOptimizer"``); a key that names a
module (``"layers"``) covers everything in it unless a longer key matches. Each value is
``(replacement, explanation)``: the replacement is an imperative clause that follows "in TF2,"
in a message ("use tf.keras.optimizers.Adam", "drop it"), the explanation says what the
symbol does, or what goes wrong with it, under TensorFlow 2. The generated table
(``tflint/facts/data/tf1_api.json``) supplies the TF2 name of renamed symbols; this map adds the
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
        "a session only runs ops built in graph mode: with eager execution disabled, or inside with tf.Graph().as_default()",
    ),
    "InteractiveSession": (
        "compute eagerly: TF2 values are available at once, without a default session",
        "a session only runs ops built in graph mode: with eager execution disabled, or inside with tf.Graph().as_default()",
    ),
    "get_default_session": (
        "call the function that computes the values directly",
        "TF2 has no default session",
    ),
    "train.MonitoredTrainingSession": (
        "write a training loop with tf.train.CheckpointManager and tf.summary, or use Keras Model.fit with callbacks",
        "monitored sessions run session hooks around a TF1 graph",
    ),
    "train.MonitoredSession": (
        "write a training loop with tf.train.CheckpointManager and tf.summary, or use Keras Model.fit with callbacks",
        "monitored sessions run session hooks around a TF1 graph",
    ),
    "train.SingularMonitoredSession": (
        "write a training loop with tf.train.CheckpointManager and tf.summary, or use Keras Model.fit with callbacks",
        "monitored sessions run session hooks around a TF1 graph",
    ),
    "keras.backend.get_session": (
        "call the model or the function directly",
        "TF2 Keras runs without one, and Keras 3 has no get_session at all",
    ),
    # --- placeholders (tf-v1-placeholder) ---
    "placeholder": (
        "make it an argument of the function that uses it",
        "with eager execution on it raises RuntimeError: tf.placeholder() is not compatible with eager execution",
    ),
    "placeholder_with_default": (
        "make it a function argument with a default value",
        "with eager execution on it just returns its default, so nothing can be fed",
    ),
    "sparse_placeholder": (
        "make it a tf.SparseTensor argument of the function that uses it",
        "with eager execution on it raises RuntimeError: `sparse_placeholder` is not compatible with eager execution",
    ),
    "sparse.placeholder": (
        "make it a tf.SparseTensor argument of the function that uses it",
        "with eager execution on it raises RuntimeError: `sparse_placeholder` is not compatible with eager execution",
    ),
    "ragged.placeholder": (
        "make it a tf.RaggedTensor argument of the function that uses it",
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
    "enable_eager_execution": ("drop it (eager execution is TF2's default)", "TF2 runs eagerly already"),
    "enable_v2_behavior": ("drop it (TF2 behaviour is the default)", "TF2 behaves as TF2 already"),
    "enable_resource_variables": ("drop it (TF2 variables are resource variables)", "TF2 behaves as TF2 already"),
    "enable_control_flow_v2": ("drop it (TF2 control flow is the default)", "TF2 behaves as TF2 already"),
    "enable_v2_tensorshape": ("drop it (TF2 shapes hold ints and None)", "TF2 behaves as TF2 already"),
    # --- variables, scopes, collections ---
    "get_variable": (
        "create a tf.Variable once, owned by a tf.Module or Keras layer",
        "in eager code every call creates a new variable (variable scopes share none, not even with AUTO_REUSE)",
    ),
    "get_local_variable": (
        "create a tf.Variable(..., trainable=False) once, owned by a tf.Module or Keras layer",
        "in eager code every call creates a new variable",
    ),
    "variable_scope": (
        "use tf.name_scope for names, and a tf.Module or Keras layer to own and share variables",
        "in eager code variable scopes share no variables (get_variable creates a new one on every call)",
    ),
    "get_variable_scope": (
        "let a tf.Module or Keras layer own its variables",
        "variable scopes do not share variables in eager code",
    ),
    "AUTO_REUSE": (
        "let a tf.Module or Keras layer create its variables once",
        "variable scopes do not share variables in eager code",
    ),
    "make_template": (
        "use a tf.Module or Keras layer, which creates its variables once and reuses them",
        "templates share variables through variable scopes",
    ),
    "global_variables_initializer": ("drop it", _INITIALIZER),
    "local_variables_initializer": ("drop it", _INITIALIZER),
    "initialize_all_variables": ("drop it", _INITIALIZER),
    "variables_initializer": ("drop it", _INITIALIZER),
    "tables_initializer": ("drop it (TF2 lookup tables are initialized when created)", _INITIALIZER),
    "global_variables": ("use module.variables or model.variables", _COLLECTION),
    "trainable_variables": ("use module.trainable_variables or model.trainable_variables", _COLLECTION),
    "local_variables": ("use module.variables or model.variables", _COLLECTION),
    "get_collection": ("keep the objects in Python attributes (a list on your tf.Module or layer)", _COLLECTION),
    "get_collection_ref": ("keep the objects in Python attributes (a list on your tf.Module or layer)", _COLLECTION),
    "add_to_collection": ("keep the objects in Python attributes (a list on your tf.Module or layer)", _COLLECTION),
    "GraphKeys": ("keep the objects in Python attributes (model.trainable_variables, model.losses)", _COLLECTION),
    "assign": ("call variable.assign(value)", "the TF1 function form of variable assignment"),
    "assign_add": ("call variable.assign_add(delta)", "the TF1 function form of variable assignment"),
    "assign_sub": ("call variable.assign_sub(delta)", "the TF1 function form of variable assignment"),
    # --- graphs ---
    "get_default_graph": (
        "use tf.function: the graph of a traced function is f.get_concrete_function(...).graph",
        "eager code has no default graph to add ops to",
    ),
    "reset_default_graph": (
        "drop it (tf.keras.backend.clear_session() resets Keras state)",
        "eager code builds no global graph",
    ),
    "ConfigProto": (
        "use tf.config (tf.config.experimental.set_memory_growth, tf.config.threading, tf.config.set_soft_device_placement)",
        "it configures a Session, which TF2 does not have",
    ),
    "GPUOptions": (
        "use tf.config.experimental.set_memory_growth or tf.config.set_logical_device_configuration",
        "it configures a Session, which TF2 does not have",
    ),
    "Print": ("use tf.print", "tf.Print is an identity op that prints only as a side effect of running a graph"),
    "where": (
        "use tf.where, which broadcasts condition, x and y",
        "TF1's where does not broadcast: x and y must have the condition's shape, or a vector condition picks rows",
    ),
    "py_func": (
        "use tf.numpy_function (or tf.py_function to receive eager tensors)",
        "the TF1 name of tf.numpy_function",
    ),
    "to_float": ("use tf.cast(x, tf.float32)", "the TF1 cast shorthands are gone from TF2"),
    "to_int32": ("use tf.cast(x, tf.int32)", "the TF1 cast shorthands are gone from TF2"),
    "to_int64": ("use tf.cast(x, tf.int64)", "the TF1 cast shorthands are gone from TF2"),
    "to_double": ("use tf.cast(x, tf.float64)", "the TF1 cast shorthands are gone from TF2"),
    "set_random_seed": ("use tf.random.set_seed", "TF2 renamed it (and derives op seeds differently)"),
    "dimension_value": ("read shape[i] directly", "TF2 TensorShape items are already ints or None"),
    "Dimension": ("use ints and None", "TF2 TensorShape has no Dimension items"),
    # --- training ---
    "train.Optimizer": ("use tf.keras.optimizers.Optimizer", _OPTIMIZER),
    "train.GradientDescentOptimizer": ("use tf.keras.optimizers.SGD", _OPTIMIZER),
    "train.MomentumOptimizer": ("use tf.keras.optimizers.SGD(learning_rate, momentum=...)", _OPTIMIZER),
    "train.AdamOptimizer": ("use tf.keras.optimizers.Adam", _OPTIMIZER),
    "train.AdagradOptimizer": ("use tf.keras.optimizers.Adagrad", _OPTIMIZER),
    "train.AdadeltaOptimizer": ("use tf.keras.optimizers.Adadelta", _OPTIMIZER),
    "train.RMSPropOptimizer": ("use tf.keras.optimizers.RMSprop", _OPTIMIZER),
    "train.FtrlOptimizer": ("use tf.keras.optimizers.Ftrl", _OPTIMIZER),
    "train.Saver": (
        "use tf.train.Checkpoint with tf.train.CheckpointManager",
        "Saver saves and restores variables by graph name through a session",
    ),
    "train.import_meta_graph": (
        "use tf.saved_model.load (or tf.compat.v1.wrap_function to run an old graph)",
        "it imports a TF1 graph into the default graph, which eager code does not have",
    ),
    "train.get_or_create_global_step": (
        "keep a step counter you own (a tf.Variable on your module, or optimizer.iterations)",
        "the global step is a graph collection entry",
    ),
    "train.get_global_step": (
        "keep a step counter you own (a tf.Variable on your module, or optimizer.iterations)",
        "the global step is a graph collection entry",
    ),
    "train.create_global_step": (
        "keep a step counter you own (a tf.Variable on your module, or optimizer.iterations)",
        "the global step is a graph collection entry",
    ),
    "train.exponential_decay": ("use tf.keras.optimizers.schedules.ExponentialDecay", _DECAY),
    "train.piecewise_constant": ("use tf.keras.optimizers.schedules.PiecewiseConstantDecay", _DECAY),
    "train.polynomial_decay": ("use tf.keras.optimizers.schedules.PolynomialDecay", _DECAY),
    "train.cosine_decay": ("use tf.keras.optimizers.schedules.CosineDecay", _DECAY),
    "train.SessionRunHook": (
        "use a Keras callback or code in your training loop",
        "hooks run around Session.run calls",
    ),
    "train.start_queue_runners": ("use tf.data", "queue runners feed a graph through a session"),
    "train.batch": ("use tf.data.Dataset.batch", "queue-based input pipelines need queue runners and a session"),
    "train.shuffle_batch": (
        "use tf.data.Dataset.shuffle(...).batch(...)",
        "queue-based input pipelines need queue runners and a session",
    ),
    # --- input pipelines ---
    "data.make_one_shot_iterator": (
        "iterate the dataset with a Python for loop (or iter(dataset))",
        "TF2 datasets are Python iterables",
    ),
    "data.make_initializable_iterator": (
        "iterate the dataset with a Python for loop; iter(dataset) starts a new pass",
        "TF2 datasets are Python iterables and need no initializer op",
    ),
    "data.Iterator": (
        "use iter(dataset) and tf.data.Iterator",
        "TF1 iterators are initialized and read through a session",
    ),
    # --- layers, losses, metrics, summaries ---
    "layers": (
        "use tf.keras.layers (Dense, Conv2D, BatchNormalization, Dropout...)",
        "the TF1 functional layers share variables through variable scopes; with Keras 3 (TF 2.16+) they fail "
        "with AttributeError unless the legacy tf_keras package is installed",
    ),
    "nn.rnn_cell": (
        "use tf.keras.layers.LSTMCell/GRUCell with tf.keras.layers.RNN",
        "TF1 RNN cells use variable scopes",
    ),
    "nn.dynamic_rnn": ("use tf.keras.layers.RNN (or LSTM/GRU)", "TF1 RNN functions use variable scopes"),
    "nn.static_rnn": ("use tf.keras.layers.RNN(cell, unroll=True)", "TF1 RNN functions use variable scopes"),
    "losses": (
        "use tf.keras.losses (objects reduce over the batch; functions return per-example losses)",
        "TF1 losses add themselves to a graph collection and reduce with weights",
    ),
    "metrics": (
        "use tf.keras.metrics objects (update_state/result)",
        "TF1 metrics return a (value, update_op) pair of local variables that a session must initialize and run",
    ),
    "summary.FileWriter": (
        "use tf.summary.create_file_writer",
        "TF1 writers take Summary protos fetched from a session",
    ),
    "summary.merge_all": (
        "write each summary with tf.summary.scalar(name, value, step=...) inside `with writer.as_default():`",
        "TF1 summaries are graph ops collected and run through a session",
    ),
    "summary.merge": (
        "write each summary with tf.summary.scalar(name, value, step=...) inside `with writer.as_default():`",
        "TF1 summaries are graph ops collected and run through a session",
    ),
    "summary.scalar": (
        "use tf.summary.scalar(name, data, step=...) inside `with writer.as_default():`",
        "TF1's version returns a serialized Summary for a session to fetch, and writes nothing by itself",
    ),
    "summary.histogram": (
        "use tf.summary.histogram(name, data, step=...) inside `with writer.as_default():`",
        "TF1's version returns a serialized Summary for a session to fetch, and writes nothing by itself",
    ),
    "summary.image": (
        "use tf.summary.image(name, data, step=...) inside `with writer.as_default():`",
        "TF1's version returns a serialized Summary for a session to fetch, and writes nothing by itself",
    ),
    # --- saving ---
    "saved_model.simple_save": ("use tf.saved_model.save", "it saves a TF1 graph from a session"),
    "saved_model.Builder": ("use tf.saved_model.save", "it saves TF1 graphs from a session"),
    "saved_model.builder": ("use tf.saved_model.save", "it saves TF1 graphs from a session"),
    "saved_model.loader": ("use tf.saved_model.load", "it loads a TF1 graph into a session"),
    "saved_model.load": (
        "use tf.saved_model.load(export_dir)",
        "TF1's version loads into a session: load(sess, tags, export_dir)",
    ),
    # --- modules gone from TF2 ---
    "logging": ("use absl.logging, or Python's logging through tf.get_logger()", "TF2 removed tf.logging"),
    "app": ("use absl.app.run", "TF2 removed tf.app"),
    "flags": ("use absl.flags", "TF2 removed tf.flags"),
    "gfile": ("use tf.io.gfile (exists, GFile, glob, makedirs...)", "TF2 moved tf.gfile to tf.io.gfile with new names"),
    "python_io": ("use tf.io.TFRecordWriter and tf.data.TFRecordDataset", "TF2 removed tf.python_io"),
    "distributions": ("use tensorflow_probability.distributions", "TF2 removed tf.distributions"),
}

# Modules TF2 removed entirely: what to use instead (paths under ``tf.``).
REMOVED_MODULE_REPLACEMENTS: dict[str, str] = {
    "contrib": "find its TF2 home (core TF, TF Addons, tf_slim, TF Probability) or keep a copy of the code",
    "contrib.slim": "use the tf_slim package, or Keras layers",
    "contrib.layers": "use tf.keras.layers and tf.keras.initializers/regularizers (or the tf_slim package)",
    "contrib.layers.xavier_initializer": "use tf.keras.initializers.GlorotUniform (GlorotNormal for uniform=False)",
    "contrib.layers.variance_scaling_initializer": "use tf.keras.initializers.VarianceScaling",
    "contrib.layers.l2_regularizer": "use tf.keras.regularizers.L2 (its factor is half of TF1's scale: l2 = scale / 2)",
    "contrib.layers.l1_regularizer": "use tf.keras.regularizers.L1",
    "contrib.layers.flatten": "use tf.keras.layers.Flatten",
    "contrib.layers.fully_connected": "use tf.keras.layers.Dense",
    "contrib.rnn": "use tf.keras.layers.RNN with LSTMCell/GRUCell (or tensorflow_addons.rnn)",
    "contrib.cudnn_rnn": "use tf.keras.layers.LSTM/GRU, which use the CuDNN kernel when they can",
    "contrib.seq2seq": "use tensorflow_addons.seq2seq",
    "contrib.distributions": "use tensorflow_probability.distributions",
    "contrib.bayesflow": "use tensorflow_probability",
    "contrib.framework": "use tf.nest, tf.sort, tf.is_tensor, tf.train.load_variable (or tf_slim)",
    "contrib.data": "use tf.data and tf.data.experimental",
    "contrib.distribute": "use tf.distribute",
    "contrib.opt": "use tf.keras.optimizers (or tensorflow_addons.optimizers)",
    "contrib.metrics": "use tf.keras.metrics",
    "contrib.losses": "use tf.keras.losses",
    "contrib.summary": "use tf.summary",
    "contrib.tpu": "use tf.distribute.TPUStrategy",
    "contrib.eager": "drop it: eager execution is TF2's default",
    "contrib.image": "use tf.image (or tensorflow_addons.image)",
    "contrib.crf": "use tensorflow_addons.text.crf",
    "contrib.lite": "use tf.lite",
    "contrib.training": "use tf.data and a custom training loop",
    "contrib.learn": "use Keras (tf.keras.Model.fit)",
    "contrib.checkpoint": "use tf.train.Checkpoint",
    "contrib.quantize": "use the TensorFlow Model Optimization toolkit (tensorflow_model_optimization)",
    "estimator": "use Keras (Model.fit) or a custom training loop with tf.function",
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
    "get_seed": "TF2 library code's only public way to derive op seeds from the global seed",
    "random.get_seed": "TF2 library code's only public way to derive op seeds from the global seed",
}

# TF1-only symbols that still make sense in TF2 graph code: not reported in traced code or
# under `if not tf.executing_eagerly():` (inside a tf.function the default graph is its FuncGraph).
TF2_GRAPH_SAFE: dict[str, str] = {
    "get_default_graph": "in traced code it returns the tf.function's graph",
    # Observed with TF 2.21: inside a tf.function it returns its default with the given,
    # looser static shape ([None, None]): TF2 code uses it to hide static shapes.
    "placeholder_with_default": "in traced code it hides the static shape of its default",
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
    return "follow the TensorFlow 2 migration guide"
