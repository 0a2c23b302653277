"""A SARIF 2.1.0 reporter for pylint, for GitHub code scanning and other SARIF viewers.

Use it with pylint's ``--output-format``, which accepts a reporter's class path::

    pylint --load-plugins tflint --output-format=tflint.sarif.SarifReporter src/ > tflint.sarif
    pylint --load-plugins tflint --output-format=text,tflint.sarif.SarifReporter:tflint.sarif src/

Every message of the run is reported, tflint's and pylint's own. The tool is named
``tflint-tensorflow`` (bare "tflint" is the Terraform linter). Rule pages link to tflint's
documentation site; set ``TFLINT_DOCS_URL`` to point them elsewhere (see ``docs/ci.md``).
Nothing here imports TensorFlow.
"""

from __future__ import annotations

import json
import os
import sys
import tokenize
from collections.abc import Iterable
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urljoin, urlsplit

from pylint.constants import MSG_TYPES
from pylint.message import Message, MessageDefinition
from pylint.reporters.base_reporter import BaseReporter

import tflint
from tflint.checkers.base import CHECKER_NAME, OPT_IN_CHECKER_NAME

if TYPE_CHECKING:
    from pylint.lint import PyLinter
    from pylint.reporters.ureports.nodes import Section

TOOL_NAME = "tflint-tensorflow"
SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SARIF_VERSION = "2.1.0"
SRCROOT = "SRCROOT"

DOCS_URL_VARIABLE = "TFLINT_DOCS_URL"
DEFAULT_DOCS_URL = "https://tflint-tensorflow.readthedocs.io/en/latest/"
PYLINT_DOCS_URL = "https://pylint.readthedocs.io/en/stable/user_guide/messages/{category}/{symbol}.html"
TFLINT_CHECKERS = frozenset({CHECKER_NAME, OPT_IN_CHECKER_NAME})  # opt-in rules have a checker of their own

# pylint's categories as SARIF levels: fatal and error messages are errors, warnings stay
# warnings, and convention, refactor and info messages are notes.
_LEVELS = {"fatal": "error", "error": "error", "warning": "warning"}


def sarif_level(category: str) -> str:
    """The SARIF level (``error``, ``warning`` or ``note``) of a pylint message category."""
    return _LEVELS.get(category, "note")


def _tag(checker_name: str) -> str:
    """The rule's tag: its checker's name, ``tflint`` for all of tflint's rules alike."""
    return CHECKER_NAME if checker_name in TFLINT_CHECKERS else checker_name


def first_sentence(text: str) -> str:
    """The first sentence of ``text`` on one line, for a SARIF ``shortDescription``."""
    flat = " ".join(text.split())
    sentence = flat.split(". ", 1)[0].rstrip(".")
    return f"{sentence}." if sentence else ""


def _is_absolute_uri(value: str) -> bool:
    parts = urlsplit(value)
    return bool(parts.scheme) and (bool(parts.netloc) or parts.scheme == "file")


class DocsLinks:
    """Where tflint's rule pages live: a base URL, or a template with ``{symbol}``.

    The default is the documentation site built from ``docs/`` by mkdocs, whose rule pages
    are ``<base>rules/<symbol>/``. ``TFLINT_DOCS_URL`` overrides it with another base URL or
    with a page template such as ``https://example.org/docs/rules/{symbol}.md``.
    """

    def __init__(self, configured: str | None) -> None:
        value = (configured or "").strip()
        if value and not _is_absolute_uri(value.replace("{symbol}", "x")):
            # A reporter cannot emit a pylint message; stderr keeps the SARIF on stdout valid.
            print(
                f"tflint: ignoring {DOCS_URL_VARIABLE}={value!r}: not an absolute URL",
                file=sys.stderr,
            )
            value = ""
        value = value or DEFAULT_DOCS_URL
        if "{symbol}" in value:
            self.template = value
            self.home = urljoin(value.replace("{symbol}", ""), ".")
        else:
            self.home = value if value.endswith("/") else f"{value}/"
            self.template = self.home + "rules/{symbol}/"

    def rule_page(self, symbol: str) -> str:
        """The absolute URL of ``symbol``'s documentation page."""
        return self.template.replace("{symbol}", quote(symbol))


