"""Events stage: PLOVER events with sides, mode, place and date."""

from dateline.stages.events.extract import extract_events

__all__ = ["extract_events"]
