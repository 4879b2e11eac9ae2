"""read_paths over files and folders, including the bad input a batch must survive.

Good articles are real dispatches (the bundled Kazinform example and TASS
openings); each bad input sits among them so the tests also show the batch
goes on past it.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from dateline.errors import InputError
from dateline.model import Article, article_id_for
from dateline.readers import read_paths

EXAMPLE = Path(__file__).parents[2] / "examples" / "kazinform-2022-07-04-smailov-mishustin.txt"

TASS_HANOI = (
    "Gennady Bezdetko noted that in order to achieve this goal, the parties must also resolve "
    "issues related to the full restoration of direct air traffic between the two countries\n\n"
    "HANOI, December 26. /TASS/. Thanks to the partial restoration of direct flights between "
    "Russia and Vietnam after the COVID-19 pandemic, the flow of Russian tourists arriving in "
    "Vietnam has increased again."
)
TASS_DONETSK = (
    "According to Anna Kuznetsova, the State Duma will continue to gather facts of the Kiev "
    "regime's crimes against children\n\nDONETSK, December 26. /TASS/. More than 50 children "
    "have been killed and more than 200 others wounded in Ukrainian strikes."
)
BBC = (
    "British Airways has blamed high fuel prices for a 40% drop in profits.\n\nReporting its "
    "results for the three months to 31 December 2004, the airline made a pre-tax profit of "
    "£75m ($141m) compared with £125m a year earlier."
)


def split(results: list[Article | InputError]) -> tuple[list[Article], list[InputError]]:
    articles = [r for r in results if isinstance(r, Article)]
    errors = [r for r in results if isinstance(r, InputError)]
    return articles, errors


def jsonl(path: Path, lines: list[object | str]) -> Path:
    path.write_text(
        "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n",
        encoding="utf-8",
    )
    return path


def test_plain_text_file_is_one_article() -> None:
    (article,) = read_paths([EXAMPLE])

    assert isinstance(article, Article)
    assert article.text == EXAMPLE.read_text(encoding="utf-8")
    assert article.id == article_id_for(article.text)
    assert article.origin == str(EXAMPLE)
    assert article.published == date(2022, 7, 4)
    assert article.dateline_place == "Yekaterinburg"


def test_text_is_kept_exactly_including_crlf_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"\xef\xbb\xbf" + TASS_HANOI.replace("\n", "\r\n").encode("utf-8"))

    (article,) = read_paths([path])

    assert isinstance(article, Article)
    assert article.text == TASS_HANOI.replace("\n", "\r\n")
    assert article.dateline is not None
    assert article.text[article.dateline.body_start :].startswith("Thanks to the partial")


def test_jsonl_keeps_ids_and_fields(tmp_path: Path) -> None:
    path = jsonl(
        tmp_path / "tass.jsonl",
        [
            {
                "id": "tass-1893799",
                "source": "TASS",
                "date": "2024-12-26",
                "title": "Russia expects to restore pre-pandemic level of tourist flow to Vietnam",
                "url": "https://tass.com/economy/1893799",
                "text": TASS_HANOI,
            },
            {
                "id": "tass-1893787",
                "meta": {"date": "2024-12-26", "source": "TASS"},
                "text": TASS_DONETSK,
            },
            {"text": BBC, "date": None},
        ],
    )

    articles, errors = split(list(read_paths([path])))

    assert errors == []
    assert [a.id for a in articles] == ["tass-1893799", "tass-1893787", article_id_for(BBC)]
    hanoi, donetsk, bbc = articles
    assert hanoi.url == "https://tass.com/economy/1893799"
    assert hanoi.title is not None and hanoi.title.startswith("Russia expects")
    assert hanoi.origin == f"{path}:1"
    assert (donetsk.published, donetsk.source) == (date(2024, 12, 26), "TASS")
    assert donetsk.dateline_place == "Donetsk"
    assert (bbc.published, bbc.source, bbc.dateline) == (None, None, None)


def test_gold_record_shape_is_read(tmp_path: Path) -> None:
    record = {
        "id": "kazinform-2022-07-04-smailov-mishustin",
        "text": EXAMPLE.read_text(encoding="utf-8"),
        "meta": {"date": "2022-07-04", "dateline": "Yekaterinburg", "source": "Kazinform"},
        "actors": [],
        "quotes": [],
    }
    (article,) = read_paths([jsonl(tmp_path / "gold.jsonl", [record])])

    assert isinstance(article, Article)
    assert article.id == "kazinform-2022-07-04-smailov-mishustin"
    assert (article.published, article.source) == (date(2022, 7, 4), "Kazinform")
    assert article.dateline_place == "Yekaterinburg"


@pytest.mark.parametrize(
    ("bad_line", "reason"),
    [
        ('{"id": "tass-1", "text": "HANOI, December 26', "is not valid JSON"),
        ('["a list", "not an object"]', "not an object"),
        ('{"id": "tass-2", "title": "no text"}', 'has no "text"'),
        ('{"id": "tass-3", "text": "   "}', 'has an empty "text"'),
        ('{"id": "tass-4", "text": 42}', 'has a non-string "text"'),
        (
            '{"id": "tass-5", "text": "MOSCOW, December 26. /TASS/. Ok.", "date": "26/12/2024"}',
            "YYYY-MM-DD",
        ),
        ('{"id": "tass-6", "text": "MOSCOW, December 26. /TASS/. Ok.", "title": ["x"]}', '"title"'),
    ],
)
def test_bad_jsonl_line_is_reported_and_reading_goes_on(
    tmp_path: Path, bad_line: str, reason: str
) -> None:
    path = jsonl(
        tmp_path / "batch.jsonl",
        [{"id": "first", "text": TASS_HANOI}, bad_line, "", {"id": "last", "text": TASS_DONETSK}],
    )

    articles, errors = split(list(read_paths([path])))

    assert [a.id for a in articles] == ["first", "last"]
    (error,) = errors
    assert (error.path, error.line) == (str(path), 2)
    assert reason in error.reason
    assert str(error).startswith(f"{path}:2: ")


def test_bad_bytes_on_a_jsonl_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.jsonl"
    good = json.dumps({"id": "ok", "text": TASS_HANOI}).encode("utf-8")
    path.write_bytes(good + b'\n{"id": "bad", "text": "S\xe3o Paulo"}\n' + good + b"\n")

    articles, errors = split(list(read_paths([path])))

    assert [a.id for a in articles] == ["ok", "ok"]
    (error,) = errors
    assert error.line == 2 and "UTF-8" in error.reason


def test_folder_is_read_recursively_sorted_without_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deeper").mkdir(parents=True)
    (tmp_path / ".cache").mkdir()
    (tmp_path / "b" / "hanoi.txt").write_text(TASS_HANOI, encoding="utf-8")
    (tmp_path / "a" / "deeper" / "donetsk.txt").write_text(TASS_DONETSK, encoding="utf-8")
    jsonl(tmp_path / "a" / "records.jsonl", [{"id": "bbc-1", "text": BBC}])
    (tmp_path / "a" / "notes.md").write_text("not an article", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(BBC, encoding="utf-8")
    (tmp_path / ".cache" / "copy.txt").write_text(BBC, encoding="utf-8")

    articles, errors = split(list(read_paths([tmp_path])))

    assert errors == []
    assert [a.dateline_place for a in articles] == ["Donetsk", None, "Hanoi"]
    assert articles[1].id == "bbc-1"


def test_json_array_file(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text(
        json.dumps([{"id": "tass-1893799", "text": TASS_HANOI}, {"id": "no-text"}], indent=2),
        encoding="utf-8",
    )

    articles, errors = split(list(read_paths([path])))

    assert [a.id for a in articles] == ["tass-1893799"]
    (error,) = errors
    assert "record 2" in error.reason and '"text"' in error.reason


def test_each_bad_file_is_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(TASS_HANOI, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text(" \n\t\n", encoding="utf-8")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("MOSCOW, December 26. /TASS/. The mayor of São Paulo".encode("latin-1"))
    empty_jsonl = tmp_path / "none.jsonl"
    empty_jsonl.write_text("\n\n", encoding="utf-8")
    missing = tmp_path / "missing.txt"

    results = list(read_paths([empty, binary, latin1, missing, empty_jsonl, good]))

    articles, errors = split(results)
    assert [a.origin for a in articles] == [str(good)]
    assert [e.path for e in errors] == [
        str(p) for p in (empty, binary, latin1, missing, empty_jsonl)
    ]
    reasons = [e.reason for e in errors]
    assert reasons[0].startswith("file is empty")
    assert reasons[1].startswith("looks like a binary file, not text")
    assert "not valid UTF-8" in reasons[2] and "convert" in reasons[2]
    assert errors[2].offset == len("MOSCOW, December 26. /TASS/. The mayor of S")
    assert str(errors[2]).startswith(f"{latin1} (byte {errors[2].offset}): ")
    assert "does not exist" in reasons[3]
    assert reasons[4].startswith("file is empty")
