"""tflint's checkers, one module per rule family (installed as ``tflint.checkers``)."""

from __future__ import annotations

from tflint.checkers.autograph_unsupported import AutographUnsupportedChecker
from tflint.checkers.branch_structure import BranchStructureChecker
from tflint.checkers.deprecated_function_argument import DeprecatedFunctionArgumentChecker
from tflint.checkers.eager_debug_leftover import EagerDebugLeftoverChecker
from tflint.checkers.eager_training_loop import EagerTrainingLoopChecker
from tflint.checkers.exception_handling_in_graph import ExceptionHandlingInGraphChecker
from tflint.checkers.executing_eagerly_in_graph import ExecutingEagerlyInGraphChecker
from tflint.checkers.frozen_python_global import FrozenPythonGlobalChecker
from tflint.checkers.function_recreated import FunctionRecreatedChecker
from tflint.checkers.loop_unrolled import LoopUnrolledChecker
from tflint.checkers.numpy_in_graph import NumpyInGraphChecker
from tflint.checkers.print_in_graph import PrintInGraphChecker
from tflint.checkers.python_list_in_tensor_loop import PythonListInTensorLoopChecker
from tflint.checkers.python_side_effect import PythonSideEffectChecker
from tflint.checkers.recursive_function import RecursiveFunctionChecker
from tflint.checkers.retracing_argument import RetracingArgumentChecker
from tflint.checkers.tensor_as_python_bool import TensorAsPythonBoolChecker
from tflint.checkers.tensor_iteration import TensorIterationChecker
from tflint.checkers.tf1_api import V1ApiChecker
from tflint.checkers.tf1_eager import DisableEagerExecutionChecker
from tflint.checkers.tf1_placeholder import V1PlaceholderChecker
from tflint.checkers.tf1_session import V1SessionChecker
from tflint.checkers.trace_time_value import TraceTimeValueChecker
from tflint.checkers.variable_in_graph import VariableInGraphChecker

ALL_CHECKERS = (
    PrintInGraphChecker,
    PythonSideEffectChecker,
    TraceTimeValueChecker,
    FrozenPythonGlobalChecker,
    V1SessionChecker,
    V1PlaceholderChecker,
    DisableEagerExecutionChecker,
    V1ApiChecker,
    TensorAsPythonBoolChecker,
    TensorIterationChecker,
    BranchStructureChecker,
    PythonListInTensorLoopChecker,
    NumpyInGraphChecker,
    ExecutingEagerlyInGraphChecker,
    ExceptionHandlingInGraphChecker,
    LoopUnrolledChecker,
    AutographUnsupportedChecker,
    RetracingArgumentChecker,
    FunctionRecreatedChecker,
    VariableInGraphChecker,
    RecursiveFunctionChecker,
    DeprecatedFunctionArgumentChecker,
    EagerDebugLeftoverChecker,
    EagerTrainingLoopChecker,
)
