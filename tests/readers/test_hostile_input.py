"""Poison records and hostile files: each one error naming file and line, the batch goes on.

The cases are those of the hostile-user report (issue 22): records Python's
JSON decoder refuses, characters no store can hold, binary and UTF-16 files,
a byte-order mark on a later line, NULs, FIFOs and devices, and inputs past
the size limits. Every input is generated here, between good records of real
TASS dispatches, so each test also shows the records around the bad one are
read.
"""

from __future__ import annotations

import codecs
import json
import os
import random
import sys
import threading
from pathlib import Path

import pytest

from dateline.errors import InputError
from dateline.model import Article
from dateline.readers import ReadLimits, read_paths
from dateline.readers.encoding import UTF8, Encoding, sniff_encoding

TASS_HANOI = (
    "HANOI, December 26. /TASS/. Thanks to the partial restoration of direct flights between "
    "Russia and Vietnam after the COVID-19 pandemic, the flow of Russian tourists arriving in "
    "Vietnam has increased again."
)
TASS_DONETSK = (
    "DONETSK, December 26. /TASS/. More than 50 children have been killed and more than 200 "
    "others wounded in Ukrainian strikes."
)
GOOD_FIRST = json.dumps({"id": "tass-hanoi", "text": TASS_HANOI})
GOOD_LAST = json.dumps({"id": "tass-donetsk", "text": TASS_DONETSK})


def read_all(
    *paths: Path, limits: ReadLimits | None = None
) -> tuple[list[Article], list[InputError]]:
    results = list(read_paths(paths) if limits is None else read_paths(paths, limits))
    articles = [r for r in results if isinstance(r, Article)]
    errors = [r for r in results if isinstance(r, InputError)]
    assert len(articles) + len(errors) == len(results)
    return articles, errors


def between_good_records(path: Path, bad_line: str | bytes) -> Path:
    """`bad_line` as line 2 of a JSON Lines file, a good record before and after."""

    bad = bad_line if isinstance(bad_line, bytes) else bad_line.encode("utf-8")
    path.write_bytes(GOOD_FIRST.encode() + b"\n" + bad + b"\n" + GOOD_LAST.encode() + b"\n")
    return path


def the_one_error_on_line_2(path: Path, *, limits: ReadLimits | None = None) -> InputError:
    articles, errors = read_all(path, limits=limits)
    assert [a.id for a in articles] == ["tass-hanoi", "tass-donetsk"]
    (error,) = errors
    assert (error.path, error.line) == (str(path), 2)
    assert str(error).startswith(f"{path}:2: ")
    return error


HUGE_INT = "9" * 5000


@pytest.mark.parametrize(
    "bad_line",
    [
        f'{{"id": "big", "text": "MOSCOW. Putin said.", "views": {HUGE_INT}}}',
        f'{{"id": {HUGE_INT}, "text": "MOSCOW. Putin said."}}',
        f'{{"id": "big", "text": "MOSCOW. Putin said.", "meta": {{"n": [-{HUGE_INT}]}}}}',
    ],
    ids=["unused-field", "id", "nested-negative"],
)
def test_an_integer_over_4300_digits_anywhere_is_one_bad_record(
    tmp_path: Path, bad_line: str
) -> None:
    error = the_one_error_on_line_2(between_good_records(tmp_path / "b.jsonl", bad_line))
    assert "more than 4,300 digits" in error.reason and "string" in error.reason


def test_json_nested_200000_deep_is_one_bad_record(tmp_path: Path) -> None:
    deep = "[" * 200_000 + "]" * 200_000
    line = f'{{"id": "deep", "text": "MOSCOW. Putin said.", "m": {deep}}}'

    error = the_one_error_on_line_2(between_good_records(tmp_path / "n.jsonl", line))

    assert "too deeply" in error.reason


@pytest.mark.parametrize("field", ["text", "title", "id", "source", "url"])
def test_a_lone_surrogate_in_any_stored_field_is_one_bad_record(tmp_path: Path, field: str) -> None:
    record = {"id": "s", "text": "MOSCOW, December 26. /TASS/. Putin said hello."}
    record[field] = record.get(field, "x") + " \ud800 tail"
    line = json.dumps(record)  # ASCII: the surrogate is written as the escape \ud800
    assert "\\ud800" in line

    error = the_one_error_on_line_2(between_good_records(tmp_path / "s.jsonl", line))

    assert "lone surrogate \\ud800" in error.reason and f'"{field}"' in error.reason


