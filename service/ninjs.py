"""IPTC ninjs 2.x and 3.x news items in: the fields Eventline reads, HTML bodies reduced to text.

ninjs 2.x carries `headline`, `body_text`/`body_html`, `byline`; 3.x carries lists (`headlines`, `bodies`,
`bylines`) of `{value, role, contenttype}`. The stored text is the headline on the first line, then the
body: offsets in answers refer to it. The original HTML is kept beside it."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, ValidationError

from service.errors import InvalidInput
from service.schemas import ArticleIn

NINJS_MEDIA_TYPE = "application/vnd.iptc.ninjs+json"
# Elements whose end starts a new line of text; their content is kept.
_BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section",
                     "article", "header", "footer", "figcaption", "pre", "dd", "dt", "hr", "table", "ul", "ol"})
# Elements whose content is not article text.
_SKIPPED = frozenset({"script", "style", "template", "noscript", "head", "iframe", "object", "svg"})


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:  # line breaks inside the source are only whitespace; blocks make lines
            self.parts.append(data.replace("\r", " ").replace("\n", " "))


def html_to_text(html: str) -> str:
    """Paragraphs on lines of their own, whitespace inside a line collapsed, scripts and styles dropped."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


class NinjsValue(BaseModel):
    model_config = ConfigDict(extra="ignore")
    value: str = ""
    role: str | None = None
    contenttype: str | None = None


class NinjsIn(BaseModel):
    """An IPTC ninjs news item (2.x or 3.x); only the fields Eventline uses are read."""

    model_config = ConfigDict(extra="ignore", title="NinjsIn")

    uri: str = Field(max_length=500, description="The item's identifier; becomes the article's external_id.")
    versioncreated: str | None = None
    firstcreated: str | None = None
    headline: str | None = Field(default=None, max_length=2000)
    headlines: list[NinjsValue] = Field(default_factory=list)
    body_text: str | None = None
    body_html: str | None = None
    bodies: list[NinjsValue] = Field(default_factory=list)
    byline: str | None = None
    bylines: list[dict[str, Any]] = Field(default_factory=list)
    language: str = "en"
    located: str | None = None
    subject: list[dict[str, Any]] = Field(default_factory=list)
    copyrightholder: str | None = None


def looks_like_ninjs(document: object) -> bool:
    """A JSON object with a `uri` and a ninjs body or headline, and no Eventline `text`."""
    return (isinstance(document, dict) and "uri" in document and "text" not in document
            and any(k in document for k in ("body_text", "body_html", "bodies", "headline", "headlines")))


@dataclass(frozen=True, slots=True)
class NinjsArticle:
    article: ArticleIn
    body_html: str | None


def _body(item: NinjsIn) -> tuple[str, str | None]:
    """The body as text, and the HTML it came from (if any)."""
    if item.body_html:
        return html_to_text(item.body_html), item.body_html
    if item.body_text:
        return item.body_text, None
    for body in item.bodies:
        if body.contenttype and "html" in body.contenttype:
            return html_to_text(body.value), body.value
    text = next((b.value for b in item.bodies if b.value), "")
    return text, None


def ninjs_article(item: NinjsIn) -> NinjsArticle:
    """The article a ninjs item describes (raises pydantic's ValidationError when it lacks text or a date)."""
    headline = item.headline or next((h.value for h in item.headlines if h.value), None)
    body, html = _body(item)
    text = "\n".join(part for part in (headline, body) if part)
    url = item.uri if item.uri.startswith(("http://", "https://")) else None
    article = ArticleIn.model_validate({
        "text": text, "published_at": item.firstcreated or item.versioncreated, "headline": headline,
        "url": url, "external_id": item.uri, "source": item.copyrightholder, "language": item.language,
    })
    return NinjsArticle(article=article, body_html=html)


def _kind(document: object) -> str:
    if isinstance(document, NinjsIn) or looks_like_ninjs(document):
        return "ninjs"
    return "article"


# A request body that is either Eventline's article or a ninjs item, told apart by shape.
ArticleOrNinjs = Annotated[
    Annotated[ArticleIn, Tag("article")] | Annotated[NinjsIn, Tag("ninjs")], Discriminator(_kind)
]


def incoming_article(body: ArticleIn | NinjsIn, content_type: str | None) -> NinjsArticle:
    """The article a request body describes; a ninjs Content-Type requires a ninjs item."""
    if isinstance(body, ArticleIn):
        if content_type and content_type.split(";")[0].strip().lower() == NINJS_MEDIA_TYPE:
            raise InvalidInput("a ninjs item needs a uri and a headline or body")
        return NinjsArticle(article=body, body_html=None)
    try:
        return ninjs_article(body)
    except ValidationError as error:
        detail = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in error.errors())
        raise InvalidInput(f"the ninjs item does not make an article: {detail}") from error
