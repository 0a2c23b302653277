"""The project a linted module belongs to: its modules, and which of their functions run traced.

A helper in ``utils.py`` runs traced when a ``@tf.function`` in ``train.py`` calls it, so
the graph context of one module depends on the modules that import it. We find those
importers by reading the project's files (a cheap text match), parse only the
candidates with astroid, and walk the call edges from every entry point. Only the
project's own files are ever parsed: never TensorFlow, never site-packages.
"""

from __future__ import annotations

import functools
import os
from collections import deque
from collections.abc import Callable
from typing import Generic, TypeVar

from astroid import MANAGER, nodes
from astroid.exceptions import AstroidError

from tflint.analysis.graph import FunctionNode, ModuleGraph, function_label
from tflint.analysis.imports import ImportIndex, read_text
from tflint.analysis.index import module_nodes
from tflint.analysis.names import NameResolver
from tflint.analysis.trace import Trace

_MAX_FILES = 5000
_MAX_IMPORTERS = 1000
_MAX_FILE_BYTES = 2_000_000
_SKIP_DIRS = frozenset({"site-packages", "dist-packages", "node_modules", "__pycache__", "build", "dist"})


def package_root(path: str) -> str:
    """The folder holding the outermost package of ``path`` (or its own folder)."""
    folder = os.path.dirname(os.path.abspath(path))
    while os.path.isfile(os.path.join(folder, "__init__.py")):
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    return folder


@functools.lru_cache(maxsize=65536)
def module_name(path: str, root: str) -> str:
    """Dotted module name of ``path`` relative to ``root`` (a pure function of two paths: memoised)."""
    rel = os.path.relpath(os.path.abspath(path), root)
    parts = rel[: -len(".py")].split(os.sep) if rel.endswith(".py") else rel.split(os.sep)
    if parts and parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


# What astroid raises for a file it cannot turn into a module: its own errors (syntax errors,
# undecodable text), unreadable files, NUL bytes, and nesting deeper than its recursion allows.
_UNBUILDABLE = (AstroidError, OSError, UnicodeError, ValueError, RecursionError)

_Fact = TypeVar("_Fact")


class ModuleFact(Generic[_Fact]):
    """A fact about one module that the run computes once, from the module alone.

    Declared once beside the function that computes it, ``GLOBALS = ModuleFact("global
    declarations", _global_declarations)``, and asked with ``project.fact(module, GLOBALS)``:
    the object itself is the key, so two facts never collide and the answer keeps its type.
    """

    __slots__ = ("name", "compute")

    def __init__(self, name: str, compute: Callable[[nodes.Module], _Fact]) -> None:
        self.name = name
        self.compute = compute

    def __repr__(self) -> str:
        return f"ModuleFact({self.name!r})"