def test_a_whole_surrogate_pair_is_a_character_and_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "emoji.jsonl"
    path.write_text('{"id": "e", "text": "MOSCOW. Putin smiled \\ud83d\\ude00."}\n', "utf-8")

    (article,), errors = read_all(path)

    assert errors == [] and article.text == "MOSCOW. Putin smiled \U0001f600."


def test_a_binary_jsonl_file_is_one_error(tmp_path: Path) -> None:
    elf = tmp_path / "program.jsonl"
    elf.write_bytes(Path(sys.executable).resolve().read_bytes()[:200_000])
    noise = tmp_path / "noise.jsonl"  # no NUL at all, and a newline every 256 bytes or so
    noise.write_bytes(random.Random(22).randbytes(50_000).replace(b"\x00", b"\x01"))
    assert noise.read_bytes().count(b"\n") > 100  # the report's /bin/ls: one error per line
    good = tmp_path / "good.jsonl"
    good.write_text(GOOD_FIRST + "\n", "utf-8")

    articles, errors = read_all(elf, noise, good)

    assert [a.id for a in articles] == ["tass-hanoi"]
    assert [(e.path, e.line) for e in errors] == [(str(elf), None), (str(noise), None)]
    assert all(e.reason.startswith("looks like a binary file") for e in errors)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_text_is_decoded_not_called_binary(tmp_path: Path, codec: str) -> None:
    text = "МОСКВА, 26 декабря. /ТАСС/. " + TASS_HANOI  # Cyrillic beside ASCII
    path = tmp_path / "notepad.txt"
    path.write_bytes(text.encode(codec))

    (article,), errors = read_all(path)

    assert errors == []
    assert article.text == text


def test_utf16_jsonl_records_are_each_read_once(tmp_path: Path) -> None:
    path = tmp_path / "powershell.jsonl"
    path.write_bytes(f"{GOOD_FIRST}\r\n{GOOD_LAST}\r\n".encode("utf-16"))

    articles, errors = read_all(path)

    assert errors == []
    assert [(a.id, a.text) for a in articles] == [
        ("tass-hanoi", TASS_HANOI),
        ("tass-donetsk", TASS_DONETSK),
    ]


