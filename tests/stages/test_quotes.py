"""The quotes stage on real dispatches: seed, TASS dev gold, BBC, Guardian."""

from __future__ import annotations

import json
import re

import pytest
from spacy.language import Language
from tests.conftest import DEV_GOLD

from dateline.document.marks import find_quoted_texts
from dateline.model import Actor, Article, Quote, Span
from dateline.parsing import ParsedDoc, parse_article
from dateline.stages.quotes import extract_quotes

GOLD_DIR = DEV_GOLD


def gold_article(name: str, article_id: str) -> dict:
    for line in (GOLD_DIR / name).read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["id"] == article_id:
            return record
    raise LookupError(article_id)


def actor(text: str, actor_id: str, kind: str, *mentions: str) -> Actor:
    """An actor with every occurrence of its mention strings, as the actors
    stage reports them (role nominals included)."""

    spans = [
        Span(m.start(), m.end())
        for mention in mentions
        for m in re.finditer(rf"(?<!\w){re.escape(mention)}(?!\w)", text)
    ]
    return Actor(id=actor_id, name=mentions[0], kind=kind, mentions=sorted(spans))  # type: ignore[arg-type]


def parse(nlp: Language, text: str) -> ParsedDoc:
    return parse_article(Article(id="test", text=text), nlp)


def by_kind(quotes: list[Quote], kind: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in quotes if q.kind == kind]


# --- the seed article ---------------------------------------------------------


SEED = gold_article("seed.jsonl", "kazinform-2022-07-04-smailov-mishustin")


def seed_actors(text: str) -> list[Actor]:
    return [
        actor(
            text,
            "smailov",
            "person",
            "Alikhan Smailov",
            "Smailov",
            "The Kazakh Premier",
            "the Kazakh Premier",
            "the Kazakh Prime Minister",
            "the Head of the Kazakh Cabinet of Ministers",
        ),
        actor(
            text,
            "mishustin",
            "person",
            "Mikhail Mishustin",
            "Mishustin",
            "the Russian Prime Minister",
        ),
        actor(text, "kazakhstan", "country", "Kazakhstan"),
        actor(text, "russia", "country", "Russia"),
        actor(text, "kazakh-government", "organization", "The Kazakh government"),
        actor(text, "russian-government", "organization", "the Russian government"),
        actor(text, "kazinform", "organization", "Kazinform"),
    ]


def test_seed_direct_quotes_have_gold_text_and_speakers(nlp: Language) -> None:
    text = SEED["text"]
    quotes = extract_quotes(parse(nlp, text), seed_actors(text))
    gold = [(q["text"], q["speaker"]) for q in SEED["quotes"] if q["kind"] == "direct"]
    assert by_kind(quotes, "direct") == gold
    for quote in quotes:
        assert quote.text == text[quote.span.start : quote.span.end]
        assert quote.cue is not None
        assert text[quote.cue.start : quote.cue.end] in ("said", "highlighted", "added")


def test_seed_reported_speech_matches_gold(nlp: Language) -> None:
    text = SEED["text"]
    quotes = extract_quotes(parse(nlp, text), seed_actors(text))
    gold = [(q["text"], q["speaker"]) for q in SEED["quotes"] if q["kind"] == "indirect"]
    assert by_kind(quotes, "indirect") == gold


def test_speaker_is_none_when_the_subject_names_no_actor(nlp: Language) -> None:
    text = SEED["text"]
    only_countries = [a for a in seed_actors(text) if a.kind == "country"]
    quotes = extract_quotes(parse(nlp, text), only_countries)
    assert quotes and all(q.speaker is None for q in quotes)


# --- TASS dev gold ------------------------------------------------------------


def test_tass_pronoun_he_said_after_an_attributed_report(nlp: Language) -> None:
    record = gold_article("tass_dev.jsonl", "tass-1894079")
    text = record["text"]
    actors = [
        actor(text, "putin", "person", "Vladimir Putin", "Putin", "the head of state"),
        actor(text, "russia", "country", "Russia"),
    ]
    quotes = extract_quotes(parse(nlp, text), actors)
    gold = [(q["text"], q["speaker"]) for q in record["quotes"] if q["kind"] == "direct"]
    assert by_kind(quotes, "direct") == gold
    headline = by_kind(quotes, "indirect")[0]
    assert headline == ("There is always something new at certain sections of the front", "putin")


