"""Property tests of the JSON Lines reader, the text decoder and the dateline parser.

Whatever bytes arrive, a reader yields articles and `InputError`s and never
raises; what it yields as an article is text every later step can take (no
NUL, no lone surrogate, within the length limit); text it can decode comes
back exactly. The dateline parser never raises on any text and its spans stay
inside the text. The number of examples is fixed (`BOUNDED`), so the run
takes a few seconds in CI; hypothesis keeps any failure it finds in its
local database and shrinks it to a small input.
"""

from __future__ import annotations

import codecs
import io
import json
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.errors import InputError
from dateline.model import Article
from dateline.readers import ReadLimits, parse_dateline
from dateline.readers.encoding import decode_text
from dateline.readers.jsonl import read_jsonl_stream

BOUNDED = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LIMITS = ReadLimits(article_chars=400, json_file_bytes=20_000)
UNSTORABLE = {"\x00", *map(chr, range(0xD800, 0xE000))}

any_char = st.characters(exclude_categories=())  # surrogates and controls included
wire_char = st.sampled_from("MOSCOW Putin said, «talks» — /TASS/. ё中\u00a0\t\n\"\\'") | any_char
texts = st.text(wire_char, max_size=60)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | texts,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3),
    max_leaves=8,
)
records = st.fixed_dictionaries(
    {},
    optional={
        "id": st.one_of(texts, st.integers(), st.none(), json_values),
        "text": st.one_of(texts, json_values),
        "title": st.one_of(texts, st.none(), json_values),
        "date": st.one_of(st.dates().map(str), texts, st.none()),
        "meta": json_values,
    },
)


def read_stream(data: bytes) -> list[Article | InputError]:
    results = list(read_jsonl_stream(io.BufferedReader(io.BytesIO(data)), "fuzz.jsonl", LIMITS))
    assert all(isinstance(r, Article | InputError) for r in results)
    return results


def assert_storable(article: Article) -> None:
    for value in (article.text, article.id, article.title, article.source, article.url):
        assert value is None or not UNSTORABLE & set(value)
    assert len(article.text) <= LIMITS.article_chars
    article.text.encode("utf-8")  # what spaCy, SQLite and PostgreSQL need


@BOUNDED
@given(st.binary(max_size=3000))
def test_any_bytes_as_jsonl_give_articles_and_errors_never_an_exception(data: bytes) -> None:
    for result in read_stream(data):
        if isinstance(result, Article):
            assert_storable(result)
        else:
            assert result.path == "fuzz.jsonl" and result.reason


def _serialise(record: dict[str, object], ascii_only: bool) -> bytes:
    line = json.dumps(record, ensure_ascii=ascii_only)
    # A lone surrogate cannot be UTF-8; written raw it is bytes no decoder takes.
    return line.encode("utf-8", "surrogatepass")


@BOUNDED
@given(
    st.lists(st.tuples(records, st.booleans()), min_size=1, max_size=6),
    st.sampled_from([b"", codecs.BOM_UTF8]),
)
def test_each_record_line_gives_one_result_and_an_article_keeps_its_text(
    lines: list[tuple[dict[str, object], bool]], bom: bytes
) -> None:
    data = bom + b"\n".join(_serialise(record, ascii_only) for record, ascii_only in lines)

    results = read_stream(data)

    assert len(results) == len(lines)
    for result, (record, _) in zip(results, lines, strict=True):
        if isinstance(result, InputError):
            continue
        assert_storable(result)
        assert result.text == record["text"]
        if isinstance(record.get("id"), str) and record["id"]:
            assert result.id == record["id"]
        text = record["text"]
        assert isinstance(text, str) and not UNSTORABLE & set(text)


