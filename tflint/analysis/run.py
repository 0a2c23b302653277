"""One pylint run's state, in one object: the options, the project index and every memo.

A run starts with :func:`start` (from ``TFLintChecker.open``) and is reached with
:func:`current`. Starting a new run replaces the object, so nothing of a previous run survives
it: editors run pylint again and again in one process. Per-node memos
(:class:`~tflint.analysis.memo.NodeMemo`) notice the new object and start empty; module-wide
facts live in the run's :class:`~tflint.analysis.project.Project`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tflint.settings import DEFAULTS, Settings

if TYPE_CHECKING:
    from tflint.analysis.names import NameResolver
    from tflint.analysis.project import Project


class RunState:
    """What one run knows. ``owner`` is the linter whose run it is (None outside pylint)."""

    __slots__ = ("settings", "owner", "_project", "last_names", "last_graph_code")

    def __init__(self, settings: Settings = DEFAULTS, owner: object | None = None) -> None:
        self.settings = settings
        self.owner = owner
        self._project: Project | None = None
        # checkers ask about one module at a time: the last module's answers, kept at hand
        self.last_names: tuple[object, NameResolver | None] = (None, None)
        self.last_graph_code: tuple[object, bool] = (None, False)

    @property
    def project(self) -> Project:
        """The run's project index and module-wide memos, made when first needed."""
        project = self._project
        if project is None:
            from tflint.analysis.project import Project  # pylint: disable=import-outside-toplevel  # imports us

            project = self._project = Project()
        return project


# The current run. Read it through current(); NodeMemo reads the attribute directly because it
# asks on every memoised question. Never import the name itself: start() replaces the object.
state = RunState()


def start(settings: Settings = DEFAULTS, owner: object | None = None) -> RunState:
    """Begin a new run with ``settings``: every cache of the previous run is dropped."""
    global state  # pylint: disable=global-statement  # the one place that replaces the run
    state = RunState(settings, owner)
    return state


def current() -> RunState:
    """The current run's state."""
    return state