def test_tass_she_said_and_according_to(nlp: Language) -> None:
    record = gold_article("tass_dev.jsonl", "tass-1893787")
    text = record["text"]
    actors = [
        actor(text, "kuznetsova", "person", "Anna Kuznetsova", "the lawmaker"),
        actor(text, "state-duma", "organization", "State Duma"),
    ]
    quotes = extract_quotes(parse(nlp, text), actors)
    assert all(q.speaker == "kuznetsova" for q in quotes)
    reported = [t for t, _ in by_kind(quotes, "indirect")]
    assert (
        "the State Duma will continue to gather facts of the Kiev regime's crimes against children"
        in reported
    )
    assert by_kind(quotes, "direct") == [
        (q["text"], q["speaker"]) for q in record["quotes"] if q["kind"] == "direct"
    ]


def test_tass_split_quotes_with_role_nominal_and_pronoun(nlp: Language) -> None:
    record = gold_article("tass_dev.jsonl", "tass-1893783")
    text = record["text"]
    actors = [
        actor(
            text,
            "lavrov",
            "person",
            "Sergey Lavrov",
            "Lavrov",
            "the Russian top diplomat",
            "the Russian foreign minister",
        ),
        actor(text, "usa", "country", "the US"),
        actor(text, "israel", "country", "Israel"),
        actor(text, "syria", "country", "Syria", "the Syrian state"),
    ]
    quotes = extract_quotes(parse(nlp, text), actors)
    direct = by_kind(quotes, "direct")
    assert ("This is a longstanding principle of indivisible security,", "lavrov") in direct
    assert all(speaker == "lavrov" for _, speaker in direct)
    # The partial quote after "stressed the need to" is speech: long, with a cue.
    assert sum(t.startswith("address problems in eastern Syria") for t, _ in direct) == 2


def test_tass_dev_recall_and_speakers(nlp: Language) -> None:
    """Every non-optional gold quote of the TASS dev set is found (token
    Jaccard >= 0.6) with the gold speaker, and nothing else is reported."""

    def words(text: str) -> set[str]:
        return set(re.findall(r"\w+", text.lower()))

    def jaccard(a: str, b: str) -> float:
        wa, wb = words(a), words(b)
        return len(wa & wb) / len(wa | wb)

    lines = (GOLD_DIR / "tass_dev.jsonl").read_text(encoding="utf-8").splitlines()
    for record in map(json.loads, lines):
        text = record["text"]
        actors = [actor(text, a["id"], a["kind"], *a["mentions"]) for a in record["actors"]]
        found = extract_quotes(parse(nlp, text), actors)
        for gold in record["quotes"]:
            hits = [
                q for q in found if q.kind == gold["kind"] and jaccard(q.text, gold["text"]) >= 0.6
            ]
            if not gold.get("optional"):
                assert hits, (record["id"], gold["text"])
                assert any(q.speaker == gold["speaker"] for q in hits), (record["id"], gold)
        for quote in found:
            assert any(
                g["kind"] == quote.kind and jaccard(quote.text, g["text"]) >= 0.6
                for g in record["quotes"]
            ), (record["id"], quote.text)


# --- mark styles, scare quotes, paragraphs ------------------------------------

LAVROV = "We should prevent the Syrian state from fragmenting that some would like to see,"


@pytest.mark.parametrize(
    ("opening", "closing"),
    [("“", "”"), ('"', '"'), ("«", "»"), ("„", "“"), ("‚", "‘"), ("‘", "’"), ("‹", "›")],
)
def test_every_quotation_mark_convention(nlp: Language, opening: str, closing: str) -> None:
    text = f"{opening}{LAVROV}{closing} the Russian top diplomat noted."
    actors = [actor(text, "lavrov", "person", "the Russian top diplomat")]
    quotes = extract_quotes(parse(nlp, text), actors)
    assert [(q.kind, q.text, q.speaker) for q in quotes] == [("direct", LAVROV, "lavrov")]
    assert quotes[0].cue is not None and text[quotes[0].cue.start : quotes[0].cue.end] == "noted"


def test_apostrophes_are_not_closing_quotes() -> None:
    text = (
        "Putin said: ‘Russia’s position on the Kremlin’s talks is the leaders’ own choice’, "
        "he added."
    )
    (quote,) = find_quoted_texts(text)
    assert text[quote.start : quote.end] == (
        "Russia’s position on the Kremlin’s talks is the leaders’ own choice"
    )


def test_nested_quotes_stay_inside_the_outer_quote() -> None:
    text = "«We call it „the Oreshnik“ and it works,» he said."
    (quote,) = find_quoted_texts(text)
    assert text[quote.start : quote.end] == "We call it „the Oreshnik“ and it works,"


def test_reopened_quote_after_lost_paragraph_break_is_one_quote() -> None:
    text = (
        "He told BBC Radio 4’s Today programme: “Clearly Shamima Begum holds abhorrent views, "
        "but she was a child, a product of our society. “I think we had a moral responsibility "
        "to her and indeed to her baby.” A Kurdish intelligence official said Jarrah had been "
        "taken to hospital."
    )
    (quote,) = find_quoted_texts(text)
    assert text[quote.start : quote.end].startswith("Clearly Shamima Begum")
    assert text[quote.start : quote.end].endswith("indeed to her baby.")


