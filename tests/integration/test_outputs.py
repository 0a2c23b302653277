"""pylint's own output formats carry tflint's messages unchanged: text, parseable, json2, github.

One real ``pylint --load-plugins tflint`` run writes all four formats (pylint's
``--output-format=a:file,b`` form, each format produced by its own reporter), so the
checks below cost one subprocess instead of four. ``github`` goes to stdout, where
GitHub Actions reads workflow commands.
"""

from __future__ import annotations

import json
import re
import subprocess
import textwrap

import pytest
from conftest import PYTHON

PITFALL = textwrap.dedent(
    '''\
    """A training step that prints while TensorFlow traces it."""
    import tensorflow as tf


    @tf.function
    def step(x):
        """Double x."""
        print("tracing", x)
        return x * 2
    '''
)
PRINT_LINE = 8
PRINT_COLUMN = 4  # pylint's columns are 0-based
PRINT_END_COLUMN = PRINT_COLUMN + len('print("tracing", x)')
PATH = "pkg/train.py"


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    """Lint the pitfall once, writing every format; returns ``{format: text}`` and the exit code."""
    root = tmp_path_factory.mktemp("outputs")
    (root / "pkg").mkdir()
    (root / PATH).write_text(PITFALL, encoding="utf-8")
    files = {name: root / f"out.{name}" for name in ("text", "parseable", "json2")}
    formats = ",".join(f"{name}:{path}" for name, path in files.items()) + ",github"
    result = subprocess.run(
        [PYTHON, "-m", "pylint", "--load-plugins=tflint", "--persistent=no", f"--output-format={formats}", PATH],
        capture_output=True,
        text=True,
        check=False,
        cwd=root,
    )
    assert result.stderr == ""
    found = {name: path.read_text(encoding="utf-8") for name, path in files.items()}
    found["github"] = result.stdout
    return found, result.returncode


@pytest.fixture(scope="module")
def tflint_message(outputs):
    """tflint's message as json2 reports it; the other formats must show the same text."""
    found, _ = outputs
    messages = json.loads(found["json2"])["messages"]
    ours = [m for m in messages if m["symbol"] == "tf-print-in-graph"]
    assert len(ours) == 1, messages
    return ours[0]


def test_json2_is_valid_json_with_tflint_message_fields(outputs, tflint_message):
    found, _ = outputs
    report = json.loads(found["json2"])  # nothing else (no stray print) may be on this stream
    assert tflint_message["messageId"] == "W7301"
    assert tflint_message["type"] == "warning"
    assert tflint_message["path"] == PATH
    assert tflint_message["obj"] == "step"
    assert (tflint_message["line"], tflint_message["column"]) == (PRINT_LINE, PRINT_COLUMN)
    assert (tflint_message["endLine"], tflint_message["endColumn"]) == (PRINT_LINE, PRINT_END_COLUMN)
    assert tflint_message["confidence"] in {"HIGH", "INFERENCE"}
    assert tflint_message["message"].startswith("print() in `step` runs only while TensorFlow traces it")
    assert report["statistics"]["messageTypeCount"]["warning"] >= 1


def test_text_line_has_path_line_column_id_message_and_symbol(outputs, tflint_message):
    found, _ = outputs
    expected = f"{PATH}:{PRINT_LINE}:{PRINT_COLUMN}: W7301: {tflint_message['message']} (tf-print-in-graph)"
    assert expected in found["text"].splitlines()


def test_parseable_line_has_path_line_id_symbol_and_object(outputs, tflint_message):
    found, _ = outputs
    expected = f"{PATH}:{PRINT_LINE}: [W7301(tf-print-in-graph), step] {tflint_message['message']}"
    assert expected in found["parseable"].splitlines()


def test_github_annotation_is_a_warning_workflow_command_for_the_line(outputs, tflint_message):
    found, _ = outputs
    commands = [line for line in found["github"].splitlines() if line.startswith("::")]
    ours = [line for line in commands if "title=W7301::" in line]
    assert len(ours) == 1, commands
    match = re.fullmatch(
        r"::(?P<level>\w+) file=(?P<file>[^,]+),line=(?P<line>\d+),endline=(?P<endline>\d+),"
        r"col=(?P<col>\d+),title=(?P<title>\w+)::(?P<message>.*)",
        ours[0],
    )
    assert match, ours[0]
    assert match["level"] == "warning"
    assert match["file"] == PATH
    assert (int(match["line"]), int(match["endline"])) == (PRINT_LINE, PRINT_LINE)
    assert int(match["col"]) == PRINT_COLUMN
    assert match["message"] == tflint_message["message"]
    # Workflow commands end at a newline: a message spanning lines would lose its tail.
    assert "\n" not in tflint_message["message"]


def test_exit_code_has_pylints_warning_bit(outputs):
    _, returncode = outputs
    assert returncode & 4  # pylint ORs 4 into the status when a warning was emitted
