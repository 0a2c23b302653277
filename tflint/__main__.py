"""``python -m tflint``: tflint's command line.

Each command lives in its own module, which provides ``HELP``, ``DESCRIPTION``,
``add_arguments(parser)`` and ``run(args) -> exit status``; adding a command is one line in
``COMMANDS``. Modules are imported only to build the parser, so a command's heavy imports
belong inside its ``run``. A module with ``PASSTHROUGH = True`` gets the arguments after ``--``
as ``args.passthrough`` (``check`` hands them to pylint); other commands refuse them. (tflint
installs no console script: ``tflint`` is also the name of a Terraform linter.)
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from importlib import metadata

import tflint

# command name -> module implementing it
COMMANDS: dict[str, str] = {
    "check": "tflint.cli.check",
    "rules": "tflint.cli.rules",
    "explain": "tflint.cli.explain",
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
    parts = [f"pylint {_installed('pylint')}", f"astroid {_installed('astroid')}", f"Python {sys.version.split()[0]}"]
    tensorflow = _installed("tensorflow", "tensorflow-cpu", "tensorflow-macos", "tf-nightly", "tf-nightly-cpu")
    parts.append(f"TensorFlow {tensorflow}" if tensorflow else "TensorFlow not installed")
    return f"tflint {tflint.__version__} ({', '.join(parts)})"


def build_parser() -> argparse.ArgumentParser:
    """The parser of ``python -m tflint``: one subcommand per entry of :data:`COMMANDS`."""
    parser = argparse.ArgumentParser(
        prog="python -m tflint",
        description="tflint: find TensorFlow 2 graph-mode pitfalls (a Pylint plugin) and confirm them at run time.",
    )
    parser.add_argument("--version", action="version", version=version_text())
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    for name, module_name in COMMANDS.items():
        module = importlib.import_module(module_name)
        command = commands.add_parser(
            name, help=module.HELP, description=module.DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
        )
        module.add_arguments(command)
        command.set_defaults(handler=module.run, takes_passthrough=getattr(module, "PASSTHROUGH", False))
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command ``argv`` names (default: the process' arguments); its exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    passthrough: list[str] = []
    if "--" in argv:
        cut = argv.index("--")
        argv, passthrough = argv[:cut], argv[cut + 1 :]
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    if passthrough and not args.takes_passthrough:
        parser.error(f"{args.command} takes no arguments after --")
    problem = tflint.load_problem()
    if problem is not None:  # every command needs the rules: say so once instead of a traceback
        print(f"python -m tflint {args.command}: {problem}", file=sys.stderr)
        return 2
    args.passthrough = passthrough
    try:
        return int(args.handler(args))
    except KeyboardInterrupt:  # the command has stopped what it started
        print("python -m tflint: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `python -m tflint rules | head`: the reader left, which is fine
        _silence_stdout()
        return 141  # what a shell reports for SIGPIPE


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    sys.exit(main())