def test_scare_quotes_and_names_are_not_speech(nlp: Language) -> None:
    text = (
        "The European Union intends to impose new sanctions on the so-called "
        '"Russia’s shadow fleet" over the incident in the Baltic Sea, according to a joint '
        "statement by the European Commission and EU diplomacy chief Kaja Kallas.\n\n"
        'Russia has used the "Oreshnik" missile in the "special military operation" area.'
    )
    actors = [actor(text, "kallas", "person", "Kaja Kallas")]
    quotes = extract_quotes(parse(nlp, text), actors)
    assert by_kind(quotes, "direct") == []
    # The sentence is reported speech of the statement, not of Kallas.
    (reported,) = quotes
    assert reported.kind == "indirect" and reported.speaker is None
    assert reported.text.startswith("The European Union intends to impose new sanctions")


def test_quote_over_two_paragraphs_is_one_quote(nlp: Language) -> None:
    text = (
        "Former cabinet colleague Lord Hattersley said his first reaction on hearing the news "
        'was "immense sadness".\n\n"It was not a major surprise - I knew what a blow the death '
        'of his wife Audrey was a few days ago," he said. "He was a decent kindly man who helped '
        'me and my generation of politicians immensely.\n\n"The Labour party and the country '
        'will be poorer without him." Conservative peer Lord Heseltine said that despite their '
        "political differences, he and Lord Callaghan became friends."
    )
    actors = [
        actor(text, "hattersley", "person", "Lord Hattersley"),
        actor(text, "heseltine", "person", "Lord Heseltine"),
        actor(text, "callaghan", "person", "Lord Callaghan"),
    ]
    quotes = extract_quotes(parse(nlp, text), actors)
    direct = [q for q in quotes if q.kind == "direct"]
    assert [q.speaker for q in direct] == ["hattersley", "hattersley"]
    assert direct[1].text.startswith("He was a decent kindly man")
    assert direct[1].text.endswith("will be poorer without him.")
    reported = by_kind(quotes, "indirect")
    assert reported[-1] == (
        "despite their political differences, he and Lord Callaghan became friends",
        "heseltine",
    )


def test_uncued_paragraph_continues_previous_speaker(nlp: Language) -> None:
    text = (
        '"All leading countries emphasize the need to make this process inclusive, so that '
        'Syrian people of all political views could take part in it," Lavrov pointed out.\n\n'
        '"The process is not an easy one, but we are ready to facilitate it."'
    )
    actors = [actor(text, "lavrov", "person", "Lavrov")]
    quotes = extract_quotes(parse(nlp, text), actors)
    assert [(q.speaker, q.cue is None) for q in quotes] == [("lavrov", False), ("lavrov", True)]


def test_seed_through_the_actors_stage(nlp: Language) -> None:
    """With the real actors stage the seed speakers are its Smailov and Mishustin."""

    actors_stage = pytest.importorskip("dateline.stages.actors.extract")
    text = SEED["text"]
    parsed = parse(nlp, text)
    actors = actors_stage.extract_actors(parsed)
    named = {actor.id: {text[s.start : s.end] for s in actor.mentions} for actor in actors}
    quotes = extract_quotes(parsed, actors)
    gold = [(q["kind"], q["text"], q["speaker"]) for q in SEED["quotes"]]
    assert [(q.kind, q.text) for q in quotes] == [(kind, text) for kind, text, _ in gold]
    for quote, (_, _, speaker) in zip(quotes, gold, strict=True):
        assert quote.speaker is not None and speaker.capitalize() in named[quote.speaker]


# --- PolNeAR train articles (shared/corpus/polnear) ---------------------------


def test_colon_closing_the_paragraph_before_introduces_the_quote(nlp: Language) -> None:
    text = (
        "Cruz was brilliantly articulate when the moderators yielded to snark.\n\n"
        "Cruz continued:\n\n"
        "“You look at the questions: Donald Trump, are you a comic book villain? "
        "Ben Carson, can you do math?”"
    )
    quotes = extract_quotes(parse(nlp, text), [actor(text, "cruz", "person", "Cruz")])
    assert [(q.speaker, text[q.cue.start : q.cue.end] if q.cue else None) for q in quotes] == [
        ("cruz", "continued")
    ]


