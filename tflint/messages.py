"""Message ids: one base id for every tflint message, defined here only."""

from __future__ import annotations

# Pylint reserves 51-99 for plugins; 73 is used by neither pylint nor its extensions
# (tests/unit/test_plugin.py loads them all to prove it).
BASE_ID = 73


def msgid(category: str, number: int) -> str:
    """``msgid("W", 1)`` -> ``"W7301"``."""
    return f"{category}{BASE_ID}{number:02d}"
