"""Actors stage: people, organisations and countries, merged across all their names."""

from dateline.stages.actors.extract import extract_actors, mention_texts, slug

__all__ = ["extract_actors", "mention_texts", "slug"]
