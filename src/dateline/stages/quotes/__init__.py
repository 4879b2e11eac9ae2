"""Quotes stage: direct and reported speech with speaker and cue."""

from dateline.stages.quotes.extract import extract_quotes

__all__ = ["extract_quotes"]
