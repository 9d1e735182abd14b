"""Each export format from ExportEntry values of our own: spreadsheet-safe CSV, TimelineJS dates as precise
as the event's, GeoJSON points, NDJSON lines, and format negotiation."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime

import pytest

from service.exports import negotiate
from service.exports.csv_export import BOM, COLUMNS, csv_chunks, spreadsheet_safe
from service.exports.geojson import feature_collection
from service.exports.ndjson import ndjson_lines
from service.exports.source import ExportEntry
from service.exports.timelinejs import timelinejs_date, timelinejs_document
from service.schemas import ArticleRef

ARTICLE = ArticleRef(id=7, headline="Shrine bombed", source="Wire", url="https://example.org/a",
                     published_at=datetime(2023, 5, 10, tzinfo=UTC))


LARKANA = {"text": "Larkana", "canonical": "Larkana", "aliases": [], "country": "PK", "country_name": "Pakistan",
           "admin1": "Sindh", "lat": 27.55898, "lon": 68.21204, "geonames_id": 1172128, "precision": "city",
           "source": "geonames-cities1000"}
UNRESOLVED = {"text": "Nowhereville Flats", "canonical": None, "aliases": [], "country": None, "country_name": None,
              "admin1": None, "lat": None, "lon": None, "geonames_id": None, "precision": "unresolved", "source": None}


def _entry(**event: object) -> ExportEntry:
    base: dict[str, object] = {
        "id": 1, "article_id": 7, "type": "desecration", "subtype": None, "trigger": "bombed",
        "trigger_span": {"start": 10, "end": 16}, "sentence": "Militants bombed the shrine in Larkana.",
        "span": {"start": 0, "end": 39}, "certainty": "asserted", "confidence": 0.9, "codes": {"cameo": "1823"},
        "location": LARKANA, "date": None, "mentions": 1,
    }
    return ExportEntry({**base, **event}, ARTICLE)


@pytest.mark.parametrize("text", ["=1+1", "+cmd", "-2+3", "@SUM(A1)", "\tx", "=HYPERLINK(\"http://x\")"])
def test_formula_starts_are_neutralized(text: str) -> None:
    assert spreadsheet_safe(text) == "'" + text


def test_csv_reads_back_with_every_column_and_hostile_text_intact() -> None:
    hostile = 'He said, "=cmd|\' /C calc\'!A0"\nand left; naïve'
    raw = "".join(csv_chunks([[_entry(sentence=hostile, quote="=2+5"), _entry(id=2)]]))
    assert raw.startswith(BOM)
    rows = list(csv.DictReader(io.StringIO(raw.removeprefix(BOM), newline="")))
    assert tuple(rows[0]) == COLUMNS
    assert rows[0]["sentence"] == hostile and rows[0]["quote"] == "'=2+5"
    assert [r["id"] for r in rows] == ["1", "2"] and rows[1]["location"] == "Larkana"


def test_csv_location_columns_come_last_in_their_documented_order() -> None:
    assert COLUMNS[-5:] == ("article_published_at", "location_country", "location_admin1", "location_lat",
                            "location_lon")


def test_csv_has_the_events_coordinates_and_leaves_them_empty_when_unresolved() -> None:
    raw = "".join(csv_chunks([[_entry(), _entry(id=2, location=UNRESOLVED), _entry(id=3, location=None)]]))
    rows = list(csv.DictReader(io.StringIO(raw.removeprefix(BOM), newline="")))
    located = {k: rows[0][k] for k in ("location_country", "location_admin1", "location_lat", "location_lon")}
    assert located == {"location_country": "PK", "location_admin1": "Sindh", "location_lat": "27.55898",
                       "location_lon": "68.21204"}
    assert all(rows[i][k] == "" for i in (1, 2) for k in located)


@pytest.mark.parametrize(("value", "precision", "expected"), [
    ("2021-09-09", "day", {"year": 2021, "month": 9, "day": 9}),
    ("2021-09", "month", {"year": 2021, "month": 9}),
    ("2021", "year", {"year": 2021}),
    ("2021-W36", "week", {"year": 2021, "month": 9}),
])
def test_timelinejs_date_is_only_as_precise_as_the_event(value: str, precision: str, expected: dict) -> None:
    assert timelinejs_date(value, precision, ARTICLE.published_at.date()) == (expected, True)


def test_timelinejs_document_has_the_required_fields_and_escapes_html() -> None:
    document = timelinejs_document([_entry(sentence="<script>x</script> bombed", trigger_span={"start": 19})])
    slide = document["events"][0]
    assert slide["start_date"] == {"year": 2023, "month": 5, "day": 10} and "undated" in slide["display_date"]
    assert slide["group"] == "desecration" and slide["unique_id"] == "event-1"
    assert "<script>" not in slide["text"]["text"] and "<strong>bombed</strong>" in slide["text"]["text"]
    assert slide["text"]["headline"]


def test_geojson_point_is_the_events_own_coordinates() -> None:
    feature = feature_collection([_entry()])["features"][0]
    assert feature["type"] == "Feature"
    assert feature["geometry"] == {"type": "Point", "coordinates": [68.21204, 27.55898]}
    assert feature["properties"]["location"]["precision"] == "city"
    assert feature["properties"]["location"]["geo"]["source"] == "geonames-cities1000"


def test_geojson_does_not_look_places_up_again() -> None:
    # A located event keeps its stored point even where its text names somewhere else entirely.
    moved = _entry(location={**LARKANA, "text": "Paris", "lat": 1.5, "lon": 2.5})
    assert feature_collection([moved])["features"][0]["geometry"]["coordinates"] == [2.5, 1.5]


def test_geojson_leaves_out_unresolved_unlocated_and_earlier_events() -> None:
    earlier = _entry(id=4, location={"text": "Larkana", "canonical": None, "aliases": []})  # stored before geocoding
    entries = [_entry(id=2, location=UNRESOLVED), _entry(id=3, location=None), earlier]
    assert feature_collection(entries) == {"type": "FeatureCollection", "features": []}


def test_ndjson_is_one_event_per_line_with_its_article() -> None:
    lines = b"".join(ndjson_lines([[_entry(), _entry(id=2)], [_entry(id=3)]])).decode().splitlines()
    assert [json.loads(line)["id"] for line in lines] == [1, 2, 3]
    assert json.loads(lines[0])["article"]["headline"] == "Shrine bombed"


@pytest.mark.parametrize(("param", "accept", "chosen"), [
    (None, None, "json"),
    (None, "text/csv", "csv"),
    (None, "application/x-ndjson", "ndjson"),
    (None, "application/geo+json, application/json;q=0.5", "geojson"),
    (None, "application/json;q=0.5, text/csv", "csv"),
    (None, "text/html, */*", "json"),
    ("timelinejs", "text/csv", "timelinejs"),
])
def test_format_parameter_wins_then_accept(param: str | None, accept: str | None, chosen: str) -> None:
    assert negotiate(param, accept) == chosen  # type: ignore[arg-type]
