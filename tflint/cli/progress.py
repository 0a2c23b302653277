"""A module counter on a terminal while ``python -m tflint check`` runs pylint in process.

Pylint calls ``PyLinter.set_current_module`` in the main process once per module it parses
and once per module it checks (with ``-j N`` the workers check and the main process is told
as each module's results arrive), so :class:`ProgressLinter` counts there. The line goes to
stderr, only when stderr is a terminal, and is erased before any report text is written to
the same terminal, so stdout and redirected output never see it.

The same linter replaces each folder it is given by every Python file below it
(:func:`tflint.cli.files.discover`): pylint alone skips folders without ``__init__.py`` inside a
package, and the linter is where pylint's ignore options are known.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from pylint.lint import PyLinter, Run
from pylint.lint.expand_modules import _is_ignored_file

from tflint.cli import files

if TYPE_CHECKING:
    from pylint.typing import FileItem

_REDRAW_SECONDS = 0.1  # a terminal line redrawn more often only costs time


def wants_progress(stream: TextIO) -> bool:
    """Show progress on ``stream``? Only on an interactive terminal."""
    try:
        return stream.isatty() and os.environ.get("TERM") != "dumb"
    except (AttributeError, ValueError):  # replaced or closed streams
        return False


class Progress:
    """``tflint: checking 12/340 pkg/module.py`` on one self-erasing terminal line."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.total: int | None = None
        self._owner = os.getpid()  # pylint's -j workers get a copy of the linter: they stay quiet
        self._phase = "checking"
        self._seen: set[str] = set()
        self._last_draw = 0.0
        self._shown = False

    def __reduce__(self) -> tuple[Any, ...]:
        # pylint pickles the linter for its -j workers: they get an inert copy
        return (_inert_progress, ())

    def start(self, parses_first: bool) -> None:
        """A run begins; in a single process pylint parses every module before checking any."""
        self._phase = "parsing" if parses_first else "checking"
        self._seen.clear()

    def module(self, filepath: str) -> None:
        """Pylint moved on to ``filepath``."""
        if os.getpid() != self._owner:
            return
        if filepath in self._seen and self._phase == "parsing":
            self._phase = "checking"
            self._seen.clear()
        self._seen.add(filepath)
        now = time.monotonic()
        if self._shown and now - self._last_draw < _REDRAW_SECONDS:
            return
        self._last_draw = now
        count = f"{len(self._seen)}/{self.total}" if self.total else str(len(self._seen))
        text = f"tflint: {self._phase} {count} {_shorter(filepath)}"
        width = shutil.get_terminal_size((80, 24)).columns - 1
        self._write("\r\x1b[K" + text[:width])
        self._shown = True

    def clear(self) -> None:
        """Erase the line (before other output, and at the end)."""
        if self._shown and os.getpid() == self._owner:
            self._write("\r\x1b[K")
            self._shown = False

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):  # a closed terminal must not stop the lint
            self._owner = -1


def _inert_progress() -> Progress:
    progress = Progress(sys.stderr)
    progress._owner = -1  # pylint: disable=protected-access
    return progress


def _shorter(path: str) -> str:
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path
    return path if relative.startswith("..") else relative


class _ClearingStream:
    """Wraps the report stream: erases the progress line before report text reaches the terminal."""

    def __init__(self, stream: TextIO, progress: Progress) -> None:
        self._stream = stream
        self._progress = progress

    def write(self, text: str) -> int:
        """Write ``text`` after erasing the progress line."""
        self._progress.clear()
        return self._stream.write(text)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in ("_stream", "_progress"):
            raise AttributeError(name)
        return getattr(self._stream, name)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_same, (self._stream,))  # the -j workers get the plain stream


def _same(value: Any) -> Any:
    return value


class ProgressLinter(PyLinter):
    """A PyLinter that reports its progress to :attr:`progress`, when set."""

    progress: Progress | None = None

    def check(self, files_or_modules: Sequence[str]) -> None:
        """Pylint's check of every Python file below the given folders, with the progress line
        drawn while it runs and erased after."""
        files_or_modules = files.discover(files_or_modules, self.ignored)
        progress = self.progress
        if progress is None:
            super().check(files_or_modules)
            return
        progress.start(parses_first=self.config.jobs <= 1 or bool(self.config.from_stdin))
        wrapped = self._wrap_report_streams(progress)
        try:
            super().check(files_or_modules)
        finally:
            progress.clear()
            for reporter, stream in wrapped:
                reporter.out = stream

    def ignored(self, path: str) -> bool:
        """Does pylint's ``ignore``, ``ignore-patterns`` or ``ignore-paths`` option exclude ``path``?"""
        # pylint's own test, so that a folder or file is excluded exactly as pylint would
        return _is_ignored_file(path, self.config.ignore, self.config.ignore_patterns, self.config.ignore_paths)

    def _wrap_report_streams(self, progress: Progress) -> list[tuple[Any, TextIO]]:
        reporters = [self.reporter, *getattr(self.reporter, "_sub_reporters", ())]
        wrapped = []
        for reporter in reporters:
            stream = getattr(reporter, "out", None)
            if stream is not None and wants_progress(stream):
                reporter.out = _ClearingStream(stream, progress)
                wrapped.append((reporter, stream))
        return wrapped

    def _iterate_file_descrs(self, *args: Any, **kwargs: Any) -> Iterator[FileItem]:
        """Pylint's module list, counted first so the line can say "12/340"."""
        items = list(super()._iterate_file_descrs(*args, **kwargs))
        if self.progress is not None:
            self.progress.total = len(items)
        return iter(items)

    def set_current_module(self, modname: str, filepath: str | None = None) -> None:
        """Pylint's bookkeeping, plus one tick of the counter."""
        if self.progress is not None and filepath:
            self.progress.module(filepath)
        super().set_current_module(modname, filepath)


class _ProgressRun(Run):
    """pylint's ``Run``, building a :class:`ProgressLinter` that reports to ``progress``."""

    def __init__(self, args: Sequence[str], progress: Progress | None) -> None:
        self._progress = progress
        super().__init__(args)

    # pylint's Run declares ``LinterClass = PyLinter`` and only ever calls ``self.LinterClass(...)``:
    # a method that makes the linter stands in for the class, which mypy cannot see.
    def LinterClass(self, *args: Any, **kwargs: Any) -> ProgressLinter:  # type: ignore[override]  # pylint: disable=invalid-name
        """Pylint calls ``self.LinterClass(options, option_groups=...)`` to make its linter."""
        linter = ProgressLinter(*args, **kwargs)
        linter.progress = self._progress
        return linter


def run_pylint(argv: Sequence[str], progress: Progress | None) -> int:
    """Run pylint in this process on ``argv``: its exit status, computed by pylint itself."""
    try:
        _ProgressRun(list(argv), progress)
    except SystemExit as stop:  # pylint always ends with sys.exit(status)
        if stop.code is None or isinstance(stop.code, int):
            return stop.code or 0
        print(stop.code, file=sys.stderr)
        return 1
    return 0
