"""What TensorFlow and Keras calls return, by API family: the table behind :mod:`tflint.analysis.tensors`.

Names are canonical (see :func:`tflint.analysis.names.api_name`). A call is a symbolic tensor in
graph code only when this table says so: a family (``tf.math.*``, ``tf.nn.*`` ...) whose
functions return one tensor, minus the members that return a tuple, a list, a ragged or
sparse tensor, or a Python object; or a top-level function listed by name. Everything
else is unknown. ``tests/runtime/test_tensor_api.py`` checks the table against an installed
TensorFlow (every name exists; no tuple-returning family member is missing from the
exceptions).
"""

from __future__ import annotations

# The releases the table was read from. Python 3.10 gets an older Keras 3 (newer ones need 3.11):
# there the table may list functions that Keras lacks, never the other way round.
TENSORFLOW_VERSION = "2.21.0"
KERAS_VERSION = "3.15.1"

# Families of functions that return one tensor: every public function of these TF 2.21 / Keras 3
# namespaces, minus the members listed below as tuples, lists, ragged results or Python values.
# Regenerate with ``tests/runtime/test_tensor_api.py`` (it prints the difference against the installed TF).
_FAMILY_FUNCTIONS = {
    "tensorflow.math.": """
        abs accumulate_n acos acosh add add_n angle argmax argmin asin asinh atan atan2 atanh
        bessel_i0 bessel_i0e bessel_i1 bessel_i1e betainc bincount ceil confusion_matrix conj cos
        cosh count_nonzero cumprod cumsum cumulative_logsumexp digamma divide divide_no_nan equal
        erf erfc erfcinv erfinv exp expm1 floor floordiv floormod greater greater_equal igamma
        igammac imag in_top_k invert_permutation is_finite is_inf is_nan is_non_decreasing
        is_strictly_increasing l2_normalize lbeta less less_equal lgamma log log1p log_sigmoid
        log_softmax logical_and logical_not logical_or logical_xor maximum minimum mod multiply
        multiply_no_nan ndtri negative nextafter not_equal polygamma polyval pow real reciprocal
        reciprocal_no_nan reduce_all reduce_any reduce_euclidean_norm reduce_logsumexp reduce_max
        reduce_mean reduce_min reduce_prod reduce_std reduce_sum reduce_variance rint round rsqrt
        scalar_mul segment_max segment_mean segment_min segment_prod segment_sum sigmoid sign sin
        sinh sobol_sample softmax softplus softsign sqrt square squared_difference subtract tan tanh
        truediv unsorted_segment_max unsorted_segment_mean unsorted_segment_min
        unsorted_segment_prod unsorted_segment_sqrt_n unsorted_segment_sum xdivy xlog1py xlogy
        zero_fraction zeta
    """,
    "tensorflow.math.special.": """
        bessel_i0 bessel_i0e bessel_i1 bessel_i1e bessel_j0 bessel_j1 bessel_k0 bessel_k0e bessel_k1
        bessel_k1e bessel_y0 bessel_y1 dawsn expint fresnel_cos fresnel_sin spence
    """,
    "tensorflow.linalg.": """
        adjoint band_part banded_triangular_solve cholesky cholesky_solve cross det diag diag_part
        eigvals eigvalsh einsum expm eye global_norm inv l2_normalize logdet logm lstsq
        lu_matrix_inverse lu_reconstruct lu_solve matmul matrix_rank matrix_transpose matvec norm
        pinv set_diag solve sqrtm tensor_diag tensor_diag_part tensordot trace triangular_solve
        tridiagonal_matmul tridiagonal_solve
    """,
    "tensorflow.nn.": """
        atrous_conv2d atrous_conv2d_transpose avg_pool avg_pool1d avg_pool2d avg_pool3d
        batch_norm_with_global_normalization batch_normalization bias_add compute_average_loss
        conv1d conv1d_transpose conv2d conv2d_transpose conv3d conv3d_transpose conv_transpose
        convolution crelu ctc_loss depth_to_space depthwise_conv2d depthwise_conv2d_backprop_filter
        depthwise_conv2d_backprop_input dilation2d dropout elu embedding_lookup
        embedding_lookup_sparse erosion2d gelu in_top_k l2_loss l2_normalize leaky_relu
        local_response_normalization log_poisson_loss log_softmax lrn max_pool max_pool1d max_pool2d
        max_pool3d nce_loss pool relu relu6 safe_embedding_lookup_sparse sampled_softmax_loss
        scale_regularization_loss selu separable_conv2d sigmoid sigmoid_cross_entropy_with_logits
        silu softmax softmax_cross_entropy_with_logits softplus softsign space_to_batch
        space_to_depth sparse_softmax_cross_entropy_with_logits swish tanh
        weighted_cross_entropy_with_logits with_space_to_batch zero_fraction
    """,
    "tensorflow.image.": """
        adjust_brightness adjust_contrast adjust_gamma adjust_hue adjust_jpeg_quality
        adjust_saturation central_crop convert_image_dtype crop_and_resize crop_to_bounding_box
        decode_and_crop_jpeg decode_bmp decode_gif decode_image decode_jpeg decode_jxl decode_png
        decode_webp draw_bounding_boxes encode_jpeg encode_png extract_glimpse extract_jpeg_shape
        extract_patches flip_left_right flip_up_down grayscale_to_rgb hsv_to_rgb is_jpeg
        non_max_suppression non_max_suppression_overlaps pad_to_bounding_box
        per_image_standardization psnr random_brightness random_contrast random_crop
        random_flip_left_right random_flip_up_down random_hue random_jpeg_quality random_saturation
        resize resize_with_crop_or_pad resize_with_pad rgb_to_grayscale rgb_to_hsv rgb_to_yiq
        rgb_to_yuv rot90 sobel_edges ssim ssim_multiscale stateless_random_brightness
        stateless_random_contrast stateless_random_crop stateless_random_flip_left_right
        stateless_random_flip_up_down stateless_random_hue stateless_random_jpeg_quality
        stateless_random_saturation total_variation transpose yiq_to_rgb yuv_to_rgb
    """,
    "tensorflow.signal.": """
        dct fft fft2d fft3d fftnd fftshift frame hamming_window hann_window idct ifft ifft2d ifft3d
        ifftnd ifftshift inverse_mdct inverse_stft irfft irfft2d irfft3d irfftnd
        kaiser_bessel_derived_window kaiser_window linear_to_mel_weight_matrix mdct
        mfccs_from_log_mel_spectrograms overlap_and_add rfft rfft2d rfft3d rfftnd stft vorbis_window
    """,
    "tensorflow.strings.": """
        as_string format join length lower reduce_join regex_full_match regex_replace strip substr
        to_hash_bucket to_hash_bucket_fast to_hash_bucket_strong to_number unicode_encode
        unicode_script unicode_transcode unsorted_segment_join upper
    """,
    "tensorflow.random.": """
        categorical fold_in gamma normal poisson shuffle split stateless_binomial
        stateless_categorical stateless_gamma stateless_normal
        stateless_parameterized_truncated_normal stateless_poisson stateless_truncated_normal
        stateless_uniform truncated_normal uniform
    """,
    "tensorflow.random.experimental.": """
        index_shuffle stateless_fold_in stateless_shuffle stateless_split
    """,
    "tensorflow.bitwise.": """
        bitwise_and bitwise_or bitwise_xor invert left_shift right_shift
    """,
    "tensorflow.dtypes.": """
        cast complex saturate_cast
    """,
    "tensorflow.audio.": """
        encode_wav
    """,
    "keras.ops.": """
        abs absolute adaptive_average_pool adaptive_max_pool add all allclose amax amin angle any
        append arange arccos arccosh arcsin arcsinh arctan arctan2 arctanh argmax argmin
        argpartition argsort array average average_pool bartlett batch_normalization
        binary_crossentropy bincount bitwise_and bitwise_invert bitwise_left_shift bitwise_not
        bitwise_or bitwise_right_shift bitwise_xor blackman broadcast_to cast
        categorical_crossentropy cbrt cdist ceil celu cholesky cholesky_inverse clip concatenate
        conj conjugate conv conv_transpose convert_to_tensor copy corrcoef correlate cos cosh
        count_nonzero cross ctc_loss cumprod cumsum deg2rad depth_to_space depthwise_conv det diag
        diagflat diagonal diff digitize divide divide_no_nan dot dot_product_attention dstack einsum
        elu empty empty_like equal erf erfc erfinv exp exp2 expand_dims expm1 extract_sequences eye
        fabs flip fliplr flipud floor floor_divide fmax fmin fmod fold full full_like gcd gelu
        geomspace get_item glu greater greater_equal hamming hanning hard_shrink hard_sigmoid
        hard_silu hard_swish hard_tanh heaviside hstack hypot i0 identity imag in_top_k inner inv
        irfft isclose isfinite isin isinf isnan isneginf isposinf isreal istft kaiser kron
        layer_normalization lcm ldexp leaky_relu left_shift less less_equal linspace log log10 log1p
        log2 log_sigmoid log_softmax logaddexp logaddexp2 logdet logical_and logical_not logical_or
        logical_xor logspace logsumexp lstsq matmul matrix_rank max max_pool maximum mean median min
        minimum mod moveaxis multi_hot multiply nan_to_num nanargmax nanargmin nancumprod nancumsum
        nanmax nanmean nanmedian nanmin nanpercentile nanprod nanquantile nanstd nansum nanvar
        negative nextafter norm normalize not_equal one_hot ones ones_like outer pad percentile pinv
        polar power prod psnr ptp quantile rad2deg ravel real rearrange reciprocal relu relu6 repeat
        reshape right_shift rms_normalization roll rot90 round rsqrt saturate_cast scatter
        scatter_update searchsorted segment_max segment_min segment_prod segment_sum select selu
        separable_conv sigmoid sign signbit silu sin sinc sinh size slice slice_update soft_shrink
        softmax softplus softsign solve solve_triangular sort space_to_depth
        sparse_categorical_crossentropy sparse_plus sparse_sigmoid sparsemax sqrt square squareplus
        squeeze stack std stop_gradient subtract sum swapaxes swish take take_along_axis tan tanh
        tanh_shrink tensordot threshold tile trace transpose trapezoid tri tril triu true_divide
        trunc unfold vander var vdot vectorize view view_as_complex view_as_real vstack where zeros
        zeros_like
    """,
    "keras.activations.": """
        celu elu exponential gelu glu hard_shrink hard_sigmoid hard_silu hard_swish hard_tanh
        leaky_relu linear log_sigmoid log_softmax mish relu relu6 selu sigmoid silu soft_shrink
        softmax softplus softsign sparse_plus sparse_sigmoid sparsemax squareplus swish tanh
        tanh_shrink threshold
    """,
}
FAMILY_TENSORS = frozenset(prefix + name for prefix, names in _FAMILY_FUNCTIONS.items() for name in names.split())
FAMILIES = tuple(_FAMILY_FUNCTIONS)

