"""What every stage reads about one article, computed once per article.

The stages are siblings: none imports another. What more than one of them
needs to know about the text lives here, beside the parse:

- `parsed`: `ParsedDoc`, the article with its spaCy `Doc`, sentences,
  entities, paragraphs, quotations and the token at a character;
- `marks`: quotation marks in every convention and the stretches they quote;
- `cues`: speech cues ("said", "according to") and the subjects that speak;
- `ranges`: which of many character ranges hold an offset, by bisection;
- `dates`: dates and periods as news writes them.

The character ranges it hands out are `model.Span`s, the type facts carry.
"""

from dateline.document.parsed import ParsedDoc
from dateline.document.text import doc_text

__all__ = ["ParsedDoc", "doc_text"]
