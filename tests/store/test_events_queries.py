"""`store.events.page` and `.dyad` over the hand-built seed and TASS extractions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from click.testing import CliRunner

from dateline.cli import main
from dateline.model import Extraction
from dateline.store import Store
from dateline.store.events import actor_matches


def test_actor_is_a_name_or_a_country_code() -> None:
    assert actor_matches("KAZ", "Alikhan Smailov", "KAZ")
    assert actor_matches("smailov", "Alikhan Smailov", "KAZ")
    assert not actor_matches("RUS", "Alikhan Smailov", "KAZ")
    assert not actor_matches("Mishustin", "Alikhan Smailov", "KAZ")


def test_consult_events_of_kazakhstan_since_2022(store: Store, seed: Extraction) -> None:
    store.save(seed)
    found = store.events.page(type="CONSULT", actor="KAZ", since=date(2022, 1, 1)).items
    assert [(e.type, e.date, e.place) for e in found] == [
        ("CONSULT", "2022-07-04", "Yekaterinburg")
    ]
    assert found[0].sources == ["Alikhan Smailov"]
    assert found[0].evidence.startswith("a meeting between Prime Ministers")
    assert found[0].intensity == 1.0, "the type's intensity fills a stored None"
    assert store.events.page(type="CONSULT", since=date(2023, 1, 1)).items == []
    assert store.events.page(actor="USA").items == []


def test_pages_of_events_add_up_to_the_whole_list(store: Store, seed: Extraction) -> None:
    store.save(seed)
    whole = store.events.page(actor="KAZ").items
    assert len(whole) >= 2, "the seed has more than one event with Kazakhstan"
    pages = [store.events.page(actor="KAZ", limit=1, offset=i) for i in range(len(whole) + 1)]
    assert [page.total for page in pages] == [len(whole)] * (len(whole) + 1)
    assert [event for page in pages for event in page.items] == whole
    assert pages[-1].items == [], "a page past the end is empty, not an error"


def test_dyad_counts_events_per_month_either_way_round(store: Store, seed: Extraction) -> None:
    store.save(seed)
    forward, backward = store.events.dyad("KAZ", "RUS"), store.events.dyad("RUS", "KAZ")
    assert forward == backward
    assert forward[0].month == "2022-07"
    assert forward[0].types["CONSULT"] == 1
    assert forward[0].events == sum(forward[0].types.values())
    assert store.events.dyad("KAZ", "USA") == []


def test_an_event_dated_by_its_year_alone_falls_in_no_month(store: Store, seed: Extraction) -> None:
    """The seed's cooperation projects dated "2021" only: the event is listed, but a
    chart of months has no month to put it in (and once answered /api/dyads with 500)."""

    cooperate = next(e for e in seed.events if e.type == "COOPERATE")
    cooperate.date = "2021"
    store.save(seed)
    assert "2021" in {e.date for e in store.events.page(pair=("KAZ", "RUS")).items}
    months = store.events.dyad("KAZ", "RUS", every_month=True)
    assert [m.month for m in months] == ["2022-07"]
    assert months[0].types == {"CONSULT": 1}


def test_cli_events_and_dyad(db_path: Path, seed: Extraction) -> None:
    with Store(str(db_path)) as store:
        store.save(seed)
    runner = CliRunner()
    listed = runner.invoke(
        main,
        [
            "events",
            "--type",
            "CONSULT",
            "--actor",
            "KAZ",
            "--since",
            "2022-01-01",
            "--db",
            str(db_path),
        ],
    )
    assert listed.exit_code == 0, listed.output
    assert "Alikhan Smailov -> Mikhail Mishustin in Yekaterinburg" in listed.output
    charted = runner.invoke(main, ["dyad", "KAZ", "RUS", "--db", str(db_path)])
    assert charted.exit_code == 0 and "2022-07" in charted.output
    bad = runner.invoke(main, ["events", "--since", "last year", "--db", str(db_path)])
    assert bad.exit_code == 1 and "YYYY-MM-DD" in bad.output
