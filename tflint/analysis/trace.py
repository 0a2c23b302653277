"""Why a function runs traced: the record every graph-code message quotes."""

from __future__ import annotations

import os
from dataclasses import dataclass

from pylint.interfaces import CONTROL_FLOW, HIGH, INFERENCE, Confidence

# Strongest first: used to pick one explanation when several reach a function.
CONFIDENCE_RANK = {HIGH.name: 0, INFERENCE.name: 1, CONTROL_FLOW.name: 2}


@dataclass(frozen=True)
class Trace:
    """How a function comes to run traced.

    ``chain`` holds the function names from the traced entry point down to this
    function; ``origin`` says what traces the entry point ("@tf.function at line 12").
    """

    chain: tuple[str, ...]
    origin: str
    confidence: Confidence = HIGH
    autograph: bool = True
    origin_file: str = ""
    kind: str = "function"  # what traces the entry point: "function", "dataset" or "keras"

    def called_from(self, name: str, confidence: Confidence | None = None) -> Trace:
        """The trace of a function named ``name`` that this traced function calls."""
        weaker = confidence or self.confidence
        if CONFIDENCE_RANK.get(weaker.name, 3) < CONFIDENCE_RANK.get(self.confidence.name, 3):
            weaker = self.confidence
        return Trace(self.chain + (name,), self.origin, weaker, self.autograph, self.origin_file, self.kind)

    def describe(self, here: str | None = None) -> str:
        """A phrase for messages: "`helper` is called from `step`, traced by ...".

        ``here`` is the file being linted: an entry point elsewhere is named with its file.
        """
        origin = self.origin
        if self.origin_file and here and os.path.abspath(self.origin_file) != os.path.abspath(here):
            origin += f" in {os.path.basename(self.origin_file)}"
        if len(self.chain) == 1:
            return f"`{self.chain[0]}` is traced by {origin}"
        text = f"`{self.chain[-1]}` is called from `{self.chain[-2]}`"
        if len(self.chain) > 2:
            shown = self.chain if len(self.chain) <= 6 else (*self.chain[:3], "...", *self.chain[-2:])
            text += f" (call chain {' -> '.join(shown)})"
        return f"{text}, traced by {origin}"

    def sort_key(self) -> tuple[int, int, str]:
        """Deterministic preference: strongest confidence, shortest chain, then text."""
        return (CONFIDENCE_RANK.get(self.confidence.name, 3), len(self.chain), self.origin)