def test_bare_attribution_after_a_full_stop(nlp: Language) -> None:
    text = (
        "“Russia, if you’re listening, I hope you’re able to find the 30,000 emails "
        "that are missing.” Trump said.\n\n"
        "Clinton says the mails were personal and not work-related."
    )
    actors = [
        actor(text, "trump", "person", "Trump"),
        actor(text, "clinton", "person", "Clinton"),
    ]
    quotes = extract_quotes(parse(nlp, text), actors)
    assert by_kind(quotes, "direct")[0][1] == "trump"


def test_quote_opening_the_next_paragraph_continues_the_speaker(nlp: Language) -> None:
    text = (
        "“CNN had 23 million people — it was the biggest show in the history of CNN,” "
        "Trump said, referring to the Sept. 16 debate on the network. “How about we do "
        "this for CNN: I won’t do the debate unless they pay me $5 million.”\n\n"
        "“We have to be a lot tougher. We are playing with a different set of rules.”"
    )
    quotes = extract_quotes(parse(nlp, text), [actor(text, "trump", "person", "Trump")])
    assert [speaker for _, speaker in by_kind(quotes, "direct")] == ["trump"] * 3


def test_surname_the_actors_stage_missed_still_names_the_speaker(nlp: Language) -> None:
    text = (
        "Bernie Sanders appeared on HBO’s Real Time with Bill Maher.\n\n"
        "Sanders responded, “It has. But this is what I also think, there is enormous "
        "frustration on the part of the American people.”"
    )
    # As the actors stage reports it: the second "Sanders" is not among the mentions.
    sanders = Actor("sanders", "Bernie Sanders", "person", [Span(0, 14)])
    maher = actor(text, "maher", "person", "Bill Maher")
    quotes = extract_quotes(parse(nlp, text), [sanders, maher])
    assert by_kind(quotes, "direct")[0][1] == "sanders"


# --- PolNeAR passages (shared/corpus/polnear, dev split) ----------------------


def through_actors(nlp: Language, text: str) -> tuple[dict[str, Actor], list[Quote]]:
    from dateline.stages.actors import extract_actors

    parsed = parse(nlp, text)
    actors = extract_actors(parsed)
    return {a.id: a for a in actors}, extract_quotes(parsed, actors)


def speaker_name(actors: dict[str, Actor], quote: Quote) -> str | None:
    return actors[quote.speaker].name if quote.speaker else None


def test_described_speaker_is_an_actor_of_its_own(nlp: Language) -> None:
    text = (
        "Former Obama adviser David Axelrod on Wednesday called on Howard Dean to apologize "
        "to Donald Trump.\n\n“My reaction, that was outrageous,” Obama's former campaign "
        "strategist said in an interview with CNN’s Wolf Blitzer. “He, like Donald Trump, has "
        "refused to apologize for an outrageous statement. He really should.”"
    )
    actors, quotes = through_actors(nlp, text)
    direct = [q for q in quotes if q.kind == "direct"]
    assert [speaker_name(actors, q) for q in direct] == ["Obama's former campaign strategist"] * 2
    assert actors[direct[0].speaker or ""].kind == "person"


def test_a_report_that_says_something_is_no_speaker(nlp: Language) -> None:
    text = (
        "The middle one-fifth paid 8.9 percent, the agency said in a June report, and those in "
        "the bottom fifth of incomes paid 0.8 percent. The report said that the top 1 percent "
        "paid 25.4 percent of all federal taxes."
    )
    actors, quotes = through_actors(nlp, text)
    names = {a.name: a.kind for a in actors.values()}
    assert names.get("the agency") == "organization"
    assert not any("report" in name.lower() for name in names)
    reported = {q.text: speaker_name(actors, q) for q in quotes}
    assert reported.get("the top 1 percent paid 25.4 percent of all federal taxes") is None


def test_split_quote_after_a_title_abbreviation_and_a_quoted_not(nlp: Language) -> None:
    text = (
        "Mr. Obama's speech coincided this weekend with massive get-out-the-vote efforts by the "
        "Clinton campaign, said Minyon Moore, a Clinton adviser.\n\n"
        '"Are we where we need to be? Probably not," Ms. Moore said. "Are we going to get to '
        'where we need to be? Absolutely."'
    )
    actors, quotes = through_actors(nlp, text)
    direct = [speaker_name(actors, q) for q in quotes if q.kind == "direct"]
    assert direct == ["Minyon Moore", "Minyon Moore"]


def test_subject_inside_the_quote_does_not_hide_the_speaker(nlp: Language) -> None:
    text = (
        '"He would be a great senator. Not good, great. One of the brightest members of the '
        'entire Congress," Rep. Elijah E. Cummings (D-Md.) said in a phone interview.'
    )
    actors, quotes = through_actors(nlp, text)
    assert [speaker_name(actors, q) for q in quotes] == ["Elijah E. Cummings"]