# Family members that return several tensors (a tuple or namedtuple).
TUPLE_RESULTS = frozenset(
    {
        "tensorflow.math.approx_max_k",
        "tensorflow.math.approx_min_k",
        "tensorflow.math.top_k",
        "tensorflow.linalg.eig",
        "tensorflow.linalg.eigh",
        "tensorflow.linalg.lu",
        "tensorflow.linalg.normalize",
        "tensorflow.linalg.qr",
        "tensorflow.linalg.slogdet",
        "tensorflow.linalg.svd",
        "tensorflow.linalg.experimental.conjugate_gradient",
        "tensorflow.nn.all_candidate_sampler",
        "tensorflow.nn.approx_max_k",
        "tensorflow.nn.approx_min_k",
        "tensorflow.nn.collapse_repeated",
        "tensorflow.nn.compute_accidental_hits",
        "tensorflow.nn.ctc_beam_search_decoder",
        "tensorflow.nn.ctc_greedy_decoder",
        "tensorflow.nn.ctc_unique_labels",
        "tensorflow.nn.fixed_unigram_candidate_sampler",
        "tensorflow.nn.fractional_avg_pool",
        "tensorflow.nn.fractional_max_pool",
        "tensorflow.nn.isotonic_regression",
        "tensorflow.nn.learned_unigram_candidate_sampler",
        "tensorflow.nn.max_pool_with_argmax",
        "tensorflow.nn.moments",
        "tensorflow.nn.normalize_moments",
        "tensorflow.nn.sufficient_statistics",
        "tensorflow.nn.top_k",
        "tensorflow.nn.weighted_moments",
        "tensorflow.image.combined_non_max_suppression",
        "tensorflow.image.generate_bounding_box_proposals",
        "tensorflow.image.image_gradients",
        "tensorflow.image.non_max_suppression_padded",
        "tensorflow.image.non_max_suppression_with_scores",
        "tensorflow.image.sample_distorted_bounding_box",
        "tensorflow.image.stateless_sample_distorted_bounding_box",
        "tensorflow.strings.unicode_decode_with_offsets",
        "tensorflow.strings.unicode_split_with_offsets",
        "tensorflow.random.all_candidate_sampler",
        "tensorflow.random.fixed_unigram_candidate_sampler",
        "tensorflow.random.learned_unigram_candidate_sampler",
        "tensorflow.random.log_uniform_candidate_sampler",
        "tensorflow.random.uniform_candidate_sampler",
        "tensorflow.audio.decode_wav",
        "tensorflow.unique",
        "tensorflow.unique_with_counts",
        "tensorflow.approx_top_k",
        "tensorflow.eig",
        "tensorflow.required_space_to_batch_paddings",
        "tensorflow.clip_by_global_norm",
        "tensorflow.io.decode_proto",
        "keras.ops.top_k",
        "keras.ops.eig",
        "keras.ops.eigh",
        "keras.ops.lu_factor",
        "keras.ops.qr",
        "keras.ops.svd",
        "keras.ops.slogdet",
        "keras.ops.nonzero",
        "keras.ops.moments",
        "keras.ops.ctc_decode",
        "keras.ops.fft",
        "keras.ops.fft2",
        "keras.ops.ifft2",
        "keras.ops.rfft",
        "keras.ops.stft",
        "keras.ops.histogram",
        "keras.ops.unravel_index",
    }
)

