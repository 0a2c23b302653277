"""``python -m tflint``: tflint's command line.

Each command lives in its own module, which provides ``HELP``, ``DESCRIPTION``,
``add_arguments(parser)`` and ``run(args) -> exit status``; adding a command is one line in
``COMMANDS``. Modules are imported only to build the parser, so a command's heavy imports
belong inside its ``run``. (tflint installs no console script: ``tflint`` is also the name of a
Terraform linter.)
"""

from __future__ import annotations

import argparse
import importlib
import sys
from importlib import metadata

import tflint

# command name -> module implementing it
COMMANDS: dict[str, str] = {
    "confirm": "tflint.runtime.cli",
}


def _installed(*distributions: str) -> str | None:
    for name in distributions:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return None


def version_text() -> str:
    """tflint's version and the versions a bug report needs (TensorFlow is not imported)."""
    parts = [f"pylint {_installed('pylint')}", f"astroid {_installed('astroid')}",
             f"Python {sys.version.split()[0]}"]
    tensorflow = _installed("tensorflow", "tensorflow-cpu", "tensorflow-macos", "tf-nightly", "tf-nightly-cpu")
    parts.append(f"TensorFlow {tensorflow}" if tensorflow else "TensorFlow not installed")
    return f"tflint {tflint.__version__} ({', '.join(parts)})"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m tflint",
        description="tflint: find TensorFlow 2 graph-mode pitfalls (a Pylint plugin) and confirm them at run time.",
    )
    parser.add_argument("--version", action="version", version=version_text())
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    for name, module_name in COMMANDS.items():
        module = importlib.import_module(module_name)
        command = commands.add_parser(name, help=module.HELP, description=module.DESCRIPTION,
                                      formatter_class=argparse.RawDescriptionHelpFormatter)
        module.add_arguments(command)
        command.set_defaults(handler=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.handler(args))
    except KeyboardInterrupt:  # the command has stopped what it started
        print("python -m tflint: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
