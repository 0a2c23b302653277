"""The project a linted module belongs to: its modules, and which of their functions run traced.

A helper in ``utils.py`` runs traced when a ``@tf.function`` in ``train.py`` calls it, so
the graph context of one module depends on the modules that import it. We find those
importers by reading the project's files (a cheap text match), parse only the
candidates with astroid, and walk the call edges from every entry point. Only the
project's own files are ever parsed: never TensorFlow, never site-packages.
"""

from __future__ import annotations

import os
import re
from collections import deque

from astroid import MANAGER, nodes

from tflint.graph import FunctionNode, ModuleGraph, function_label
from tflint.names import NameResolver
from tflint.trace import Trace

_MAX_FILES = 5000
_MAX_IMPORTERS = 1000
_MAX_FILE_BYTES = 2_000_000
_SKIP_DIRS = frozenset({"site-packages", "dist-packages", "node_modules", "__pycache__", "build", "dist"})
_WORD = re.compile(r"\w+")
_IMPORT_STATEMENT = re.compile(
    r"^[ \t]*(?:from[ \t]+[\w.]+[ \t]+import[ \t]*\([^)]*\)|(?:from|import)[ \t][^\n]*)", re.MULTILINE
)


def package_root(path: str) -> str:
    """The folder holding the outermost package of ``path`` (or its own folder)."""
    folder = os.path.dirname(os.path.abspath(path))
    while os.path.isfile(os.path.join(folder, "__init__.py")):
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    return folder


def module_name(path: str, root: str) -> str:
    """Dotted module name of ``path`` relative to ``root``."""
    rel = os.path.relpath(os.path.abspath(path), root)
    parts = rel[: -len(".py")].split(os.sep) if rel.endswith(".py") else rel.split(os.sep)
    if parts and parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