class SourceColumns:
    """Turns pylint's columns (UTF-8 byte offsets, as in Python's ``ast``) into SARIF's.

    SARIF counts columns in UTF-16 code units by default and from 1. The two agree on
    ASCII lines only, so lines with other characters are read back from the file.
    """

    def __init__(self) -> None:
        self._lines: dict[str, list[str] | None] = {}

    def _read(self, path: str) -> list[str] | None:
        if path not in self._lines:
            if len(self._lines) > 64:  # messages come file by file: a small cache suffices
                self._lines.clear()
            try:
                # tokenize.open honours the encoding cookie; universal newlines number
                # lines the way Python's parser does.
                with tokenize.open(path) as source:
                    self._lines[path] = source.readlines()
            except (OSError, SyntaxError, UnicodeDecodeError, ValueError):
                self._lines[path] = None
        return self._lines[path]

    def column(self, path: str, line: int, byte_offset: int) -> int:
        """The 1-based SARIF column of the 0-based UTF-8 ``byte_offset`` on ``line``."""
        lines = self._read(path)
        if lines is None or not 1 <= line <= len(lines) or lines[line - 1].isascii():
            return byte_offset + 1
        prefix = lines[line - 1].encode("utf-8")[:byte_offset].decode("utf-8", errors="ignore")
        return len(prefix.encode("utf-16-le")) // 2 + 1