def test_name_with_apposition_between_quote_and_cue(nlp: Language) -> None:
    text = (
        "“He's absolutely right. There's a severe disconnect between this White House and "
        "frankly the president and our military,” Flynn, a top Trump surrogate, said Thursday "
        "morning on Fox News’s “Fox and Friends.” Michael Flynn has advised Trump."
    )
    actors, quotes = through_actors(nlp, text)
    direct = [q for q in quotes if q.kind == "direct" and q.text.startswith("He's")]
    assert [speaker_name(actors, q) for q in direct] == ["Michael Flynn"]


def test_headline_colon_and_dash_sign_off(nlp: Language) -> None:
    text = (
        "Pence: Gennifer Flowers Won’t Be at Debate, Trump Was ‘Mocking’ Clinton Camp.\n\n"
        "On this weekend’s broadcast of “Fox News Sunday,” Republican vice-presidential "
        "nominee Gov. Mike Pence said Gennifer Flowers will not attend.\n\n"
        "Getty/Instagram.\n\n"
        "”Mr. Trump embodies the lasting legacy of racism in the United States. He has "
        "empowered white racists to be open with their prejudice. His candidacy has brought "
        "about social division and strife. He represents our greatest shame.” ― Sonya Herridge\n"
        "“During the debate Trump said Hispanics live in hell. He is ignorant of our culture "
        "and lives.”― Pamela Padilla\xa0\n"
        "Getty/Instagram: photos of the debate night crowd."
    )
    actors, quotes = through_actors(nlp, text)
    found = {q.text: (q.kind, speaker_name(actors, q)) for q in quotes}
    headline = "Gennifer Flowers Won’t Be at Debate, Trump Was ‘Mocking’ Clinton Camp"
    assert found[headline] == ("indirect", "Mike Pence")
    sign_off = next(v for k, v in found.items() if k.startswith("Mr. Trump embodies"))
    assert sign_off == ("direct", "Sonya Herridge")
    assert not any(k.startswith("photos") for k in found)


# --- PolNeAR train passages: marks, short quotes, speakers the parse hides ----