# Tuples whose items are not all tensors: the kind of each item ("tensor", "tensor_list", None).
TUPLE_ITEMS = {
    "tensorflow.clip_by_global_norm": ("tensor_list", "tensor"),
    "tensorflow.nn.ctc_beam_search_decoder": (None, "tensor"),
    "tensorflow.nn.ctc_greedy_decoder": (None, "tensor"),
    "tensorflow.io.decode_proto": ("tensor", None),
}

# Calls that return a Python list of tensors (one per slice, split, input ...).
LIST_RESULTS = frozenset(
    {
        "tensorflow.unstack",
        "tensorflow.split",
        "tensorflow.meshgrid",
        "tensorflow.dynamic_partition",
        "tensorflow.shape_n",
        "tensorflow.identity_n",
        "tensorflow.gradients",
        "tensorflow.hessians",
        "tensorflow.io.decode_csv",
        "keras.ops.unstack",
        "keras.ops.split",
        "keras.ops.meshgrid",
        "keras.ops.array_split",
        "keras.ops.dsplit",
        "keras.ops.hsplit",
        "keras.ops.vsplit",
    }
)
# Lists made by cutting one tensor into its slices: a loop over them is unrolled per slice.
SLICING_LISTS = frozenset({"tensorflow.unstack", "tensorflow.split", "keras.ops.unstack", "keras.ops.split"})

