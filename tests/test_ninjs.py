"""ninjs items become articles: HTML reduced to text with a parser, 2.x and 3.x fields read."""

from __future__ import annotations

import pytest

from service.errors import InvalidInput
from service.ninjs import NinjsIn, html_to_text, incoming_article, looks_like_ninjs, ninjs_article


def test_html_paragraphs_become_lines_and_scripts_vanish() -> None:
    html = ("<p>Militants <b>bombed</b> the shrine &amp; mosque.</p><script>alert(1)</script>"
            "<style>p{}</style><p>Police   said\n so.<br>Later more.</p>")
    assert html_to_text(html) == "Militants bombed the shrine & mosque.\nPolice said so.\nLater more."


def test_ninjs_2_item_keeps_html_and_puts_headline_first() -> None:
    item = NinjsIn.model_validate({"uri": "urn:wire:1", "firstcreated": "2023-05-10T08:00:00Z",
                                   "versioncreated": "2023-05-11T08:00:00Z", "headline": "Shrine bombed",
                                   "body_html": "<p>Militants bombed a shrine in Larkana on Monday.</p>"})
    result = ninjs_article(item)
    assert result.article.text == "Shrine bombed\nMilitants bombed a shrine in Larkana on Monday."
    assert result.article.external_id == "urn:wire:1" and result.article.published_date.isoformat() == "2023-05-10"
    assert result.body_html == "<p>Militants bombed a shrine in Larkana on Monday.</p>"


def test_ninjs_3_lists_of_headlines_and_bodies() -> None:
    item = NinjsIn.model_validate({"uri": "https://example.org/x", "versioncreated": "2023-05-10",
                                   "headlines": [{"value": "Families flee"}],
                                   "bodies": [{"contenttype": "text/plain", "value": "Families fled."}]})
    result = ninjs_article(item)
    assert result.article.text == "Families flee\nFamilies fled." and result.article.url == "https://example.org/x"


@pytest.mark.parametrize(("document", "is_ninjs"), [
    ({"uri": "urn:1", "body_text": "x"}, True),
    ({"uri": "urn:1", "headlines": []}, True),
    ({"text": "x", "published_at": "2023-01-01"}, False),
    ({"uri": "urn:1", "text": "x"}, False),
])
def test_ninjs_is_told_apart_by_shape(document: dict, is_ninjs: bool) -> None:
    assert looks_like_ninjs(document) is is_ninjs


def test_item_without_a_date_is_invalid_input() -> None:
    with pytest.raises(InvalidInput):
        incoming_article(NinjsIn.model_validate({"uri": "urn:2", "body_text": "Text."}), None)