class SarifReporter(BaseReporter):
    """Report every message of the run as one SARIF 2.1.0 log on the reporter's output."""

    name = "tflint-sarif"
    extension = "sarif"

    def __init__(self, output: Any = None) -> None:
        super().__init__(output)
        self.root = Path.cwd()
        self.docs = DocsLinks(os.environ.get(DOCS_URL_VARIABLE))
        self._columns = SourceColumns()
        self._pylint_msgids: set[str] | None = None

    def display_reports(self, layout: Section) -> None:
        """SARIF has no place for pylint's reports; they are left out."""

    def _display(self, layout: Section) -> None:
        """Nothing to display: the log is written by ``display_messages``."""

    def display_messages(self, layout: Section | None) -> None:
        """Write the SARIF log for all messages collected during the run."""
        print(json.dumps(self.sarif_log(), indent=2, ensure_ascii=False), file=self.out)

    # Building the log --------------------------------------------------------------

    def sarif_log(self) -> dict[str, Any]:
        """The SARIF log of the messages collected so far, as JSON-ready data."""
        messages = sorted(self.messages, key=lambda m: (m.path, m.line, m.column, m.msg_id))
        in_files = [m for m in messages if self._is_file_message(m)]
        elsewhere = [m for m in messages if not self._is_file_message(m)]

        definitions = self._rule_definitions(messages)
        rules = [self._rule(definition) for definition in definitions]
        index = {definition.msgid: position for position, definition in enumerate(definitions)}

        invocation: dict[str, Any] = {
            # pylint's fatal messages mean some of the analysis could not be done.
            "executionSuccessful": not any(m.category == "fatal" for m in messages),
        }
        if elsewhere:
            invocation["toolConfigurationNotifications"] = [self._notification(message, index) for message in elsewhere]
        run: dict[str, Any] = {
            "tool": {
                "driver": {
                    "name": TOOL_NAME,
                    "version": tflint.__version__,
                    "semanticVersion": tflint.__version__,
                    "informationUri": self.docs.home,
                    "rules": rules,
                }
            },
            "invocations": [invocation],
            "originalUriBaseIds": {SRCROOT: {"uri": self.root.as_uri().rstrip("/") + "/"}},
            "columnKind": "utf16CodeUnits",
            "results": [self._result(message, index) for message in in_files],
        }
        return {"$schema": SCHEMA_URI, "version": SARIF_VERSION, "runs": [run]}

    def _linter_or_none(self) -> PyLinter | None:
        return getattr(self, "linter", None)

    def _rule_definitions(self, messages: Iterable[Message]) -> list[MessageDefinition]:
        """All of tflint's rules, then the other rules that were reported, each once.

        tflint's whole catalogue is small and makes the rule list the same on every run;
        pylint's own has hundreds of messages, so only those that occur are described.
        """
        linter = self._linter_or_none()
        if linter is None:
            return []
        store = linter.msgs_store
        ours = sorted(
            (d for d in store.messages if d.checker_name in TFLINT_CHECKERS),
            key=lambda d: (d.msgid[1:], d.msgid[0]),  # the order of the rule table in docs/
        )
        seen = {d.msgid for d in ours}
        others: dict[str, MessageDefinition] = {}
        for message in messages:
            if message.msg_id in seen or message.msg_id in others:
                continue
            try:
                others[message.msg_id] = store.get_message_definitions(message.msg_id)[0]
            except Exception:  # pylint: disable=broad-exception-caught  # unknown ids stay rule-less
                continue
        return ours + [others[key] for key in sorted(others)]

    def _pylint_owned(self) -> set[str]:
        """Message ids defined by pylint itself (core checkers and pylint.extensions)."""
        if self._pylint_msgids is None:
            owned: set[str] = set()
            linter = self._linter_or_none()
            for checker in linter.get_checkers() if linter is not None else ():
                if type(checker).__module__.split(".", 1)[0] == "pylint":
                    owned.update(checker.msgs)
            self._pylint_msgids = owned
        return self._pylint_msgids

    def _help_uri(self, definition: MessageDefinition) -> str | None:
        if definition.checker_name in TFLINT_CHECKERS:
            return self.docs.rule_page(definition.symbol)
        if definition.msgid in self._pylint_owned():
            category = MSG_TYPES.get(definition.msgid[0], "")
            return PYLINT_DOCS_URL.format(category=category, symbol=quote(definition.symbol))
        return None  # another plugin's message: we do not know where it is documented

    def _rule(self, definition: MessageDefinition) -> dict[str, Any]:
        description = " ".join(definition.description.split())
        rule: dict[str, Any] = {
            "id": definition.msgid,
            "name": definition.symbol,
            "shortDescription": {"text": first_sentence(description) or definition.symbol},
            "fullDescription": {"text": description or definition.symbol},
            "defaultConfiguration": {"level": sarif_level(MSG_TYPES.get(definition.msgid[0], ""))},
            "properties": {"tags": [_tag(definition.checker_name)]},
        }
        help_uri = self._help_uri(definition)
        if help_uri is not None:
            rule["helpUri"] = help_uri
            rule["help"] = {
                "text": f"{description}\n\nDocumentation: {help_uri}",
                "markdown": f"{description}\n\n[`{definition.symbol}` documentation]({help_uri})",
            }
        return rule

    # Messages ----------------------------------------------------------------------

    def _absolute(self, message: Message) -> Path:
        # pylint leaves abspath relative for files it could not parse. Symlinks are kept as
        # they are: resolving one could move a file of the checkout outside SRCROOT.
        return Path(os.path.abspath(self.root / (message.abspath or message.path)))

    def _is_file_message(self, message: Message) -> bool:
        """Whether ``message`` is about a file (a result) or about the run (a notification)."""
        return bool(message.path) and self._absolute(message).is_file()

    def _artifact(self, message: Message) -> dict[str, Any]:
        absolute = self._absolute(message)
        try:
            relative = PurePath(os.path.relpath(absolute, self.root))
        except ValueError:  # another drive on Windows
            relative = None
        if relative is None or relative.parts[:1] == ("..",):
            return {"uri": absolute.as_uri()}
        return {"uri": quote(relative.as_posix()), "uriBaseId": SRCROOT}

    def _region(self, message: Message) -> dict[str, int] | None:
        if message.line < 1:
            return None
        path = str(self._absolute(message))
        region = {"startLine": message.line}
        if message.symbol == "syntax-error":
            # pylint passes the parser's column through: 1-based characters for "Parsing
            # failed", 0-based for tokenizer errors; neither is a byte offset.
            parser_offset = (message.msg or "").startswith("Parsing failed")
            start = message.column if parser_offset else message.column + 1
            if start >= 1:
                region["startColumn"] = start
            return region
        if message.column < 0:
            return region
        region["startColumn"] = self._columns.column(path, message.line, message.column)
        end_line, end_column = message.end_line, message.end_column
        if end_line is None or end_column is None or end_line < message.line or end_column < 0:
            return region
        end = self._columns.column(path, end_line, end_column)
        if end_line > message.line or end >= region["startColumn"]:
            region["endLine"] = end_line
            region["endColumn"] = end
        return region

    def _rule_reference(self, message: Message, index: dict[str, int]) -> dict[str, Any]:
        reference: dict[str, Any] = {"ruleId": message.msg_id}
        if message.msg_id in index:
            reference["ruleIndex"] = index[message.msg_id]
        return reference

    def _result(self, message: Message, index: dict[str, int]) -> dict[str, Any]:
        physical: dict[str, Any] = {"artifactLocation": self._artifact(message)}
        region = self._region(message)
        if region is not None:
            physical["region"] = region
        location: dict[str, Any] = {"physicalLocation": physical}
        if message.obj:
            qualified = f"{message.module}.{message.obj}"
            location["logicalLocations"] = [{"fullyQualifiedName": qualified}]
        return {
            **self._rule_reference(message, index),
            "level": sarif_level(message.category),
            "message": {"text": message.msg or message.symbol},
            "locations": [location],
            "properties": {"symbol": message.symbol, "confidence": message.confidence.name},
        }

    def _notification(self, message: Message, index: dict[str, int]) -> dict[str, Any]:
        notification: dict[str, Any] = {
            "level": sarif_level(message.category),
            "message": {"text": message.msg or message.symbol},
        }
        if message.msg_id in index:
            notification["associatedRule"] = {"id": message.msg_id, "index": index[message.msg_id]}
        return notification
