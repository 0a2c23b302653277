"""``python -m tflint check``: pylint with only tflint's rules, and defaults for a lint step.

Pylint runs in this process rather than as a child: one interpreter start and one import of
pylint and astroid instead of two, pylint's own exit status without translation, and a
progress line that hooks pylint's per-module bookkeeping (:mod:`tflint.cli.progress`).
``-j`` still gives pylint's worker processes.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

HELP = "lint PATH... with tflint's rules only (pylint runs underneath)"
DESCRIPTION = """\
Run pylint on PATH... with only tflint's rules enabled. The same as

  pylint --load-plugins=tflint --disable=all --enable=tflint --score=n -j 0 PATH...

(rules that are off by default stay off in both) except that:

- a folder means every .py file below it, also in folders without __init__.py inside a
  package; hidden folders, virtualenvs (venv, .venv, any folder with a pyvenv.cfg),
  __pycache__, node_modules, site-packages, build, dist, .tox, .nox and *.egg-info are
  skipped, and pylint's ignore, ignore-patterns and ignore-paths apply. Files and module
  names (pkg.mod) are linted as given;
- your pylint configuration (pyproject.toml [tool.pylint.*], pylintrc, setup.cfg; or
  --rcfile after --) is still read: tflint options (tf-*) apply, tflint rules it disables
  stay disabled, rules it enables are enabled, and its jobs, score and output-format
  settings replace these defaults.

Arguments after -- go to pylint unchanged, after the defaults, so they win:

  python -m tflint check src/ -- --enable=tf-eager-training-loop --tf-unroll-threshold=20

Exit status: pylint's. 0 when nothing was reported; otherwise the sum of 1 (fatal: a
module could not be read), 2 (error), 4 (warning), 8 (refactor), 16 (convention), and 32
for a usage error. --exit-zero after -- always gives 0.

On a terminal, a module counter is shown on stderr while pylint runs (--no-progress turns
it off); it never appears when stderr is redirected."""

PASSTHROUGH = True  # the arguments after `--` reach run() as args.passthrough

# What a lint step wants by default; a setting in the user's configuration replaces each.
_DEFAULTS = {
    "score": "--score=n",  # a score means little for one plugin's rules
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The command's own options; everything after ``--`` goes to pylint."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help="Python files, folders or modules to lint")
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="processes to lint with (default: one per CPU, pylint's -j 0, unless "
        "your configuration sets jobs; a single file is linted in this process)",
    )
    parser.add_argument(
        "-f",
        "--output-format",
        default=None,
        metavar="FORMAT",
        help="pylint's output format: text, parseable, colorized, json2, github, or a reporter's class path",
    )
    parser.add_argument("--no-progress", action="store_true", help="no module counter on the terminal")


class UserConfig:
    """What the user's pylint configuration file says, as far as ``check`` cares."""

    def __init__(self, values: dict[str, str] | None = None, path: Path | None = None) -> None:
        self.values = values or {}
        self.path = path

    def has(self, option: str) -> bool:
        """Does the file set ``option`` (``jobs``, ``score``, ...)?"""
        return option in self.values

    def entries(self, option: str) -> list[str]:
        """The comma- or newline-separated entries of ``disable``/``enable``."""
        return [e for e in re.split(r"[\s,]+", self.values.get(option, "")) if e]


def read_user_config(passthrough: list[str]) -> UserConfig:
    """The configuration file pylint will read: ``--rcfile`` after ``--``, else pylint's own search."""
    from pylint import config  # pylint: disable=import-outside-toplevel

    path = _rcfile_argument(passthrough)
    if path is None:
        try:
            path = next(config.find_default_config_files(), None)
        except Exception:  # pylint: disable=broad-exception-caught  # a broken file: pylint will say so
            path = None
    if path is None:
        return UserConfig()
    try:
        # pylint's own reader, so that toml lists and ini continuation lines mean what pylint thinks
        from pylint.config.config_file_parser import _RawConfParser  # pylint: disable=import-outside-toplevel

        values, _ = _RawConfParser.parse_config_file(Path(path), verbose=False)
    except Exception:  # pylint: disable=broad-exception-caught  # missing or invalid: pylint reports it
        return UserConfig(path=Path(path))
    return UserConfig({k: str(v) for k, v in values.items()}, Path(path))


def _rcfile_argument(passthrough: list[str]) -> Path | None:
    for index, arg in enumerate(passthrough):
        if arg.startswith("--rcfile="):
            return Path(arg.split("=", 1)[1])
        if arg == "--rcfile" and index + 1 < len(passthrough):
            return Path(passthrough[index + 1])
    return None


def rule_selection(user: UserConfig) -> list[str]:
    """``--disable=all`` and the ``--enable``/``--disable`` that leave tflint's rules as configured.

    ``--enable=tflint`` turns on the rules that are on by default: the opt-in ones belong to
    the ``tflint-opt-in`` checker. The configuration's tflint entries are replayed after
    ``--disable=all``, which would otherwise undo them; ``disable=all`` with a list of tflint
    rules in ``enable`` selects just those.
    """
    from tflint.checkers.base import CHECKER_NAME, OPT_IN_CHECKER_NAME  # pylint: disable=import-outside-toplevel
    from tflint.docs import all_rules  # pylint: disable=import-outside-toplevel

    # pylint matches checker names, symbols and ids in any case
    names = {n.lower() for r in all_rules() for n in (r.symbol, r.msgid)} | {CHECKER_NAME, OPT_IN_CHECKER_NAME}

    def ours(entries: list[str]) -> list[str]:
        return [e for e in entries if e.lower() in names]

    disabled, enabled = ours(user.entries("disable")), ours(user.entries("enable"))
    chosen = [e for e in enabled if e.lower() != CHECKER_NAME]
    # the configuration's `disable=all` plus tflint rules (not tflint itself) in `enable`
    just_chosen = "all" in user.entries("disable") and chosen and len(chosen) == len(enabled)
    selection = ["--disable=all"]
    if not just_chosen:
        selection.append(f"--enable={CHECKER_NAME}")
    if chosen:
        selection.append(f"--enable={','.join(chosen)}")
    if disabled:
        selection.append(f"--disable={','.join(disabled)}")
    return selection


def pylint_arguments(args: argparse.Namespace, user: UserConfig) -> list[str]:
    """The whole pylint command line for ``check``."""
    argv = ["--load-plugins=tflint"]
    argv += [flag for option, flag in _DEFAULTS.items() if not user.has(option)]
    if args.jobs is not None:
        argv.append(f"--jobs={args.jobs}")
    elif not user.has("jobs"):
        single_file = len(args.paths) == 1 and os.path.isfile(args.paths[0])
        argv.append("--jobs=1" if single_file else "--jobs=0")  # a worker pool only pays for many files
    if args.output_format is not None:
        argv.append(f"--output-format={args.output_format}")
    argv += rule_selection(user)
    return argv + args.passthrough + list(args.paths)


def run(args: argparse.Namespace) -> int:
    """Lint ``args.paths``; pylint's exit status."""
    from tflint.cli import progress as cli_progress  # pylint: disable=import-outside-toplevel

    args.passthrough = list(getattr(args, "passthrough", None) or [])
    argv = pylint_arguments(args, read_user_config(args.passthrough))
    show = not args.no_progress and cli_progress.wants_progress(sys.stderr)
    return cli_progress.run_pylint(argv, cli_progress.Progress(sys.stderr) if show else None)
