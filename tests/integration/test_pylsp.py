"""tflint inside python-lsp-server: a real ``pylsp`` over stdio, driven by pytest-lsp.

pylsp's builtin pylint plugin has two modes, and users meet both:

* without ``executable`` it runs ``python -c "...pylint.lint.Run(...)"`` on the saved file
  (on open and on save; an unsaved change keeps the previous diagnostics);
* with ``executable`` it pipes the editor's buffer to ``pylint --from-stdin``, so unsaved
  changes are linted too.

Each test starts its own server, sends ``initialize`` with the settings a user would
write, opens a file with a pitfall and checks the published diagnostic: range, code,
message and severity.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import attrs
import pytest
import pytest_lsp
from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient
from pytest_lsp.client import register_lsp_features

PYLINT_EXECUTABLE = Path(sys.executable).with_name("pylint")
TFLINT_ONLY = ["--load-plugins=tflint", "--disable=all", "--enable=tflint"]
# Only pylint talks: pylsp's other linters would add their own diagnostics.
OTHER_LINTERS_OFF = {name: {"enabled": False} for name in ("pycodestyle", "pyflakes", "mccabe")}

PITFALL = '''"""Training step with a debugging print."""
import tensorflow as tf


@tf.function
def train_step(x):
    print("x is", x)
    return x * 2.0
'''
# The same module once the print has moved out of the traced function.
FIXED = '''"""Training step with a debugging print."""
import tensorflow as tf


@tf.function
def train_step(x):
    return x * 2.0


print("defined", train_step)
'''
# Seconds to wait for one lint (pylsp debounces for 0.5 s, then pylint starts).
LINT_TIMEOUT = 120


def _converter():
    """pygls' converter, able to read pylsp's ``notebookDocumentSync`` capability.

    lsprotocol 2025.0.0 has no structure hook for the optional ``notebook`` field of
    ``NotebookDocumentFilterWithCells`` (the non-optional one has), so the client fails on
    pylsp's ``initialize`` response; the field is a string or a filter, read as such.
    """
    converter = default_converter()
    optional_filter = attrs.fields(types.NotebookDocumentFilterWithCells).notebook.type
    required_filter = attrs.fields(types.NotebookCellTextDocumentFilter).notebook.type
    converter.register_structure_hook(
        optional_filter, lambda value, _: None if value is None else converter.structure(value, required_filter)
    )
    return converter


def _client_factory() -> LanguageClient:
    """pytest-lsp's test client (it records diagnostics, logs...) with that converter."""
    lsp = LanguageClient(converter_factory=_converter)
    register_lsp_features(lsp)
    return lsp


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=[sys.executable, "-m", "pylsp"], client_factory=_client_factory)
)
async def client(lsp_client: LanguageClient):
    """A pylsp server running in a subprocess; each test sends its own ``initialize``."""
    yield
    await lsp_client.shutdown_session()


def pylint_settings(**pylint) -> dict:
    """pylsp settings enabling its pylint plugin with ``pylint`` options: the same shape in
    ``initializationOptions`` and in ``workspace/didChangeConfiguration``."""
    return {"pylsp": {"plugins": {"pylint": {"enabled": True, **pylint}, **OTHER_LINTERS_OFF}}}


async def start(lsp: LanguageClient, root: Path, options: dict) -> None:
    """``initialize`` a server on the workspace folder ``root`` with ``options``."""
    await lsp.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            root_uri=root.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name=root.name)],
            initialization_options=options,
        )
    )


async def next_diagnostics(lsp: LanguageClient, uri: str) -> list[types.Diagnostic]:
    """Wait for the next ``publishDiagnostics`` of ``uri``; only pylint's diagnostics."""
    while True:
        params = await asyncio.wait_for(
            lsp.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), LINT_TIMEOUT
        )
        if params.uri == uri:
            return [d for d in params.diagnostics if d.source == "pylint"]


def print_range(source: str) -> types.Range:
    """The 0-based LSP range of the ``print`` name of the one print call in ``source``."""
    for number, text in enumerate(source.splitlines()):
        column = text.find("print(")
        if column >= 0:
            return types.Range(
                start=types.Position(line=number, character=column),
                end=types.Position(line=number, character=column + len("print")),
            )
    raise AssertionError("no print call in the source")


def open_document(lsp: LanguageClient, path: Path, text: str) -> None:
    """``textDocument/didOpen`` of ``path`` holding ``text``."""
    lsp.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=path.as_uri(), language_id="python", version=1, text=text)
        )
    )


def assert_print_in_graph(diagnostics: list[types.Diagnostic], source: str) -> None:
    """Exactly one diagnostic: tflint's tf-print-in-graph on the print call of ``source``."""
    assert len(diagnostics) == 1, diagnostics
    diagnostic = diagnostics[0]
    assert diagnostic.range == print_range(source)
    assert diagnostic.code == "W7301"
    assert "tf-print-in-graph" in diagnostic.message
    assert "train_step" in diagnostic.message
    assert diagnostic.severity == types.DiagnosticSeverity.Warning


@pytest.mark.asyncio
async def test_saved_file_gets_tflint_diagnostic(client: LanguageClient, tmp_path: Path):
    """Default mode: pylint runs on the file on disk when it is opened."""
    path = tmp_path / "train.py"
    path.write_text(PITFALL, encoding="utf-8")
    await start(client, tmp_path, pylint_settings(args=TFLINT_ONLY))

    open_document(client, path, PITFALL)

    assert_print_in_graph(await next_diagnostics(client, path.as_uri()), PITFALL)


@pytest.mark.asyncio
async def test_unsaved_edits_are_linted_with_executable(client: LanguageClient, tmp_path: Path):
    """``executable`` mode: the buffer goes to ``pylint --from-stdin``, saved or not.

    The settings come the way most editors send them: ``workspace/didChangeConfiguration``
    after ``initialize``.
    """
    path = tmp_path / "train.py"
    path.write_text(PITFALL, encoding="utf-8")
    await start(client, tmp_path, {})
    client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(
            settings=pylint_settings(args=TFLINT_ONLY, executable=str(PYLINT_EXECUTABLE))
        )
    )

    open_document(client, path, PITFALL)
    assert_print_in_graph(await next_diagnostics(client, path.as_uri()), PITFALL)

    # Move the print out of the traced function without saving: the warning goes away.
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=path.as_uri(), version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=FIXED)],
        )
    )
    assert await next_diagnostics(client, path.as_uri()) == []
    assert path.read_text(encoding="utf-8") == PITFALL  # the disk copy still has the pitfall