# Family members that do not return one dense tensor (ragged or sparse results, Python
# objects, callables, structures of the caller's choosing).
NOT_TENSOR = frozenset(
    {
        "tensorflow.strings.bytes_split",
        "tensorflow.strings.ngrams",
        "tensorflow.strings.split",
        "tensorflow.strings.unicode_decode",
        "tensorflow.strings.unicode_split",
        "tensorflow.random.create_rng_state",
        "tensorflow.random.experimental.create_rng_state",
        "tensorflow.random.get_global_generator",
        "tensorflow.random.experimental.get_global_generator",
        "tensorflow.random.set_global_generator",
        "tensorflow.random.experimental.set_global_generator",
        "tensorflow.random.set_seed",
        "tensorflow.signal.inverse_stft_window_fn",
        "tensorflow.dtypes.as_dtype",
        "tensorflow.linalg.eigh_tridiagonal",
        "keras.ops.unique",
        "keras.ops.cond",
        "keras.ops.switch",
        "keras.ops.fori_loop",
        "keras.ops.while_loop",
        "keras.ops.scan",
        "keras.ops.associative_scan",
        "keras.ops.map",
        "keras.ops.vectorized_map",
        "keras.ops.custom_gradient",
        "keras.ops.jvp",
        "keras.ops.shape",
        "keras.ops.is_tensor",
        "keras.ops.convert_to_numpy",
        "keras.ops.dtype",
        "keras.ops.ndim",
        "keras.activations.get",
        "keras.activations.serialize",
        "keras.activations.deserialize",
    }
)