def direct_speakers(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    """(first words, speaker name) of each direct quote, through the actors stage."""

    actors, quotes = through_actors(nlp, text)
    return [(q.text[:20], speaker_name(actors, q)) for q in quotes if q.kind == "direct"]


def test_doubled_apostrophes_are_double_quotation_marks(nlp: Language) -> None:
    text = (
        "''You'd think the business community would be up in arms over this, but I haven't "
        "heard a peep,'' said Mr. Holtz-Eakin. ''The focus on personalities has driven this "
        "off the radar.''\n\n"
        "A reader would now ask: ''WHAT? Part of the network President Vladimir Putin formed "
        "a few years ago to 'break the Anglo-Saxon monopoly on the global information "
        "streams?'.''"
    )
    texts = [text[q.start : q.end] for q in find_quoted_texts(text)]
    assert texts[0].startswith("You'd think") and texts[0].endswith("heard a peep,")
    assert texts[1] == "The focus on personalities has driven this off the radar."
    assert texts[2].endswith("information streams?'.")
    # The model misses the hyphenated name; as the cue's subject it still speaks.
    assert direct_speakers(nlp, text)[:2] == [
        ("You'd think the busi", "Mr. Holtz-Eakin"),
        ("The focus on persona", "Mr. Holtz-Eakin"),
    ]


def test_mixed_and_reversed_marks_still_close_the_quote() -> None:
    text = (
        '"Oz has a huge bully pulpit, with the entire Oprah empire behind him,” said David '
        "Gorski.\n\n“The reality is, if Mrs. Clinton loses Iowa and New Hampshire, that could "
        "create new and real problems for her here,“ said Jim Clyburn."
    )
    texts = [text[q.start : q.end] for q in find_quoted_texts(text)]
    assert texts == [
        "Oz has a huge bully pulpit, with the entire Oprah empire behind him,",
        "The reality is, if Mrs. Clinton loses Iowa and New Hampshire, that could create new "
        "and real problems for her here,",
    ]


def test_short_quote_before_its_cue_and_short_continuation(nlp: Language) -> None:
    text = (
        "Melanie watched the speech at home.\n\n"
        "“I would,” Melanie said to the TV. “I would, Donald.”\n\n"
        "The article closes with a very clear implication about the woman’s “head.”"
    )
    assert direct_speakers(nlp, text) == [("I would,", "Melanie"), ("I would, Donald.", "Melanie")]


def test_second_half_of_a_split_quote_does_not_hide_the_cue(nlp: Language) -> None:
    text = (
        "“Applying those questions and similar considerations to the current candidates and "
        "their campaigns,” Blackwell continued, “you and I should unite in support of a "
        "candidate who could win election.”"
    )
    assert [s for _, s in direct_speakers(nlp, text)] == ["Blackwell", "Blackwell"]


def test_speaker_the_parser_hung_on_the_quote(nlp: Language) -> None:
    text = (
        "“Yes, I support Ted Cruz,” Brent Bozell III, founder of the Media Research Center, "
        "tells Breitbart News in an exclusive interview.\n\n"
        "''She needs one or two big ideas that are proportionate to the scale of the problems "
        "we are facing,'' said Robert Reich, who served as labor secretary during Mr. Clinton's "
        "first term yet endorsed Bernie Sanders in the Democratic primary."
    )
    assert [s for _, s in direct_speakers(nlp, text)] == ["Brent Bozell III", "Robert Reich"]


def test_speakers_named_by_a_name_the_model_missed_or_a_capitalised_description(
    nlp: Language,
) -> None:
    text = (
        "“The gap [in New Hampshire] is too wide for Hillary to overtake Sanders,” said a "
        "Nevada Democrat.\n\n"
        "''I've been rubbernecking this election,'' said Pierre de Vos, a professor in public "
        "law at the University of Cape Town in South Africa, who likened the campaign to a car "
        "crash."
    )
    assert [s for _, s in direct_speakers(nlp, text)] == ["a Nevada Democrat", "Pierre de Vos"]


def test_a_name_that_only_modifies_the_subject_is_not_the_speaker(nlp: Language) -> None:
    text = (
        "WASHINGTON, Dec. 8 (UPI) — In response to Donald Trump’s proposal to bar Muslims from "
        "entering the United States, Hillary Clinton’s right-hand woman rallied supporters, "
        "saying: “We have to be ready to stop him.”\n\n"
        "“You work hard. You pay your taxes. So why didn’t Donald Trump pay his?” a narrator in "
        "the Clinton ad asks."
    )
    speakers = [s for _, s in direct_speakers(nlp, text)]
    assert "Hillary Clinton" not in speakers
    assert speakers[1] == "a narrator in the Clinton ad"


def test_participle_speaks_for_the_name_before_it_or_the_sentence_subject(
    nlp: Language,
) -> None:
    text = (
        "The ad uses footage of Hillary Clinton asking, “Why aren’t I 50 points ahead, you "
        "might ask?”\n\n"
        "Clinton seemed to be ready to riff on the incident in Iowa, telling the crowd, “Some "
        "people get a little carried away, have you noticed that?”"
    )
    assert [s for _, s in direct_speakers(nlp, text)] == ["Hillary Clinton", "Hillary Clinton"]


def test_a_text_speaks_for_the_author_the_sentence_names(nlp: Language) -> None:
    text = (
        "The International Monetary Fund (IMF) cut its forecast for Britain.\n\n"
        '"Although the market reaction to the Brexit shock was reassuringly orderly, the '
        'ultimate impact remains very unclear," the IMF report stated.\n\n'
        "Mr. Trump, who said last week that a Mexican-American judge was biased against him, "
        "issued a statement Tuesday saying, ''I do not feel that one's heritage makes them "
        "incapable of being impartial.''"
    )
    speakers = [s for _, s in direct_speakers(nlp, text)]
    assert speakers == ["International Monetary Fund", "Trump"]


def test_pronoun_after_a_name_earlier_in_its_own_sentence(nlp: Language) -> None:
    text = (
        "“He can’t simply dispense with facts he doesn’t find convenient,” said David Gorski, "
        "an associate professor of surgery.\n\n"
        "Democratic Sen. Claire McCaskill (D-Mo.) scolded him: “The scientific community is "
        "almost monolithic against you in terms of the efficacy of the three products you "
        "called ‘miracles,’” she said."
    )
    assert [s for _, s in direct_speakers(nlp, text)] == ["David Gorski", "Claire McCaskill"]


def test_cue_followed_by_its_own_quote_leaves_the_finished_one(nlp: Language) -> None:
    text = (
        "“He’s funny. And if I went to the Catskills for vacation, I’d love to see him,” New "
        "York attorney Eric Levine said of Trump. “But as president, his lack of knowledge is "
        "disturbing to me. … He’s a circus act.” Of Carson, Levine, who has given money to "
        "Marco Rubio, said, “He’s flat-out scary. I think he’s a wonderful man … But he’s "
        "totally vapid.”"
    )
    actors, quotes = through_actors(nlp, text)
    direct = [q for q in quotes if q.kind == "direct"]
    assert [speaker_name(actors, q) for q in direct] == ["Eric Levine"] * 3
    assert direct[1].cue is None  # it continues the quote before; "said" is the third's


def test_titles_after_a_possessive_are_not_speech(nlp: Language) -> None:
    text = (
        "''He views Russia as a foreign power that has its own interests at stake,'' Mr. "
        "Manafort said on CBS's ''Face the Nation.''"
    )
    assert [t for t, _ in direct_speakers(nlp, text)] == ["He views Russia as a"]


def test_name_alone_before_a_colon_introduces_the_quote(nlp: Language) -> None:
    text = (
        "Pollsters agree - Carl Bialik: “One of the biggest lessons was a simple one: Keep on "
        "contacting voters as late as possible.”\n\n"
        "He had one message for the crowd: “You have to do more for the people of this "
        "country right now.”"
    )
    assert direct_speakers(nlp, text) == [("One of the biggest l", "Carl Bialik")]


def test_attribution_on_the_next_line_belongs_to_the_next_sentence(nlp: Language) -> None:
    text = (
        'The governor claimed that crime has gone down 20 percent.\n"This is a disease," '
        'Christie said. "It’s not a moral failing. It’s a disease, and we need to give people '
        'the treatment they need."\nNeither Cruz nor Christie acknowledged the Obama '
        "administration’s work on the issue."
    )
    assert [s for _, s in direct_speakers(nlp, text)] == ["Christie", "Christie"]


def source_words(text: str, quote: Quote) -> str | None:
    return quote.source.text(text) if quote.source else None


def test_source_words_name_a_text_and_a_description_no_actor_holds(nlp: Language) -> None:
    text = (
        "With millions watching on television, the Slovenia-born former model delivered a "
        "seemingly heartfelt defense of her husband.\n\n“Donald is, and always has been, an "
        "amazing leader,” said the 46-year-old. “Now, he will go to work for you.”\n\n"
        "“Mr. Trump recently refused to say whether he would have created Japanese internment "
        "camps during World War II,” the letter says."
    )
    _, quotes = through_actors(nlp, text)
    direct = [q for q in quotes if q.kind == "direct"]
    assert [source_words(text, q) for q in direct] == [
        "the 46-year-old",
        "the 46-year-old",  # the continued quotation keeps its source
        "the letter",
    ]
    assert direct[2].speaker is None  # a letter is no actor


def test_any_verb_after_a_broken_off_quote_attributes_it(nlp: Language) -> None:
    text = (
        "“Look at all these Bernie supporters here,” Paradis said with a smirk, looking over at "
        "Bennett.\n\n“They’re all here because he’s promising to give them all this free "
        "stuff,” Bennett shot back with a laugh."
    )
    actors = [
        actor(text, "paradis", "person", "Paradis"),
        actor(text, "bennett", "person", "Bennett"),
    ]
    quotes = extract_quotes(parse(nlp, text), actors)
    assert [speaker for _, speaker in by_kind(quotes, "direct")] == ["paradis", "bennett"]


def test_a_closed_question_takes_no_cue_from_the_next_line(nlp: Language) -> None:
    text = (
        '"There are many who argue that cell phones and smartphones are just now exposing what '
        'has been happening in this country for years," the moderator said. "As you know, '
        "Mr. Trump, on the other side, the FBI director recently said there's a chill wind "
        'blowing through law enforcement. As president, how do you bridge the divide?"\n'
        "Trump acknowledged that a rift does exist between communities of color and the police."
    )
    actors = [actor(text, "trump", "person", "Trump")]
    quotes = extract_quotes(parse(nlp, text), actors)
    direct = [q for q in quotes if q.kind == "direct"]
    assert [q.speaker for q in direct] == [None, None]
    assert [source_words(text, q) for q in direct] == ["the moderator", "the moderator"]


def test_title_cased_quotations_in_running_text_are_titles(nlp: Language) -> None:
    text = (
        '"Of course Bill Clinton’s fair game. He’s a former president," Fiorina told "Fox and '
        'Friends," reminding the co-hosts that Trump has frequently denounced former President '
        "George W. Bush.\n\n''In Fisher,'' Dean Amar said, ''even though the dissent Justice "
        "Alito read from the bench was frank, it was not as barbed as Justice Scalia's.''"
    )
    quoted = [q.text for q in extract_quotes(parse(nlp, text), [])]
    assert not any("Fox and" in q for q in quoted)
    assert "In Fisher," in quoted  # a short title-cased fragment right before its cue is speech


def test_a_name_at_the_colon_beats_a_verb_further_back(nlp: Language) -> None:
    text = (
        "But polls did predict the Democratic caucus - HuffPollster: “While the Iowa caucuses "
        "provided a polling upset on the Republican side, most pollsters fared much better "
        "with the Democratic results.”"
    )
    actors = [actor(text, "huffpollster", "organization", "HuffPollster")]
    quotes = extract_quotes(parse(nlp, text), actors)
    assert by_kind(quotes, "direct")[0][1] == "huffpollster"


def test_speaker_after_the_cue_when_a_tail_of_the_quote_stands_between(nlp: Language) -> None:
    text = (
        "''The most impressive aspect has been a newfound resilience by consumers to a host of "
        "negative developments,'' like the recent volatility of financial markets, said Richard "
        "Curtin, the chief economist for the Michigan Survey of Consumers.\n\n"
        "“What if Donald Trump had elocution lessons?” the 43-year-old asked in the video’s "
        "description."
    )
    actors, quotes = through_actors(nlp, text)
    direct = [q for q in quotes if q.kind == "direct"]
    assert speaker_name(actors, direct[0]) == "Richard Curtin"
    assert source_words(text, direct[1]) == "the 43-year-old"  # a hyphen breaks no name


def test_she_is_never_the_man_named_last(nlp: Language) -> None:
    text = (
        "Opinion polls see Marine Le Pen making it to an early May run-off in France’s "
        "presidential election but losing that second round as a majority of voters do not want "
        "her as president.\nShe shares with Donald Trump a strategy that banks on presenting "
        "herself as “anti-system.”\n“What we have in common is that we’re not insiders, we "
        "depend on no one and do not take our orders from any financial institutions,” she told "
        "CNN in the interview taped and released on Wednesday."
    )
    actors = [
        actor(text, "le-pen", "person", "Marine Le Pen"),
        actor(text, "trump", "person", "Donald Trump"),
    ]
    quotes = extract_quotes(parse(nlp, text), actors)
    assert by_kind(quotes, "direct")[-1][1] == "le-pen"


def test_he_is_never_a_group_named_in_the_plural(nlp: Language) -> None:
    text = (
        "Facebook activated its Safety Check tool, which allows users in an area affected by a "
        "crisis to mark themselves as safe and tell friends they're safe. Facebook created the "
        "tool to help in times of crisis, a spokeswoman, Anna Richardson White, said on "
        "Saturday, and it has activated it five times in the last year after natural disasters. "
        "But this was the first time it was activated for something like this, she said."
    )
    actors = [
        actor(text, "users", "person", "users"),
        actor(text, "white", "person", "Anna Richardson White"),
    ]
    quotes = extract_quotes(parse(nlp, text), actors)
    last = [q for q in quotes if "the first time" in q.text]
    assert last and last[0].speaker == "white"


def test_any_verb_before_a_colon_introduces_the_quote(nlp: Language) -> None:
    text = (
        "Mark Mahaney, technology analyst at RBC Capital Markets, agreed: ''They've got a great "
        "brand, a large platform and a unique value proposition.''\n\n"
        "Trump went even further: “If he goes forward and loses, it’s the end of his career.”\n\n"
        "He pointed to the sign: “Make America Great Again, and do it now.”\n\n"
        "Wait, it gets better:\n\n"
        "“By law, the president every fiscal year sets the maximum number of refugees the "
        "United States will accept.”\n\n"
        "President Clinton released the following statement:\n\n"
        "“I am saddened by the passing of my friend, who served our country with honor.”"
    )
    actors = [
        actor(text, "mahaney", "person", "Mark Mahaney"),
        actor(text, "trump", "person", "Trump"),
        actor(text, "clinton", "person", "President Clinton"),
    ]
    quotes = extract_quotes(parse(nlp, text), actors)
    # a sign is no speaker, nor is "it"; a statement released speaks for its issuer
    assert [s for _, s in by_kind(quotes, "direct")] == ["mahaney", "trump", None, "clinton"]


def test_a_cue_the_parser_took_for_a_noun_still_attributes(nlp: Language) -> None:
    text = (
        "“They know Hillary’s the only one strong enough to stop Wall Street abuses and make the "
        "wealthy pay their fair share,” a voice-over in the ad states. “She’ll stand up to the "
        "gun lobby and take on the NRA.”"
    )
    actors = [actor(text, "clinton", "person", "Hillary")]
    quotes = extract_quotes(parse(nlp, text), actors)
    direct = [q for q in quotes if q.kind == "direct"]
    assert [q.speaker for q in direct] == [None, None]  # "Hillary" is the ad's word
    assert [source_words(text, q) for q in direct] == ["a voice-over in the ad"] * 2


def test_a_title_followed_by_its_author_is_no_speech(nlp: Language) -> None:
    text = (
        'FAREWELL—"The Living Room to close at the end of December," by Times\' Ben Sisario: '
        '"The Living Room, a no-frills nightclub, will close at the end of December."\n\n'
        '"We will fight on and we will win," by all accounts, was what he told the crowd.'
    )
    quoted = [q.text for q in extract_quotes(parse(nlp, text), [])]
    assert "The Living Room to close at the end of December," not in quoted
    assert "We will fight on and we will win," in quoted
