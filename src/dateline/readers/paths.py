"""Reading every article under a set of paths, one batch that survives bad input.

A batch run over a folder of thousands of files should report the few bad
ones and go on, so problems are yielded as `InputError`s in the stream of
articles rather than raised; the caller decides whether to print, count or
stop on them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from dateline.errors import InputError
from dateline.model import Article
from dateline.readers.jsonl import read_json, read_jsonl
from dateline.readers.limits import DEFAULT_LIMITS, ReadLimits
from dateline.readers.text import read_text_file

# Which files a folder contributes; a file named explicitly is read whatever
# its suffix, as plain text unless it is JSON.
ARTICLE_SUFFIXES = frozenset({".txt", ".jsonl", ".json"})


def read_paths(
    paths: Iterable[str | Path], limits: ReadLimits = DEFAULT_LIMITS
) -> Iterator[Article | InputError]:
    """Articles from files and folders, in order, with an error for each bad input.

    A folder is read recursively in sorted order, taking ``.txt``, ``.jsonl``
    and ``.json`` files and skipping hidden files and folders. Anything that
    is not a regular file (a FIFO, a device such as ``/dev/zero``, a broken
    link) is an error rather than read: it could block or never end.
    """

    for given in paths:
        path = Path(given)
        if path.is_dir():
            for file in input_files(path):
                yield from read_file(file, limits)
        else:
            yield from read_file(path, limits)


def input_files(folder: Path) -> list[Path]:
    """The article files under `folder`, sorted, hidden ones left out.

    Entries named like articles that are not regular files (a FIFO called
    ``feed.txt``, a dangling link) are listed too, so reading reports them
    instead of passing over them without a word.
    """

    found = []
    for file in folder.rglob("*"):
        relative = file.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if file.suffix.lower() in ARTICLE_SUFFIXES and not file.is_dir():
            found.append(file)
    return sorted(found)


def read_file(path: Path, limits: ReadLimits = DEFAULT_LIMITS) -> Iterator[Article | InputError]:
    """One file by its suffix: JSON Lines, JSON, else one plain text article."""

    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from read_jsonl(path, limits)
    elif suffix == ".json":
        yield from read_json(path, limits)
    else:
        yield read_text_file(path, limits)
