"""Which files of a project import which: a text index of their import statements.

Finding a module's importers must not parse the project, so the index is a cheap text
match: a file imports ``pkg/utils/common.py`` when one of its import statements has the
word ``common``. That over-approximates (every ``common`` matches); the candidates are
parsed later and only their real call edges count.

The importers of a file are kept as a bit set (one Python int, a bit per project file):
a project's core module is imported, directly or not, by nearly every other file, and
walking importer lists path by path cost a million steps per run on a 500-file project,
where or-ing bit sets costs one step per file reached.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

_WORD = re.compile(r"\w+")
_IMPORT_STATEMENT = re.compile(
    r"^[ \t]*(?:from[ \t]+[\w.]+[ \t]+import[ \t]*\([^)]*\)|(?:from|import)[ \t][^\n]*)", re.MULTILINE
)


class ImportIndex:
    """The import statements of one project's files, by the words they use."""

    def __init__(self, paths: list[str], read: Callable[[str], str], module_name: Callable[[str], str]) -> None:
        """``paths`` are the project's files (absolute); ``read`` gives a file's text and
        ``module_name`` the dotted name of a file's module."""
        self.paths = tuple(paths)
        self._module_name = module_name
        self._position = {path: position for position, path in enumerate(self.paths)}
        words: dict[str, int] = {}
        for position, path in enumerate(self.paths):
            used = set()
            for statement in _IMPORT_STATEMENT.finditer(read(path)):
                used.update(_WORD.findall(statement.group(0)))
            for word in used:
                words[word] = words.get(word, 0) | 1 << position
        self._words = words  # word -> bit set of the files whose imports mention it
        self._importers: dict[str, int] = {}

    def bit(self, path: str) -> int:
        """The bit of ``path``, 0 for a file outside the project's list."""
        position = self._position.get(path)
        return 0 if position is None else 1 << position

    def importers_of(self, path: str) -> int:
        """The files (a bit set) whose import statements mention the last word of the module
        name of ``path``, ``path`` itself excluded."""
        found = self._importers.get(path)
        if found is None:
            word = self._module_name(path).rsplit(".", 1)[-1]
            found = self._importers[path] = self._words.get(word, 0) & ~self.bit(path)
        return found

    def files(self, bits: int) -> Iterator[str]:
        """The paths of the files in ``bits``, in the project's file order."""
        while bits:
            lowest = bits & -bits
            yield self.paths[lowest.bit_length() - 1]
            bits ^= lowest


def read_text(path: str, limit: int) -> str:
    """The first ``limit`` bytes of ``path`` as text ("" when unreadable)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(limit).decode("utf-8", errors="replace")
    except OSError:
        return ""