class Project:
    """Per-run cache of project modules, their graphs and their traced functions.

    One instance lives for one pylint run (reset in the checkers' ``open``): editors
    keep pylint alive between runs, and files change in between.
    """

    def __init__(self) -> None:
        self._graphs: dict[int, tuple[nodes.Module, ModuleGraph]] = {}
        self._traced: dict[int, tuple[nodes.Module, dict[FunctionNode, Trace]]] = {}
        self._files: dict[str, list[str]] = {}
        self._importers: dict[str, ImportIndex] = {}
        self._facts: dict[tuple[int, ModuleFact], tuple[nodes.Module, object]] = {}
        self._reach: dict[int, tuple[nodes.Module, dict[int, dict[FunctionNode, Trace]]]] = {}
        self._modules: dict[str, nodes.Module] = {}
        self._unparsable: set[str] = set()
        self._located: dict[tuple[str, str], str | None] = {}
        self._roots: dict[str, str] = {}

    def fact(self, module: nodes.Module, fact: ModuleFact[_Fact]) -> _Fact:
        """What ``fact`` says about ``module``, computed once per module and run."""
        key = (id(module), fact)
        entry = self._facts.get(key)
        if entry is None or entry[0] is not module:
            entry = self._facts[key] = (module, fact.compute(module))
        return entry[1]  # type: ignore[return-value]

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
            except AstroidError:  # more leading dots than packages: the import fails anyway
                return None
        root = self._package_root(here)
        key = (root, modname)
        if key not in self._located:  # the same imports recur in every module: stat them once
            parts = modname.split(".")
            candidates = (os.path.join(root, *parts) + ".py", os.path.join(root, *parts, "__init__.py"))
            self._located[key] = next((path for path in candidates if os.path.isfile(path)), None)
        path = self._located[key]
        return self._parse(path, modname) if path is not None else None

    def _package_root(self, path: str) -> str:
        """:func:`package_root`, remembered for the run (it stats every folder up the tree)."""
        root = self._roots.get(path)
        if root is None:
            root = self._roots[path] = package_root(path)
        return root

    def _parse(self, path: str, modname: str) -> nodes.Module | None:
        known = self._modules.get(path)  # the project's own paths are absolute already
        if known is not None:
            return known
        key = os.path.abspath(path)
        known = self._modules.get(key)
        if known is not None:
            return known
        if key in self._unparsable:
            return None
        try:
            module = MANAGER.ast_from_file(path, modname, source=True)
        except _UNBUILDABLE:  # syntax errors and unreadable files: pylint reports them itself
            self._unparsable.add(key)  # a broken file imported everywhere is tried once
            return None
        self._modules[key] = module
        return module

    def adopt(self, module: nodes.Module) -> nodes.Module:
        """The project's copy of ``module``'s file: ``module`` itself unless one was parsed first.

        astroid caches one module per *name*, so two script folders with a ``utils.py`` each
        give pylint a fresh object for the second; edges built earlier point into the copy
        the project parsed first, which therefore stays the canonical one.
        """
        if not module.file:
            return module
        return self._modules.setdefault(os.path.abspath(module.file), module)

    @staticmethod
    def _same_functions(found: dict[FunctionNode, Trace], module: nodes.Module) -> dict[FunctionNode, Trace]:
        """``found`` (keyed by another copy of ``module``) keyed by ``module``'s own nodes."""
        wanted = {(f.lineno, f.col_offset, f.name): trace for f, trace in found.items()}
        result: dict[FunctionNode, Trace] = {}
        for func in module_nodes(module, (nodes.FunctionDef, nodes.Lambda)):
            trace = wanted.get((func.lineno, func.col_offset, getattr(func, "name", "<lambda>")))
            if trace is not None:
                result[func] = trace
        return result

    # ---- traced functions --------------------------------------------------------------
    def traced(self, module: nodes.Module) -> dict[FunctionNode, Trace]:
        """Functions of ``module`` that run traced, each with the best explanation.

        The entry points are those of ``module`` and of every module importing it,
        directly or not. The answer depends on ``module`` and the project only, never on
        which modules were asked about before: pylint's parallel workers each see another
        subset of the files, in another order, and must agree with ``-j 1``. So each
        module's forward reach is walked once per run, and the reaches of the entry
        modules are merged by a fixed preference.
        """
        entry = self._traced.get(id(module))
        if entry is not None and entry[0] is module:
            return entry[1]
        canonical = self.adopt(module)
        if canonical is not module:
            return self._same_functions(self.traced(canonical), module)
        importers, _ = self.importers(module)
        result: dict[FunctionNode, Trace] = {}
        for source in [module, *importers]:
            for func, trace in self._reach_from(source).get(id(module), {}).items():
                best = result.get(func)
                if best is None or _preference(trace) < _preference(best):
                    result[func] = trace
        self._traced[id(module)] = (module, result)
        return result

    def _reach_from(self, source: nodes.Module) -> dict[int, dict[FunctionNode, Trace]]:
        """Functions reached from ``source``'s own entry points, grouped by their module."""
        entry = self._reach.get(id(source))
        if entry is not None and entry[0] is source:
            return entry[1]
        by_module: dict[int, dict[FunctionNode, Trace]] = {}
        for func, trace in self._walk(list(self.graph(source).roots.items())).items():
            by_module.setdefault(id(func.root()), {})[func] = trace
        self._reach[id(source)] = (source, by_module)
        return by_module

    def _walk(self, seeds: list[tuple[FunctionNode, Trace]]) -> dict[FunctionNode, Trace]:
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
        root = self._package_root(path)
        index = self._import_index(root)
        target = os.path.abspath(path)
        result: list[nodes.Module] = []
        seen = index.bit(target)
        level = index.importers_of(target) & ~seen
        # Breadth first, one level at a time (nearest importers first, where the cap cuts),
        # each level in the project's file order.
        while level:
            seen |= level
            following = 0
            for importer in index.files(level):
                if len(result) >= _MAX_IMPORTERS:
                    return result, False
                parsed = self._modules.get(importer) or self._parse(importer, module_name(importer, root))
                if parsed is not None:
                    result.append(parsed)
                    following |= index.importers_of(importer)
            level = following & ~seen
        return result, True

    def _import_index(self, root: str) -> ImportIndex:
        """The import statements of the project under ``root`` (read once per run)."""
        index = self._importers.get(root)
        if index is None:
            index = self._importers[root] = ImportIndex(
                self._project_files(root),
                lambda path: read_text(path, _MAX_FILE_BYTES),
                lambda path: module_name(path, root),
            )
        return index

    def _project_files(self, root: str) -> list[str]:
        if root not in self._files:
            self._files[root] = _list_python_files(root)
        return self._files[root]


def _preference(trace: Trace) -> tuple:
    """A total order on explanations: strongest, shortest, then by text (never by visit order)."""
    return (*trace.sort_key(), trace.origin_file, trace.chain)


def _list_python_files(root: str) -> list[str]:
    """Python files of a project: the whole package tree, or a script folder's own files."""
    is_package = any(os.path.isfile(os.path.join(root, entry, "__init__.py")) for entry in _safe_listdir(root))
    if not is_package:
        return sorted(os.path.join(root, entry) for entry in _safe_listdir(root) if entry.endswith(".py"))
    files: list[str] = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".")
            and d not in _SKIP_DIRS
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