# Top-level and other functions that return one tensor.
TENSOR_RESULTS = frozenset(
    "tensorflow." + name
    for name in (
        "abs acos acosh add add_n argmax argmin argsort as_string asin asinh atan atan2 atanh "
        "batch_to_space bitcast boolean_mask broadcast_dynamic_shape broadcast_to cast clip_by_norm "
        "clip_by_value complex concat constant convert_to_tensor cos cosh cumsum divide dynamic_stitch "
        "edit_distance eigvals einsum ensure_shape equal exp expand_dims extract_volume_patches eye fill "
        "fingerprint floor gather gather_nd greater greater_equal guarantee_const histogram_fixed_width "
        "histogram_fixed_width_bins identity less less_equal linspace logical_and logical_not logical_or "
        "matmul maximum minimum multiply negative norm not_equal one_hot ones ones_like pad parallel_stack "
        "pow random_index_shuffle range rank realdiv repeat reshape reverse reverse_sequence roll round "
        "saturate_cast scalar_mul scatter_nd searchsorted sequence_mask shape sigmoid sign sin sinh size "
        "slice sort space_to_batch space_to_batch_nd sqrt square squeeze stack stop_gradient "
        "strided_slice subtract tan tanh tensor_scatter_nd_add tensor_scatter_nd_max tensor_scatter_nd_min "
        "tensor_scatter_nd_sub tensor_scatter_nd_update tensordot tile timestamp transpose truediv "
        "truncatediv truncatemod unravel_index where zeros zeros_like reduce_all reduce_any "
        "reduce_logsumexp reduce_max reduce_mean reduce_min reduce_prod reduce_sum "
        "io.decode_and_crop_jpeg io.decode_base64 io.decode_bmp io.decode_compressed io.decode_gif "
        "io.decode_image io.decode_jpeg io.decode_json_example io.decode_png io.decode_raw io.decode_webp "
        "io.encode_base64 io.encode_jpeg io.encode_png io.extract_jpeg_shape io.is_jpeg io.matching_files "
        "io.parse_tensor io.read_file io.serialize_tensor io.serialize_sparse io.serialize_many_sparse "
        "sparse.to_dense sparse.reduce_sum sparse.reduce_max sparse.sparse_dense_matmul "
        "debugging.check_numerics sets.size "
        # TF1 names still seen in TF2 code through tf.compat.v1
        "to_float to_int32 to_int64 to_double div floordiv log mod count_nonzero placeholder "
        "placeholder_with_default random_uniform random_normal truncated_normal squared_difference"
    ).split()
) | frozenset(
    "keras.backend." + name
    for name in (
        "shape cast concatenate reshape sum mean max min abs sqrt square exp log dot batch_dot "
        "transpose expand_dims squeeze stack gather zeros_like ones_like clip equal not_equal greater "
        "less maximum minimum relu sigmoid softmax tanh one_hot argmax argmin cumsum"
    ).split()
)