class Project:
    """Per-run cache of project modules, their graphs and their traced functions.

    One instance lives for one pylint run (reset in the checkers' ``open``): editors
    keep pylint alive between runs, and files change in between.
    """

    def __init__(self) -> None:
        self._graphs: dict[int, tuple[nodes.Module, ModuleGraph]] = {}
        self._traced: dict[int, tuple[nodes.Module, dict[FunctionNode, Trace]]] = {}
        self._files: dict[str, list[str]] = {}
        self._importers: dict[str, dict[str, list[str]]] = {}
        self._memo: dict[tuple[int, str], tuple[nodes.Module, object]] = {}

    def memo(self, module: nodes.Module, key: str, compute):
        """``compute(module)``, computed once per module and run (for module-wide facts)."""
        entry = self._memo.get((id(module), key))
        if entry is None or entry[0] is not module:
            entry = (module, compute(module))
            self._memo[(id(module), key)] = entry
        return entry[1]

    # ---- modules ---------------------------------------------------------------------
    def graph(self, module: nodes.Module) -> ModuleGraph:
        """The (memoised) :class:`ModuleGraph` of ``module``."""
        entry = self._graphs.get(id(module))
        if entry is None or entry[0] is not module:
            graph = ModuleGraph(module, NameResolver(module), self)
            self._graphs[id(module)] = (module, graph)
            graph.scan()
            return graph
        return entry[1]

    def names(self, module: nodes.Module) -> NameResolver:
        """The name resolver of ``module``."""
        return self.graph(module).names

    def load(self, binding: nodes.NodeNG, modname: str) -> nodes.Module | None:
        """Parse the project module ``modname`` imported by ``binding``; None if not ours."""
        here = binding.root().file
        if not here or not modname and not getattr(binding, "level", 0):
            return None
        level = getattr(binding, "level", 0) or 0
        if level:
            try:
                modname = binding.root().relative_to_absolute_name(modname, level)
            except Exception:
                return None
        root = package_root(here)
        parts = modname.split(".")
        for candidate in (os.path.join(root, *parts) + ".py", os.path.join(root, *parts, "__init__.py")):
            if os.path.isfile(candidate):
                return self._parse(candidate, modname)
        return None

    def _parse(self, path: str, modname: str) -> nodes.Module | None:
        try:
            return MANAGER.ast_from_file(path, modname, source=True)
        except Exception:  # syntax errors and unreadable files: pylint reports them itself
            return None

    # ---- traced functions --------------------------------------------------------------
    def traced(self, module: nodes.Module) -> dict[FunctionNode, Trace]:
        """Functions of ``module`` that run traced, each with the best explanation.

        The walk covers ``module`` and every module importing it, directly or not. Each
        of those importers' own importers are in that set too, so when the set is
        complete the walk answers for all of them at once: big projects walk rarely.
        """
        entry = self._traced.get(id(module))
        if entry is not None and entry[0] is module:
            return entry[1]
        importers, complete = self.importers(module)
        modules = [module] + importers
        found = self._reach(modules)
        by_module: dict[int, dict[FunctionNode, Trace]] = {id(m): {} for m in (modules if complete else [module])}
        for func, trace in found.items():
            bucket = by_module.get(id(func.root()))
            if bucket is not None:
                bucket[func] = trace
        for member in modules if complete else [module]:
            if member is module or id(member) not in self._traced:
                self._traced[id(member)] = (member, by_module[id(member)])
        return by_module[id(module)]

    def _reach(self, modules: list[nodes.Module]) -> dict[FunctionNode, Trace]:
        seeds: list[tuple[FunctionNode, Trace]] = []
        for module in modules:
            seeds.extend(self.graph(module).roots.items())
        seeds.sort(key=lambda item: (item[1].sort_key(), item[0].root().file or "", item[0].lineno or 0))
        reached: dict[FunctionNode, Trace] = {}
        queue: deque[FunctionNode] = deque()
        for func, trace in seeds:
            if func not in reached:
                reached[func] = trace
                queue.append(func)
        while queue:
            func = queue.popleft()
            graph = self.graph(func.root())
            for callee, confidence in graph.edges(func):
                if callee in reached or callee in self.graph(callee.root()).eager_callbacks:
                    continue
                reached[callee] = reached[func].called_from(function_label(callee), confidence)
                queue.append(callee)
        return reached

    def importers(self, module: nodes.Module) -> tuple[list[nodes.Module], bool]:
        """Project modules that import ``module``, directly or through each other.

        Returns them and whether the list is complete (large projects are capped).
        """
        path = module.file
        if not path or not os.path.isfile(path):
            return [], True
        root = package_root(path)
        result: list[nodes.Module] = []
        seen = {os.path.abspath(path)}
        queue = deque([os.path.abspath(path)])
        while queue:
            target = queue.popleft()
            for importer in self._importers_of(target, root):
                if importer in seen:
                    continue
                if len(result) >= _MAX_IMPORTERS:
                    return result, False
                seen.add(importer)
                parsed = self._parse(importer, module_name(importer, root))
                if parsed is not None:
                    result.append(parsed)
                    queue.append(importer)
        return result, True

    def _importers_of(self, target: str, root: str) -> list[str]:
        """Project files whose import statements mention ``target``'s module name."""
        name = module_name(target, root).rsplit(".", 1)[-1]
        return [path for path in self._import_index(root).get(name, ()) if path != target]

    def _import_index(self, root: str) -> dict[str, list[str]]:
        """Every word used in an import statement -> the project files using it (one pass)."""
        if root not in self._importers:
            index: dict[str, list[str]] = {}
            for path in self._project_files(root):
                words = set()
                for statement in _IMPORT_STATEMENT.finditer(self._text(path)):
                    words.update(_WORD.findall(statement.group(0)))
                for word in words:
                    index.setdefault(word, []).append(path)
            self._importers[root] = index
        return self._importers[root]

    def _project_files(self, root: str) -> list[str]:
        if root not in self._files:
            self._files[root] = _list_python_files(root)
        return self._files[root]

    @staticmethod
    def _text(path: str) -> str:
        try:
            with open(path, "rb") as handle:
                return handle.read(_MAX_FILE_BYTES).decode("utf-8", errors="replace")
        except OSError:
            return ""


def _list_python_files(root: str) -> list[str]:
    """Python files of a project: the whole package tree, or a script folder's own files."""
    is_package = any(
        os.path.isfile(os.path.join(root, entry, "__init__.py"))
        for entry in _safe_listdir(root)
    )
    if not is_package:
        return sorted(
            os.path.join(root, entry) for entry in _safe_listdir(root) if entry.endswith(".py")
        )
    files: list[str] = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(
            d for d in dirs
            if not d.startswith(".") and d not in _SKIP_DIRS
            and not os.path.isfile(os.path.join(folder, d, "pyvenv.cfg"))
        )
        files.extend(os.path.join(folder, n) for n in sorted(names) if n.endswith(".py"))
        if len(files) >= _MAX_FILES:
            break
    return files[:_MAX_FILES]


def _safe_listdir(folder: str) -> list[str]:
    try:
        return sorted(os.listdir(folder))
    except OSError:
        return []
