"""Readable text for people at a terminal, from gold-shaped article dicts.

`extract --format table`, `show` and `summary` all print through here, so
an article looks the same whether it came from the pipeline or the store.
"""

from __future__ import annotations

import textwrap
from typing import Any

WIDTH = 100


def _shorten(text: str, width: int) -> str:
    return textwrap.shorten(" ".join(text.split()), width=width, placeholder=" …")


def _value(amount: dict[str, Any]) -> str:
    value = amount.get("value")
    if value is None:
        return "?"
    if amount.get("unit") == "ratio":
        return f"{value * 100:g}%"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.4g}"


def _names(article: dict[str, Any]) -> dict[str, str]:
    return {a["id"]: a["name"] for a in article.get("actors", [])}


def _at(*spans: dict[str, Any] | None) -> str:
    """ " [149:245]": where a fact's words are, as offsets into the article text
    (Python slice notation: `text[149:245]` is the evidence)."""

    found = [f"{span['start']}:{span['end']}" for span in spans if span]
    return f"  [{', '.join(found)}]" if found else ""


def render_actors(article: dict[str, Any], spans: bool = False) -> list[str]:
    lines = [f"  Actors ({len(article['actors'])})"]
    for actor in article["actors"]:
        facts = ", ".join(
            x for x in (actor.get("country"), actor.get("role"), actor.get("sector")) if x
        )
        others = [m for m in actor.get("mentions", []) if m != actor["name"]]
        also = f"  also: {_shorten('; '.join(others), 60)}" if others else ""
        where = _at(*actor.get("spans", [])) if spans else ""
        lines.append(
            f"    {actor['name']} [{actor['kind']}{': ' + facts if facts else ''}]{also}{where}"
        )
    return lines


def speaker_label(speaker: str | None, source: str | None) -> str:
    """Who a quote is by, as a reader should see it: the speaker's name, else
    the words the text names its source with ("— the letter"), else a note
    that the text names nobody."""

    if speaker:
        return speaker
    if source and source.strip():
        return f"— {' '.join(source.split())}"
    return "(speaker not given)"


def source_words(quote: dict[str, Any]) -> str | None:
    """A quote's source words from either article shape: a string in pipeline
    output, a `{"start", "end", "text"}` span in a stored article."""

    source = quote.get("source")
    if isinstance(source, dict):
        return str(source.get("text") or "") or None
    return source if isinstance(source, str) else None


def render_quotes(article: dict[str, Any], spans: bool = False) -> list[str]:
    names = _names(article)
    lines = [f"  Quotes ({len(article['quotes'])})"]
    for quote in article["quotes"]:
        speaker = speaker_label(names.get(quote.get("speaker") or ""), source_words(quote))
        marks = "«»" if quote["kind"] == "direct" else "‹›"
        text = _shorten(quote["text"], WIDTH - len(speaker) - 16)
        where = _at(quote.get("span")) if spans else ""
        lines.append(f"    {quote['kind']:<8} {speaker}: {marks[0]}{text}{marks[1]}{where}")
    return lines


def render_amounts(article: dict[str, Any], spans: bool = False) -> list[str]:
    lines = [f"  Amounts ({len(article['amounts'])})"]
    for amount in article["amounts"]:
        about = "~" if amount.get("approximate") else ""
        what = amount.get("measure") or "(measure not found)"
        period = f" [{amount['period']}]" if amount.get("period") else ""
        lines.append(
            f"    {amount['text']!r:<18} = {about}{_value(amount)} {amount.get('unit') or ''}"
            f"  {_shorten(what, 50)}{period}{_at(amount.get('span')) if spans else ''}"
        )
    return lines


def render_events(article: dict[str, Any], spans: bool = False) -> list[str]:
    names = _names(article)
    lines = [f"  Events ({len(article['events'])})"]
    for event in article["events"]:
        sources = ", ".join(names.get(a, a) for a in event.get("actors", [])) or "?"
        targets = ", ".join(names.get(a, a) for a in event.get("targets", [])) or "?"
        where = f" in {event['place']}" if event.get("place") else ""
        when = f" on {event['date']}" if event.get("date") else ""
        lines.append(f"    {event['type']}: {sources} → {targets}{where}{when}")
        evidence = _shorten(event.get("evidence") or "", WIDTH - 18)
        where = _at(event.get("span"), *event.get("supporting", [])) if spans else ""
        lines.append(f"      evidence: “{evidence}”{where}")
    return lines


def render_places(article: dict[str, Any], spans: bool = False) -> list[str]:
    lines = [f"  Places ({len(article['places'])})"]
    for place in article["places"]:
        where = ""
        if place.get("lat") is not None and place.get("lon") is not None:
            where = f" ({place['lat']:.4f}, {place['lon']:.4f})"
        at = _at(*place.get("spans", [])) if spans else ""
        lines.append(f"    {place['name']} [{place.get('country') or '?'}]{where}{at}")
    return lines


def render_article(article: dict[str, Any], *, spans: bool = False) -> str:
    """A readable block: header, then actors, quotes, amounts, events, places.

    `spans` adds where each fact stands in the text, `[start:end]` offsets
    (what `dateline show` prints, so every fact can be checked against its words).
    """

    meta = article.get("meta", {})
    header = "  ".join(
        str(x)
        for x in (article["id"], meta.get("date"), meta.get("dateline"), meta.get("source"))
        if x
    )
    lines = [header, "=" * min(WIDTH, len(header))]
    if meta.get("title"):
        lines.append(f"  {meta['title']}")
    for section in (render_actors, render_quotes, render_amounts, render_events, render_places):
        lines.extend(section(article, spans))
    lines.extend(render_copies(article))
    return "\n".join(lines)


def render_copies(article: dict[str, Any]) -> list[str]:
    """Who else ran the story: the republished copies recorded for a stored article."""

    copies = article.get("copies") or []
    if not copies:
        return []
    lines = [f"Copies ({len(copies)}), stored once:"]
    for copy in copies:
        seen = "  ".join(
            str(x) for x in (copy.get("source"), copy.get("published"), copy.get("url")) if x
        )
        lines.append(f"  {copy['copy_id']}  {copy['kind']} {copy['similarity']:.2f}  {seen}")
    return lines
