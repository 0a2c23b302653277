"""Which project files import which: the text index and the breadth-first importer search."""

from __future__ import annotations

import astroid
import pytest

from tflint.analysis import project as project_module
from tflint.analysis.imports import ImportIndex
from tflint.analysis.project import Project


def _write(root, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _names(modules) -> list[str]:
    return [module.name for module in modules]


def test_index_finds_files_by_the_words_of_their_imports():
    texts = {
        "/p/a.py": "import os\nfrom pkg.utils import common\n",
        "/p/b.py": "x = 'common'  # not an import\n",
        "/p/c.py": "from pkg.utils import (\n    common,\n    other,\n)\n",
        "/p/common.py": "from pkg import common\n",
    }
    index = ImportIndex(list(texts), texts.__getitem__, lambda path: "pkg.utils." + path[3:-3])
    found = index.importers_of("/p/common.py")
    assert list(index.files(found)) == ["/p/a.py", "/p/c.py"]  # its own file excluded, in file order
    assert index.importers_of("/p/b.py") == 0
    assert index.bit("/elsewhere.py") == 0


def test_importers_nearest_first_through_cycles(tmp_path):
    # core <- mid <- top <- mid (a cycle); side imports core directly.
    _write(
        tmp_path / "pkg",
        {
            "__init__.py": "",
            "core.py": "def f():\n    return 1\n",
            "mid.py": "from pkg import core\nfrom pkg import top\n",
            "top.py": "from pkg import mid\n",
            "side.py": "from pkg import core\n",
            "alone.py": "import os\n",
        },
    )
    project = Project()
    core = astroid.MANAGER.ast_from_file(str(tmp_path / "pkg" / "core.py"), "pkg.core", source=True)
    importers, complete = project.importers(core)
    assert complete
    # Level 1 (mid, side) in file order, then level 2 (top); the cycle back to mid ends.
    assert _names(importers) == ["pkg.mid", "pkg.side", "pkg.top"]


def test_unparsable_importer_is_skipped_not_followed_and_tried_once(tmp_path, monkeypatch):
    _write(
        tmp_path / "pkg",
        {
            "__init__.py": "",
            "core.py": "x = 1\n",
            "other.py": "y = 2\n",
            "broken.py": "from pkg import core, other\ndef (:\n",
            "above.py": "from pkg import broken\n",
        },
    )
    project = Project()
    parse = astroid.MANAGER.ast_from_file
    tried: list[str] = []
    monkeypatch.setattr(
        project_module.MANAGER, "ast_from_file", lambda path, *a, **k: tried.append(path) or parse(path, *a, **k)
    )
    for name in ("core", "other"):
        module = parse(str(tmp_path / "pkg" / f"{name}.py"), f"pkg.{name}", source=True)
        assert project.importers(module) == ([], True)
    assert tried == [str(tmp_path / "pkg" / "broken.py")]


def test_importers_are_capped(tmp_path, monkeypatch):
    files = {"__init__.py": "", "core.py": "x = 1\n"}
    files.update({f"user{i}.py": "from pkg import core\n" for i in range(5)})
    _write(tmp_path / "pkg", files)
    monkeypatch.setattr(project_module, "_MAX_IMPORTERS", 3)
    project = Project()
    core = astroid.MANAGER.ast_from_file(str(tmp_path / "pkg" / "core.py"), "pkg.core", source=True)
    importers, complete = project.importers(core)
    assert not complete
    assert _names(importers) == ["pkg.user0", "pkg.user1", "pkg.user2"]


@pytest.mark.parametrize("name", ["notes.txt", ""])
def test_module_without_a_python_file_has_no_importers(name, tmp_path):
    module = astroid.parse("x = 1\n")
    module.file = str(tmp_path / name) if name else None
    assert Project().importers(module) == ([], True)
