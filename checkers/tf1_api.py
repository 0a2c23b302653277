"""tf-v1-api and tf-v1-removed-module: TF1-only API, and modules TensorFlow 2 removed."""

from __future__ import annotations

from astroid import nodes

from tflint.analysis import tf1
from tflint.checkers.tf1_base import V1Checker
from tflint.facts import tf1_replacements
from tflint.messages import msgid


class V1ApiChecker(V1Checker):
    """TF1-only symbols (from the generated table) and removed modules."""

    msgs = {
        msgid("W", 13): (
            "%s is TF1-only API (%s)%s; in TF2, %s%s",
            tf1.API,
            "TF1-only API, reached through tf.compat.v1 or an alias, that TensorFlow 2 lacks or "
            "gives another meaning. tflint's table of TF1-only symbols is generated from a real "
            "TensorFlow: every public symbol of tf.compat.v1 that TF2's namespace lacks, or has "
            "as a different object with other parameters. Such code only runs through the "
            "tf.compat.v1 shim, often only in graph mode, and tf_upgrade_v2 leaves it there; "
            "each message names the TF2 replacement.",
        ),
        msgid("E", 14): (
            "`%s` uses tf.%s, which TensorFlow %s removed: %s; in TF2, %s%s",
            tf1.REMOVED,
            "Modules TensorFlow 2 removed (tf.contrib, tf.estimator) fail at import or first use. "
            "tf.contrib was not shipped with TensorFlow 2.0 and tf.estimator was removed in 2.16: "
            "importing them raises ModuleNotFoundError or ImportError, and reaching them as "
            "tf.contrib.X raises AttributeError. Their contents moved to TF core, TF Addons, "
            "tf_slim or TF Probability.",
        ),
    }

    # ``tf.compat.v1.X``, ``tf.X`` under ``import tensorflow.compat.v1 as tf``, ``X`` after
    # ``from tensorflow.compat.v1 import X``, ``tf.contrib.X`` and the imports of removed modules.
    reports_on = {
        tf1.API: (nodes.Attribute, nodes.Name),
        tf1.REMOVED: (nodes.Attribute, nodes.Name, nodes.Import, nodes.ImportFrom),
    }

    def report(self, use: tf1.Use) -> None:
        """TF1-only API and removed modules."""
        if use.rule == tf1.API:
            self.add_message(tf1.API, node=use.node, args=_api_args(use), confidence=use.confidence)
        else:
            self.add_message(tf1.REMOVED, node=use.node, args=_removed_args(use), confidence=use.confidence)


def _display(use: tf1.Use) -> str:
    assert use.name is not None  # a tf-v1-api use always has its name (tf1._ModuleScan makes it with one)
    canonical = use.name.spelled
    return f"`{use.spelled}`" if use.spelled == canonical else f"`{use.spelled}` ({canonical})"


def _api_args(use: tf1.Use) -> tuple[str, ...]:
    entry, name = use.entry, use.name
    assert entry is not None and name is not None  # a tf-v1-api use is made with both (tf1._ModuleScan)
    fate = _fate(name, entry, use.group if use.group_is_module else entry.key)
    exact = tf1_replacements.REPLACEMENTS.get(name.path) or tf1_replacements.REPLACEMENTS.get(entry.key)
    if exact:
        fix, explanation = exact
    elif entry.tf2:
        fix, explanation = f"use tf.{entry.tf2}", ""
    else:
        fix, explanation = tf1_replacements.replacement(name.path) or _generic_fix(entry)
    if use.more:
        what = f" of tf.compat.v1.{use.group}" if use.group_is_module else ""
        more = f" (and {use.more} more use{'s' if use.more > 1 else ''}{what} in {use.scope})"
    else:
        more = ""
    return (_display(use), fate, f": {explanation}" if explanation else "", fix, more)


def _fate(name: tf1.TFName, entry: tf1.Entry, missing: str) -> str:
    if name.namespace != "v1":
        prefix = name.spelled[: len(name.spelled) - len(name.path)]
        return f"TensorFlow 2 has no {prefix}{missing}: AttributeError"
    if entry.status == "moved":
        return f"TensorFlow 2 calls it tf.{entry.tf2}"
    if entry.upgrade == "keeps tf.compat.v1":
        return f"TensorFlow 2's tf.{entry.key} does not replace it: tf_upgrade_v2 keeps tf.compat.v1.{entry.key}"
    if entry.upgrade == "rewrites the call":
        return f"TensorFlow 2's tf.{entry.key} takes other arguments: tf_upgrade_v2 rewrites the call"
    if entry.status == "changed":
        return f"tf.{entry.key} is a different {entry.kind} in TensorFlow 2"
    if entry.tf2:
        return f"TensorFlow 2 has tf.{entry.tf2} instead"
    return f"TensorFlow 2 has no tf.{missing}; it only runs through the tf.compat.v1 shim"


def _generic_fix(entry: tf1.Entry) -> tuple[str, str]:
    if entry.status == "changed":
        return (f"use TF2's tf.{entry.key} and check its arguments and behaviour", "")
    return ("rewrite it with TF2 API (TensorFlow ships no direct replacement)", "")


def _removed_args(use: tf1.Use) -> tuple[str, ...]:
    path = use.path
    module = use.group
    version = tf1.table()["removed_modules"][module]
    renamed = tf1.removed_rename(path)
    fix = f"use tf.{renamed}" if renamed else tf1_replacements.removed_module_replacement(path)
    more = f" (and {use.more} more use{'s' if use.more > 1 else ''} of tf.{module} in {use.scope})" if use.more else ""
    return (use.spelled, module, version, use.failure, fix, more)