# Calls whose result is a Python value while TensorFlow traces: (name, what).
PYTHON_RESULTS = {
    "tensorflow.executing_eagerly": "bool",
    "tensorflow.inside_function": "bool",
    "tensorflow.is_tensor": "bool",
    "tensorflow.is_symbolic_tensor": "bool",
    "tensorflow.debugging.is_numeric_tensor": "bool",
    "tensorflow.nest.is_nested": "bool",
    "tensorflow.distribute.has_strategy": "bool",
    "tensorflow.distribute.in_cross_replica_context": "bool",
    "tensorflow.config.functions_run_eagerly": "bool",
    "tensorflow.compat.forward_compatible": "bool",
    "keras.backend.is_keras_tensor": "bool",
    "keras.ops.is_tensor": "bool",
    "tensorflow.TensorShape": "shape",
    "tensorflow.broadcast_static_shape": "shape",
    "tensorflow.compat.dimension_value": "dim",
    "tensorflow.compat.dimension_at_index": "dim",
    "keras.backend.int_shape": "tuple",
    "keras.backend.ndim": "int",
    "keras.backend.floatx": "str",
    "keras.backend.epsilon": "float",
    "keras.backend.image_data_format": "str",
    "tensorflow.as_dtype": "dtype",
    "tensorflow.dtypes.as_dtype": "dtype",
    "tensorflow.TensorSpec": "spec",
    "tensorflow.RaggedTensorSpec": "spec",
    "tensorflow.SparseTensorSpec": "spec",
    "tensorflow.type_spec_from_value": "spec",
    "tensorflow.get_static_value": "object",
    "tensorflow.make_ndarray": "object",
    "tensorflow.get_logger": "object",
    "tensorflow.name_scope": "object",
    "tensorflow.device": "object",
    "tensorflow.control_dependencies": "object",
    "tensorflow.init_scope": "object",
    "tensorflow.GradientTape": "tape",
    "tensorflow.autodiff.ForwardAccumulator": "object",
    "tensorflow.TensorArray": "tensor_array",
    "tensorflow.random.Generator": "generator",
    "tensorflow.random.Generator.from_seed": "generator",
    "tensorflow.random.Generator.from_non_deterministic_state": "generator",
    "tensorflow.random.get_global_generator": "generator",
    "tensorflow.nest.flatten": "list",
    "tensorflow.config.list_physical_devices": "list",
    "tensorflow.config.list_logical_devices": "list",
    "tensorflow.distribute.get_strategy": "object",
    "tensorflow.distribute.get_replica_context": "object",
    "tensorflow.compat.as_bytes": "bytes",
    "tensorflow.compat.as_str": "str",
    "tensorflow.compat.as_text": "str",
    "tensorflow.compat.as_str_any": "str",
}
# Calls that create a tf.Variable (a tensor-like value: comparisons and arithmetic give tensors).
VARIABLE_RESULTS = frozenset({"tensorflow.Variable"})
# Calls whose result is a tf.data.Dataset: iterating one in graph code is a tensor loop.
DATASET_PREFIX = "tensorflow.data."
DATASET_NON_DATASETS = frozenset(
    {"tensorflow.data.Options", "tensorflow.data.AUTOTUNE", "tensorflow.data.experimental.AUTOTUNE"}
)

# Attributes of a tensor that are Python values while tracing: (attribute, what).
TENSOR_PYTHON_ATTRIBUTES = {
    "shape": "shape",
    "dtype": "dtype",
    "name": "str",
    "device": "str",
    "op": "object",
    "graph": "object",
    "ndim": "int",
    "trainable": "bool",
}
# Methods of a tensor (or variable) and what they return.
TENSOR_METHODS = {
    "get_shape": "shape",
    "numpy": "ndarray",
    "set_shape": "none",
    "assign": "tensor",
    "assign_add": "tensor",
    "assign_sub": "tensor",
    "read_value": "tensor",
    "value": "tensor",
    "sparse_read": "tensor",
    "gather_nd": "tensor",
    "__array__": "ndarray",
}
# Methods of a TensorShape and what they return.
SHAPE_METHODS = {
    "as_list": "dims",
    "num_elements": "dim",
    "is_fully_defined": "bool",
    "is_compatible_with": "bool",
    "merge_with": "shape",
    "concatenate": "shape",
    "with_rank": "shape",
    "with_rank_at_least": "shape",
    "with_rank_at_most": "shape",
    "most_specific_compatible_shape": "shape",
}
SHAPE_ATTRIBUTES = {"rank": "dim", "ndims": "dim", "dims": "dims"}
# Methods of a tf.TensorArray that read tensors out of it.
TENSOR_ARRAY_READS = frozenset({"read", "stack", "concat", "gather", "size"})
TENSOR_ARRAY_WRITES = frozenset({"write", "scatter", "unstack", "split"})
# Methods of a tf.random.Generator that draw tensors.
GENERATOR_DRAWS = frozenset(
    {"normal", "uniform", "truncated_normal", "uniform_full_int", "binomial", "make_seeds", "categorical"}
)
# Methods of a tf.data.Dataset that return another dataset, and that return a tensor.
DATASET_METHODS = frozenset(
    {
        "map",
        "filter",
        "batch",
        "padded_batch",
        "unbatch",
        "shuffle",
        "repeat",
        "take",
        "skip",
        "prefetch",
        "cache",
        "zip",
        "concatenate",
        "flat_map",
        "interleave",
        "shard",
        "window",
        "apply",
        "with_options",
        "enumerate",
        "rebatch",
        "ragged_batch",
        "bucket_by_sequence_length",
        "take_while",
        "unique",
        "scan",
        "group_by_window",
        "rejection_resample",
        "snapshot",
        "from_tensor_slices",
        "from_tensors",
        "range",
    }
)
DATASET_TENSOR_METHODS = frozenset({"cardinality"})

