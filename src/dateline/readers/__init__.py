"""The input side: files, folders and raw text into `Article`s.

`read_paths` is what the CLI calls; `read_text` builds one article from a
string; `parse_dateline` finds the wire header ("HANOI, December 26. /TASS/.")
that later stages keep out of the first sentence.
"""

from dateline.readers.dateline import parse_dateline
from dateline.readers.jsonl import article_from_record, read_json, read_jsonl
from dateline.readers.limits import DEFAULT_LIMITS, ReadLimits
from dateline.readers.paths import read_file, read_paths
from dateline.readers.text import read_text, read_text_file

__all__ = [
    "DEFAULT_LIMITS",
    "ReadLimits",
    "article_from_record",
    "parse_dateline",
    "read_file",
    "read_json",
    "read_jsonl",
    "read_paths",
    "read_text",
    "read_text_file",
]
