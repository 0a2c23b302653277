"""tflint's checkers, one module per rule family (installed as ``tflint.checkers``)."""

from __future__ import annotations

from tflint.checkers.frozen_python_global import FrozenPythonGlobalChecker
from tflint.checkers.print_in_graph import PrintInGraphChecker
from tflint.checkers.python_side_effect import PythonSideEffectChecker
from tflint.checkers.tf1_api import V1ApiChecker
from tflint.checkers.tf1_eager import DisableEagerExecutionChecker
from tflint.checkers.tf1_placeholder import V1PlaceholderChecker
from tflint.checkers.tf1_session import V1SessionChecker
from tflint.checkers.trace_time_value import TraceTimeValueChecker

ALL_CHECKERS = (
    PrintInGraphChecker,
    PythonSideEffectChecker,
    TraceTimeValueChecker,
    FrozenPythonGlobalChecker,
    V1SessionChecker,
    V1PlaceholderChecker,
    DisableEagerExecutionChecker,
    V1ApiChecker,
)