# Keras layers whose call returns several tensors when asked to (keyword -> what asks).
KERAS_STRUCTURED_OUTPUT_KEYWORDS = frozenset({"return_state", "return_attention_scores"})
# Keras layers whose call always returns a structure: RNN cells return (output, new_states).
KERAS_STRUCTURED_LAYER_SUFFIXES = ("Cell", "Cells")


def always_structured_layer(api: str) -> bool:
    """True for Keras layers whose output is always a structure (``LSTMCell``, ``StackedRNNCells``)."""
    return api.rsplit(".", 1)[-1].endswith(KERAS_STRUCTURED_LAYER_SUFFIXES)


# Keras models built from layers: a Sequential model returns one tensor; a functional Model
# may return any structure.
KERAS_SINGLE_OUTPUT_MODELS = frozenset({"keras.Sequential", "keras.models.Sequential"})

# Python/NumPy constants that show up in graph code.
PYTHON_CONSTANTS = {
    "numpy.pi": "float",
    "numpy.e": "float",
    "numpy.inf": "float",
    "numpy.nan": "float",
    "numpy.newaxis": "none",
    "math.pi": "float",
    "math.e": "float",
    "math.inf": "float",
    "math.nan": "float",
    "sys.maxsize": "int",
    "tensorflow.newaxis": "none",
}
# NumPy functions that work on a symbolic tensor: they only read its static shape.
NUMPY_SHAPE_FUNCTIONS = frozenset({"numpy.shape", "numpy.ndim", "numpy.isscalar", "numpy.iterable"})


def call_result(api: str) -> str | None:
    """What a call of the canonical ``api`` returns: 'tensor', 'tensor_list', 'tensor_tuple',
    'variable', 'dataset', a Python kind ('bool', 'shape', 'spec', ...) or None when unknown."""
    if api in PYTHON_RESULTS:
        return PYTHON_RESULTS[api]
    if api in VARIABLE_RESULTS:
        return "variable"
    if api in LIST_RESULTS:
        return "tensor_list"
    if api in TUPLE_RESULTS:
        return "tensor_tuple"
    if api in TENSOR_RESULTS or api in FAMILY_TENSORS:
        return "tensor"
    if api.startswith(DATASET_PREFIX):
        return None if api in DATASET_NON_DATASETS or "experimental" in api else "dataset"
    return None


def keras_constructor(api: str) -> str | None:
    """'layer' or 'model' when ``api`` names a Keras class whose instances return tensors when called."""
    if not api.startswith("keras."):
        return None
    last = api.rsplit(".", 1)[-1]
    if not last[:1].isupper():
        return None
    if api in KERAS_SINGLE_OUTPUT_MODELS:
        return "model"
    if api.startswith("keras.applications."):
        return "model"
    if last in ("Input", "InputSpec"):
        return None  # a symbolic KerasTensor / a spec, not a callable layer
    for family in ("keras.layers.", "keras.losses.", "keras.metrics."):
        if api.startswith(family) and "." not in api[len(family) :]:
            return "layer"
    return None