def test_sniffing_tells_utf16_from_binary_and_utf8() -> None:
    assert sniff_encoding("Putin said hello.".encode("utf-16-be")) == Encoding("utf-16-be")
    assert sniff_encoding(codecs.BOM_UTF8 + b"MOSCOW") == Encoding("utf-8", 3)
    assert sniff_encoding("São Paulo".encode("latin-1")) == UTF8  # fails later, with a hint
    assert sniff_encoding(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00") is None


def test_a_bom_on_a_later_line_keeps_that_record(tmp_path: Path) -> None:
    path = tmp_path / "joined.jsonl"  # two files joined with cat, each with its mark
    path.write_bytes(
        codecs.BOM_UTF8 + GOOD_FIRST.encode() + b"\n" + codecs.BOM_UTF8 + GOOD_LAST.encode() + b"\n"
    )

    articles, errors = read_all(path)

    assert errors == []
    assert [a.id for a in articles] == ["tass-hanoi", "tass-donetsk"]
    assert not articles[1].text.startswith("\ufeff")


@pytest.mark.parametrize("at", [200, 9000, 100_000])
def test_a_nul_anywhere_in_a_text_file_is_refused_with_its_offset(tmp_path: Path, at: int) -> None:
    text = (TASS_HANOI + "\n\n") * (at // len(TASS_HANOI) + 2)
    path = tmp_path / "nul.txt"
    path.write_bytes(text[:at].encode() + b"\x00" + text[at:].encode())

    _, (error,) = read_all(path)

    assert error.offset == at
    assert error.reason.startswith("has a NUL character")


@pytest.mark.parametrize(
    ("bad_line", "says"),
    [
        (b'{"id": "n", "text": "MOSCOW. Putin\x00 said."}', "at column 35"),
        (b'{"id": "n", "text": "MOSCOW. Putin\\u0000 said."}', '(\\u0000) in "text"'),
        (b'{"id": "n", "text": "MOSCOW.", "title": "A\\u0000"}', '(\\u0000) in "title"'),
    ],
    ids=["raw", "escaped-text", "escaped-title"],
)
def test_a_nul_in_a_jsonl_record_is_refused(tmp_path: Path, bad_line: bytes, says: str) -> None:
    error = the_one_error_on_line_2(between_good_records(tmp_path / "nul.jsonl", bad_line))
    assert "NUL character" in error.reason and says in error.reason


def test_a_nul_in_a_jsonl_record_after_the_first_8_kib(tmp_path: Path) -> None:
    path = tmp_path / "late.jsonl"
    filler = [json.dumps({"id": f"f{n}", "text": TASS_HANOI}) for n in range(60)]
    bad = '{"id": "late", "text": "MOSCOW. Putin\\u0000 said."}'
    path.write_text("\n".join([*filler, bad, GOOD_LAST]) + "\n", "utf-8")
    assert path.stat().st_size > 8192

    articles, (error,) = read_all(path)

    assert len(articles) == 61 and error.line == 61 and "NUL" in error.reason


def run_bounded(target: list[Path]) -> tuple[list[Article], list[InputError]]:
    """`read_all` in a thread: a reader that blocks fails this test instead of hanging CI."""

    outcome: list[tuple[list[Article], list[InputError]]] = []
    worker = threading.Thread(target=lambda: outcome.append(read_all(*target)), daemon=True)
    worker.start()
    worker.join(timeout=60)
    assert outcome, "reading blocked on a FIFO or device"
    return outcome[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_named_or_in_a_folder_is_refused_not_waited_on(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    os.mkfifo(folder / "feed.txt")
    (folder / "hanoi.txt").write_text(TASS_HANOI, "utf-8")
    named = tmp_path / "named.jsonl"
    os.mkfifo(named)

    articles, errors = run_bounded([named, folder])

    assert [a.text for a in articles] == [TASS_HANOI]
    assert [e.path for e in errors] == [str(named), str(folder / "feed.txt")]
    assert all("is a FIFO" in e.reason and "not a regular file" in e.reason for e in errors)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_is_refused_not_read_forever(tmp_path: Path) -> None:
    good = between_good_records(tmp_path / "good.jsonl", GOOD_FIRST)

    articles, (error,) = run_bounded([Path("/dev/zero"), good])

    assert len(articles) == 3
    assert error.path == "/dev/zero" and "is a device" in error.reason


def test_a_broken_link_in_a_folder_is_reported(tmp_path: Path) -> None:
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")

    _, (error,) = read_all(tmp_path)

    assert error.path == str(tmp_path / "gone.txt") and "broken symbolic link" in error.reason


SMALL = ReadLimits(article_chars=1000, json_file_bytes=20_000)


def test_an_article_over_the_character_limit_is_one_error(tmp_path: Path) -> None:
    long_text = "MOSCOW, December 26. /TASS/. " + "Putin said the talks went well. " * 40
    line = json.dumps({"id": "long", "text": long_text})

    error = the_one_error_on_line_2(between_good_records(tmp_path / "l.jsonl", line), limits=SMALL)
    assert f"{len(long_text):,} characters" in error.reason and "--max-chars" in error.reason

    text_file = tmp_path / "long.txt"
    text_file.write_text(long_text, "utf-8")
    _, (error,) = read_all(text_file, limits=SMALL)
    assert error.path == str(text_file) and "more than the 1,000" in error.reason


def test_a_line_or_file_too_large_to_hold_an_article_is_one_error(tmp_path: Path) -> None:
    no_newline = '{"id": "x", "text": "' + "y" * (SMALL.line_bytes + 10) + '"}'
    error = the_one_error_on_line_2(
        between_good_records(tmp_path / "wide.jsonl", no_newline), limits=SMALL
    )
    assert f"larger than {SMALL.line_bytes:,} bytes" in error.reason

    big_text = tmp_path / "big.txt"
    big_text.write_bytes(b"word " * SMALL.text_file_bytes)
    big_json = tmp_path / "big.json"
    big_json.write_text(json.dumps([{"text": TASS_HANOI}] * 200), "utf-8")
    _, errors = read_all(big_text, big_json, limits=SMALL)
    assert [e.path for e in errors] == [str(big_text), str(big_json)]
    assert all("--max-chars" in e.reason for e in errors)
