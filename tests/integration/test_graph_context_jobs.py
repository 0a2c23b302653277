"""Which code runs traced, across modules, in real ``pylint`` processes: one process and
pylint's ``-j 2`` workers agree, and same-named script modules are told apart (the in-process
cases are in tests/unit/test_graph_context.py)."""

from __future__ import annotations

import subprocess
import textwrap


def _write(root, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")


def test_circular_imports_terminate_and_agree_across_jobs(tmp_path):
    _write(
        tmp_path,
        {
            "pkg/__init__.py": "",
            "pkg/a.py": """
                import tensorflow as tf
                from pkg import b

                @tf.function
                def entry(x):
                    return b.middle(x)

                def leaf(x):
                    print("leaf")
                    return x
            """,
            "pkg/b.py": """
                from pkg import a

                def middle(x):
                    print("middle")
                    return a.leaf(x)
            """,
        },
    )
    single, double = (_lint_subprocess(tmp_path, "pkg", jobs) for jobs in ("1", "2"))
    assert single == double
    assert single == [("pkg/a.py", "10", "tf-print-in-graph"), ("pkg/b.py", "5", "tf-print-in-graph")]


def _lint_subprocess(cwd, target: str, jobs: str) -> list[tuple[str, ...]]:
    from conftest import PYTHON

    result = subprocess.run(
        [
            PYTHON,
            "-m",
            "pylint",
            "--load-plugins=tflint",
            "--disable=all",
            "--enable=tflint",
            f"-j{jobs}",
            "--output-format=parseable",
            "--score=no",
            target,
        ],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )
    assert result.stderr == ""
    rows = []
    for line in result.stdout.splitlines():
        if line.count(":") >= 2 and "[" in line:
            path, lineno, rest = line.split(":", 2)
            rows.append((path, lineno, rest.split("(", 1)[1].split(")", 1)[0]))
    return sorted(rows)


def test_script_folders_with_same_module_names_are_told_apart(tmp_path):
    """Two script folders each with a ``utils.py``: astroid caches one module per name, so
    the second folder's copy is a different object from the one its importer resolves to."""
    train = """
        import tensorflow as tf
        from utils import helper

        @tf.function
        def step(x):
            return helper(x)
    """
    _write(
        tmp_path,
        {
            "a/utils.py": """
                def helper(x):
                    return x + 1
            """,
            "a/train.py": train,
            "b/utils.py": """
                def helper(x):
                    print("tracing", x)
                    return x + 1
            """,
            "b/train.py": train,
        },
    )
    for order in (("a", "b"), ("b", "a")):
        result = subprocess.run(
            [
                _python(),
                "-m",
                "pylint",
                "--load-plugins=tflint",
                "--disable=all",
                "--enable=tflint",
                "--output-format=parseable",
                "--score=no",
                *order,
            ],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            check=False,
        )
        assert result.stdout.count("tf-print-in-graph") == 1, (order, result.stdout)
        assert "b/utils.py:3:" in result.stdout


def _python() -> str:
    from conftest import PYTHON

    return PYTHON
