"""Amounts stage: figures with unit, measure, change and period."""

from dateline.stages.amounts.extract import extract_amounts

__all__ = ["extract_amounts"]
