"""Which Python files a folder given on the command line holds.

pylint expands a package only into its sub-packages, so ``pkg/models/net.py`` is never
linted when ``pkg/models/`` has no ``__init__.py`` although ``pkg/`` has one. Users of a
lint command expect every ``.py`` file under the folder (as Ruff and ``pylint --recursive=y``
on plain folders give), minus the folders no one means to lint: virtualenvs, caches, build
output. :func:`discover` is the one walk that tflint's commands share.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator

# Folders never searched below a given folder (hidden ones, and virtualenvs, are skipped too).
SKIPPED_FOLDERS = frozenset(
    {
        "venv",
        "__pycache__",
        "node_modules",
        "site-packages",
        "dist-packages",
        "build",
        "dist",
    }
)


def _nothing_ignored(_path: str) -> bool:
    return False


def discover(paths: Iterable[str], ignored: Callable[[str], bool] = _nothing_ignored) -> list[str]:
    """``paths`` with each folder replaced by the ``.py`` files below it, each path once.

    Files, and arguments that are no folder (a module name like ``pkg.mod``, a missing path),
    are kept as given: the linter decides what they mean. Below a folder, hidden folders,
    virtualenvs (a folder holding ``pyvenv.cfg``), :data:`SKIPPED_FOLDERS` and ``*.egg-info``
    are skipped, and so is every folder or file for which ``ignored(path)`` is true (``check``
    passes pylint's ``ignore``, ``ignore-patterns`` and ``ignore-paths``). A given folder that
    ``ignored`` rejects is kept as given, so that the linter ignores it as it always did. Found
    files keep the given folder as their prefix (``src/pkg/net.py``), in a stable sorted order.
    """
    found: dict[str, None] = {}  # an ordered set
    for path in paths:
        if os.path.isdir(path) and not ignored(path):
            found.update(dict.fromkeys(_python_files_below(path, ignored)))
        else:
            found[path] = None
    return list(found)


def _python_files_below(folder: str, ignored: Callable[[str], bool]) -> Iterator[str]:
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not _skipped_folder(root, d) and not ignored(os.path.join(root, d)))
        for name in sorted(names):
            path = os.path.join(root, name)
            if name.endswith(".py") and not ignored(path):
                yield path


def _skipped_folder(parent: str, name: str) -> bool:
    """A folder no one means to lint: hidden, a cache, build output, or a virtualenv by any name."""
    return (
        name.startswith(".")  # .git, .venv, .tox, .nox, .mypy_cache...
        or name in SKIPPED_FOLDERS
        or name.endswith(".egg-info")
        or os.path.isfile(os.path.join(parent, name, "pyvenv.cfg"))
    )
