"""The committed TF1 table (tflint/facts/data/) is what ``python -m tools.tf1_table`` generates from
the installed TensorFlow."""

from __future__ import annotations

import json
import os
import subprocess

import pytest
from conftest import PYTHON, REPO

from tflint.analysis import tf1


@pytest.mark.usefixtures("tensorflow_installed")  # fails, not skips, without TensorFlow
def test_committed_table_is_what_the_installed_tensorflow_generates(tmp_path):
    """Regenerate with ``python -m tools.tf1_table`` when this fails for the same TF release."""
    output = tmp_path / "tf1_api.json"
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", CUDA_VISIBLE_DEVICES="")
    subprocess.run([PYTHON, "-m", "tools.tf1_table", str(output)], check=True, capture_output=True, env=env, cwd=REPO)
    generated = json.loads(output.read_text(encoding="utf-8"))
    if generated["tensorflow_version"] != tf1.tensorflow_version():
        pytest.skip(f"installed TensorFlow {generated['tensorflow_version']} is not the table's")
    assert output.read_text(encoding="utf-8") == tf1.TABLE_PATH.read_text(encoding="utf-8")
