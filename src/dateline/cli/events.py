"""Events and dyads: `dateline events`, `dateline dyad A B`."""

from __future__ import annotations

from dateline.cli import main  # noqa: F401  (commands register on it)
