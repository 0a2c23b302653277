"""Bad and odd input: tflint never crashes, never reports itself, never stops pylint."""

from __future__ import annotations

import pytest
from conftest import lint_paths

TF_HEADER = "import tensorflow as tf\n"


def _symbols(tmp_path, name: str, data: bytes) -> list[str]:
    path = tmp_path / name
    path.write_bytes(data)
    # the opt-in checkers too: --enable=tflint no longer runs them, and they must survive odd input as well
    return [m.symbol for m in lint_paths(path, extra=("--enable=tflint-opt-in",))]


@pytest.mark.parametrize(
    ("name", "data"),
    [
        pytest.param("empty.py", b"", id="empty-file"),
        pytest.param("syntax.py", TF_HEADER.encode() + b"@tf.function\ndef f(:\n", id="syntax-error"),
        pytest.param("latin.py", TF_HEADER.encode() + b"s = '\xe9\xff'\n", id="non-utf8"),
        pytest.param("nul.py", TF_HEADER.encode() + b"x = 1\x00\n", id="nul-byte"),
        pytest.param(
            "nested.py",
            (TF_HEADER + "@tf.function\ndef f(x):\n    return " + "(" * 80 + "x" + ")" * 80 + "\n").encode(),
            id="deeply-nested-expression",
        ),
        pytest.param(
            "long_chain.py",
            (TF_HEADER + "@tf.function\ndef f(x):\n    return x" + " + x" * 300 + "\n").encode(),
            id="very-long-binop-chain",
        ),
        pytest.param("star.py", b"from tensorflow import *\n@function\ndef f(x):\n    print(x)\n", id="star-import"),
        pytest.param(
            "confusing.py",
            b"import tensorflow as np\nimport numpy as tf\n@tf.function\ndef f(x):\n    print(x)\n",
            id="confusing-aliases",
        ),
        pytest.param(
            "dynamic.py",
            (
                TF_HEADER + "deco = getattr(tf, 'func' + 'tion')\n@deco\ndef f(x):\n    print(x)\n"
                "@(lambda f: f)\ndef g(x):\n    print(x)\n"
            ).encode(),
            id="decorators-computed-at-run-time",
        ),
        pytest.param(
            "recursive.py",
            (
                TF_HEADER + "@tf.function\ndef f(x):\n    return g(x)\ndef g(x):\n    return f(x)\n"
                "a = a\nb = c\nc = b\n"
            ).encode(),
            id="recursion-and-self-binding",
        ),
        pytest.param(
            "odd.py",
            (
                TF_HEADER + "@tf.function\ndef f(*args, **kwargs):\n    global undefined\n    undefined = 1\n"
                "    [*a], b = args, 1\n    del (a)\n    (yield)\n    return lambda: (yield)\n"
            ).encode(),
            id="odd-but-valid-code",
        ),
    ],
)
def test_no_internal_error_or_crash(tmp_path, name, data):
    symbols = _symbols(tmp_path, name, data)
    assert "tf-internal-error" not in symbols
    assert "astroid-error" not in symbols


def test_star_import_still_finds_the_pitfall(tmp_path):
    data = b"import time\nfrom tensorflow import *\n@function\ndef f(x):\n    return time.time()\n"
    assert _symbols(tmp_path, "star.py", data) == ["tf-trace-time-value"]


def test_star_import_makes_print_tf_print(tmp_path):
    """``from tensorflow import *`` rebinds ``print`` to ``tf.print``: nothing to report."""
    data = b"from tensorflow import *\n@function\ndef f(x):\n    print(x)\n"
    assert _symbols(tmp_path, "star_print.py", data) == []


def test_confusing_aliases_follow_the_import_not_the_name(tmp_path):
    data = (
        b"import tensorflow as np\nimport numpy as tf\n"
        b"@np.function\ndef f(x):\n    print(x)\n"
        b"@tf.function\ndef g(x):\n    print(x)\n"
    )
    path = tmp_path / "aliases.py"
    path.write_bytes(data)
    assert [(m.symbol, m.line) for m in lint_paths(path)] == [("tf-print-in-graph", 5)]


def test_thousands_of_functions_in_one_module(tmp_path):
    body = "".join(f"def f{i}(x):\n    return f{i + 1}(x)\n" for i in range(3000))
    source = TF_HEADER + "@tf.function\ndef entry(x):\n    return f0(x)\n" + body + "def f3000(x):\n    print(x)\n"
    symbols = _symbols(tmp_path, "many.py", source.encode())
    assert symbols == ["tf-print-in-graph"]


def test_internal_errors_are_reported_not_raised(tmp_path, monkeypatch):
    """A bug inside tflint becomes one message; pylint's other checkers still run."""
    from tflint.analysis import context

    def explode(node):
        raise RuntimeError("boom")

    monkeypatch.setattr(context, "graph_context", explode)
    path = tmp_path / "case.py"
    path.write_text(TF_HEADER + "@tf.function\ndef f(x):\n    print(x)\n    return unknown_name\n")
    messages = lint_paths(path, extra=("--enable=undefined-variable",))
    symbols = [m.symbol for m in messages]
    assert "tf-internal-error" in symbols
    assert "undefined-variable" in symbols
    error = next(m for m in messages if m.symbol == "tf-internal-error")
    assert "RuntimeError: boom" in error.msg and "PrintInGraphChecker.visit_call" in error.msg


def test_fifty_thousand_line_file(tmp_path):
    chunks = [TF_HEADER, "@tf.function\ndef entry(x):\n    return f0(x)\n"]
    for i in range(10_000):
        chunks.append(f"def f{i}(x):\n    y = x + {i}\n    y = y * 2\n    return f{i + 1}(y)\n\n")
    chunks.append("def f10000(x):\n    print(x)\n    return x\n")
    path = tmp_path / "huge.py"
    path.write_text("".join(chunks), encoding="utf-8")
    assert sum(1 for _ in path.open()) > 50_000
    assert [(m.symbol, m.line) for m in lint_paths(path)] == [("tf-print-in-graph", 50_006)]
