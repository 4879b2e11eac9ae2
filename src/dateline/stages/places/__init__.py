"""Places stage: countries, cities and regions, geocoded offline."""

from dateline.stages.places.extract import extract_places

__all__ = ["extract_places"]
