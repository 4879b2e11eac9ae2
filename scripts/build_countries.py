"""Refresh src/dateline/data/countries.tsv from pycountry, keeping the curation.

pycountry supplies the ISO 3166-1 codes and official names; everything a
reporter actually writes (short names, aliases, demonyms, capitals,
combining forms) is curated by hand in the TSV itself. Running this script
adds a row for any ISO code the table lacks, adds pycountry's names as
aliases where the curated name differs, and lists rows still missing an
adjective or capital. Curated cells are never overwritten.

    .venv/bin/python scripts/build_countries.py [--check]
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import pycountry

TABLE = Path(__file__).resolve().parent.parent / "src" / "dateline" / "data" / "countries.tsv"
COLUMNS = ("iso3", "iso2", "name", "aliases", "adjectives", "capital", "combining_forms")
HEADER_COMMENT = (
    "# ISO 3166-1 countries with the names news copy uses. Lists are |-separated.\n"
    "# Codes from pycountry (scripts/build_countries.py); names, aliases, adjectives,\n"
    "# capitals and combining forms (Sino- in Sino-Russian) are curated by hand.\n"
    "# All-caps short forms (US, UK, UAE) match case-sensitively; the rest ignore case.\n"
)


def read_rows(path: Path) -> dict[str, dict[str, str]]:
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return {row["iso3"]: {c: (row.get(c) or "").strip() for c in COLUMNS} for row in reader}


def merge_with_pycountry(rows: dict[str, dict[str, str]]) -> list[str]:
    """Add missing ISO rows and pycountry names; return problems to report."""

    problems = []
    known = {entry.alpha_3 for entry in pycountry.countries}
    for code in sorted(set(rows) - known):
        problems.append(f"{code}: not an ISO 3166-1 alpha-3 code known to pycountry")
    for entry in pycountry.countries:
        row = rows.setdefault(entry.alpha_3, dict.fromkeys(COLUMNS, ""))
        row["iso3"] = entry.alpha_3
        row["iso2"] = entry.alpha_2
        pycountry_names = [getattr(entry, "common_name", None), entry.name]
        pycountry_names.append(getattr(entry, "official_name", None))
        if not row["name"]:
            row["name"] = next(name for name in pycountry_names if name)
        aliases = [alias for alias in row["aliases"].split("|") if alias]
        for name in pycountry_names:
            if name and name != row["name"] and name not in aliases:
                aliases.append(name)
        row["aliases"] = "|".join(aliases)
        if not row["adjectives"]:
            problems.append(f"{entry.alpha_3} {row['name']}: no adjective")
        if not row["capital"]:
            problems.append(f"{entry.alpha_3} {row['name']}: no capital")
    return problems


def render(rows: dict[str, dict[str, str]]) -> str:
    lines = [HEADER_COMMENT, "\t".join(COLUMNS) + "\n"]
    for code in sorted(rows):
        lines.append("\t".join(rows[code][column] for column in COLUMNS) + "\n")
    return "".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report only, do not write")
    args = parser.parse_args()
    rows = read_rows(TABLE)
    problems = merge_with_pycountry(rows)
    for problem in problems:
        print(problem, file=sys.stderr)
    text = render(rows)
    if args.check:
        current = TABLE.read_text(encoding="utf-8") if TABLE.exists() else ""
        return 0 if current == text else 1
    TABLE.write_text(text, encoding="utf-8")
    print(f"wrote {len(rows)} countries to {TABLE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
