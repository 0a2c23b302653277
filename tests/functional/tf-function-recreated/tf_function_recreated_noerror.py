"""tf-function-recreated: tf.functions created once, or kept, stay silent."""
# pylint: disable=missing-docstring,invalid-name,unused-argument
import tensorflow as tf


def body(x):
    return x + 1


step = tf.function(body)  # module level: created once
x = tf.constant(1.0)
for _ in range(5):
    step(x)


@tf.function
def decorated(y):
    return y


for _ in range(5):
    decorated(x)

step_functions = []
for _ in range(3):
    step_functions.append(tf.function(body))  # a collection, not a rebuild and call

cache = {}
for key in ("a", "b"):
    cache[key] = tf.function(body)  # one per key, stored


def make_step():
    return tf.function(body)  # a factory: the caller keeps the object


def make_closure():
    fn = tf.function(body)

    def run(v):
        return fn(v)

    return run  # the closure keeps the object


def evaluate(batches):
    fn = tf.function(body)  # one per evaluate() call, reused by the loop
    for batch in batches:
        fn(batch)


def main():
    fn = tf.function(body)  # main runs once
    fn(x)


class Model(tf.Module):
    def __init__(self):
        super().__init__()
        self.forward = tf.function(self._forward)  # in __init__: once per object

    def _forward(self, v):
        return v

    def build(self, shape):
        fn = tf.function(self._forward)  # build-like methods run once
        fn(tf.zeros(shape))

    def compiled(self):
        if getattr(self, "_compiled", None) is None:
            self._compiled = tf.function(self._forward)  # cached on self
        return self._compiled


@tf.function
def outer(v):
    inner = tf.function(body)  # built while `outer` is traced: once per outer trace
    return inner(v)


def maybe_compiled(v):
    if tf.executing_eagerly():
        return body(v)
    fn = tf.function(body)  # only reached while an outer function is traced
    return fn(v)


def graph_branch(v):
    if tf.executing_eagerly():
        return body(v)
    else:
        return tf.function(body)(v)  # graph-only branch


def run_once(v):
    fn = tf.function(body)
    return fn(v)


run_once(x)  # its only caller runs once, at module level


class TestModel(tf.test.TestCase):
    def test_forward(self):
        fn = tf.function(body)  # a test runs once
        self.assertAllEqual(fn(x), 2.0)


def post_process(v):
    @tf.function(experimental_implements="custom_nms")  # a composite op for the converter
    def fused(w):
        return w

    return fused(v)


def decode(v):
    fn = tf.function(body)
    return fn(v)


class Decoder(tf.keras.layers.Layer):
    def __call__(self, inputs):
        return decode(inputs)  # a Keras layer: runs inside the model's trace


class Trainer:
    def __init__(self, strategy):
        self.strategy = strategy

    def train_step(self, inputs):
        def step_fn(batch):
            task_step = tf.function(body, jit_compile=True)
            return task_step(batch)

        return self.strategy.run(step_fn, args=(inputs,))  # strategy.run traces or runs it


def compiled(v, xla_available):
    if tf.executing_eagerly() or not xla_available:
        return body(v)
    else:
        @tf.function(jit_compile=True)
        def call_fn(w):
            return body(w)

        return call_fn(v)  # built only while an outer function is traced


class Runnable:
    def __init__(self, strategy, use_xla):
        self.strategy = strategy
        self.use_xla = use_xla

    def train_step(self, iterator):
        def step_fn(inputs):
            return inputs

        if self.use_xla:
            step_fn = tf.function(step_fn, jit_compile=True)
        self.strategy.run(step_fn, args=(next(iterator),))  # Orbit traces train_step


def run_saved_model(path, inputs):
    loaded = tf.saved_model.load(path)
    concrete_func = loaded.signatures["serving_default"]
    fn = tf.function(concrete_func)  # wraps a function loaded on this call: nothing to reuse
    return fn(**inputs)


def compare_models(paths, inputs):
    for path in paths:
        serving = tf.saved_model.load(path).signatures["serving_default"]
        tf.function(serving)(**inputs)  # a different model on every iteration


def fit_with_sampler(num_results, initial_state):
    @tf.function(autograph=False)
    def run_sampler():  # an API entry point: traces what this call was given
        return tf.zeros([num_results]) + initial_state

    return run_sampler()


def initial_shape(prior, sample_shape):
    sample_fn = tf.function(lambda: prior.sample(sample_shape))
    shape = sample_fn.get_concrete_function().output_shapes  # traced to read the static shape
    if shape is None:
        shape = tf.shape(sample_fn())
    return shape


def _jvp(f, x, b):
    @tf.function
    def jvp(tangent):  # closes over this call's `f` and `x`
        return f(x) * tangent

    return jvp(b)


def coordinatewise_jvp(f, x):
    return _jvp(f, x, tf.ones_like(x))  # called once per call, not in a loop
