"""dateline: news dispatches to evidence-linked data."""