@BOUNDED
@given(records, st.integers(min_value=0, max_value=200), st.binary(min_size=1, max_size=8))
def test_bytes_spliced_into_a_record_cost_at_most_that_line(
    record: dict[str, object], at: int, splice: bytes
) -> None:
    good = json.dumps({"id": "tass-1", "text": "HANOI, December 26. /TASS/. Flights resumed."})
    line = json.dumps(record).encode()
    cut = min(at, len(line))
    spliced = (line[:cut] + splice + line[cut:]).replace(b"\n", b" ")
    data = b"\n".join([good.encode(), spliced, good.encode()]) + b"\n"

    results = read_stream(data)

    if len(results) == 1:  # the whole stream was taken for binary
        assert isinstance(results[0], InputError) and results[0].line is None
        return
    assert [r.id for r in results if isinstance(r, Article)][:1] == ["tass-1"]
    assert isinstance(results[-1], Article) and results[-1].id == "tass-1"
    assert len(results) == 3


storable_text = st.text(
    st.characters(exclude_categories=["Cs"], exclude_characters=["\x00"]), min_size=1, max_size=300
)


@BOUNDED
@given(
    storable_text,
    st.sampled_from(
        [
            ("utf-8", b""),
            ("utf-8", codecs.BOM_UTF8),
            ("utf-16-le", codecs.BOM_UTF16_LE),
            ("utf-16-be", codecs.BOM_UTF16_BE),
            ("utf-32-le", codecs.BOM_UTF32_LE),
        ]
    ),
)
def test_decoded_text_is_exactly_the_text_written(text: str, encoding: tuple[str, bytes]) -> None:
    codec, bom = encoding
    if codec == "utf-8" and not bom and text.startswith("\ufeff"):
        text = "x" + text  # a leading U+FEFF in UTF-8 *is* the byte-order mark
    try:
        decoded = decode_text(bom + text.encode(codec), "fuzz.txt")
    except InputError as error:  # only a text full of controls may be taken for binary
        assert error.reason.startswith("looks like a binary file")
        assert sum(not c.isprintable() for c in text) > len(text) / 20
        return
    assert decoded == text


@BOUNDED
@given(st.binary(max_size=2000))
def test_decoding_any_bytes_gives_nul_free_text_or_an_input_error(data: bytes) -> None:
    try:
        text = decode_text(data, "fuzz.txt")
    except InputError as error:
        assert error.path == "fuzz.txt"
        return
    assert "\x00" not in text
    text.encode("utf-8")


place_word = st.text(st.characters(categories=["L"]), min_size=1, max_size=8)
wire_header = st.tuples(
    st.sampled_from(["", "A one-line lead of the dispatch\n\n", "date 2024-12-26\n"]),
    st.lists(place_word.map(str.upper) | place_word.map(str.title), min_size=1, max_size=3),
    st.sampled_from(["", " /Leningrad Region/", ", Ore.", " (Reuters)"]),
    st.sampled_from(["", ", December 26", ", Feb 30", ", 2024-13-45", " Nov. 19"]),
    st.sampled_from([". /TASS/. ", ". KAZINFORM - ", " - ", " (Reuters) - ", " — ", "\n", ". "]),
    texts,
)


@BOUNDED
@given(wire_header, st.none() | st.dates(min_value=date(1900, 1, 1)))
def test_dateline_parser_never_raises_and_its_spans_index_the_text(
    parts: tuple[str, list[str], str, str, str, str], published: date | None
) -> None:
    lead, words, region, day, separator, body = parts
    text = f"{lead}{' '.join(words)}{region}{day}{separator}{body}"

    header, found_day = parse_dateline(text, published)

    assert parse_dateline(text, published) == (header, found_day)
    if header is None:
        return
    assert 0 <= header.span.start <= header.place_span.start < header.place_span.end
    assert header.place_span.end <= header.span.end <= header.body_start < len(text)
    assert text[header.span.end : header.body_start].strip() == ""
    written = " ".join(text[header.place_span.start : header.place_span.end].split())
    assert header.place.casefold() == written.casefold()
    assert found_day is None or isinstance(found_day, date)
