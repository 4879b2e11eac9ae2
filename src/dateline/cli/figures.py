"""Figures over time: `dateline figures --measure ... --between ...`."""

from __future__ import annotations

from dateline.cli import main  # noqa: F401  (commands register on it)
