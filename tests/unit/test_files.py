"""tflint.cli.files.discover: the Python files a folder given on the command line holds."""

from __future__ import annotations

import os

import pytest

from tflint.cli.files import discover


@pytest.fixture
def tree(tmp_path, monkeypatch):
    """A project with a package, a folder without __init__.py in it, and folders to skip."""
    for name in (
        "pkg/__init__.py",
        "pkg/train.py",
        "pkg/models/net.py",
        "pkg/models/notes.txt",
        "setup.py",
        ".git/hooks/x.py",
        "venv/lib/x.py",
        "env/lib/x.py",
        "pkg/__pycache__/x.py",
        "node_modules/x.py",
        "site-packages/x.py",
        "build/lib/x.py",
        "dist/x.py",
        ".tox/x.py",
        ".nox/x.py",
        "pkg.egg-info/x.py",
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")
    (tmp_path / "env" / "pyvenv.cfg").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _native(*paths: str) -> list[str]:
    return [os.path.normpath(p) for p in paths]


def test_a_folder_becomes_every_python_file_below_it_in_sorted_order(tree):
    assert discover(["pkg"]) == _native("pkg/__init__.py", "pkg/train.py", "pkg/models/net.py")


def test_hidden_folders_virtualenvs_caches_and_build_output_are_skipped(tree):
    assert discover(["."]) == [
        os.path.join(".", p) for p in _native("setup.py", "pkg/__init__.py", "pkg/train.py", "pkg/models/net.py")
    ]


def test_files_module_names_and_missing_paths_are_kept_as_given(tree):
    given = ["pkg/models/notes.txt", "pkg.train", "nowhere.py", "venv/lib/x.py"]
    assert discover(given) == given


def test_each_path_appears_once(tree):
    assert discover(["pkg/train.py", "pkg", "pkg/train.py"]) == _native(
        "pkg/train.py", "pkg/__init__.py", "pkg/models/net.py"
    )


def test_ignored_prunes_folders_and_files_below_a_given_folder(tree):
    asked = []

    def ignored(path: str) -> bool:
        asked.append(path)
        return os.path.basename(path) in ("models", "train.py")

    assert discover(["pkg"], ignored) == _native("pkg/__init__.py")
    assert os.path.join("pkg", "models", "net.py") not in asked  # never walked into


def test_a_given_folder_that_is_ignored_is_kept_for_the_linter_to_ignore(tree):
    assert discover(["pkg"], lambda path: path == "pkg") == ["pkg"]
