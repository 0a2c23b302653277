"""What tflint knows about TensorFlow, Keras and Python APIs, as tables (never by importing them).

:mod:`tfapi` and :mod:`pyapi` name the calls with special meaning (tf.function, side effects,
clocks); :mod:`tensor_api` says what TF and Keras calls return; :mod:`tf1_replacements` gives
TF1 names their TF2 spelling; ``data/tf1_api.json`` is the TF1-only API read from a real
TensorFlow by ``tools/tf1_table.py``.
"""

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
