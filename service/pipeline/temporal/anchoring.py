"""What a relative expression is resolved against: the clause's tense and the narrative anchor.

Tense comes from the dependency parse, used lightly: climb from the expression to its governing verb
and read that verb's tag and auxiliaries. The narrative anchor is the last calendar value mentioned
before the expression (else the publication date, DCT).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Literal

from spacy.tokens import Doc, Token

from service.pipeline.paragraphs import text_of
from service.pipeline.resources import read_table
from service.pipeline.temporal.calendar import PRECISION_RANK, value_start

# "plan": a plan seen from the past ("had been due to expire Friday"), its date as near DCT as may be.
Tense = Literal["past", "present", "future", "plan"]
_PRESENT_TAGS = ("VBZ", "VBP")
_WILL = ("will", "'ll", "shall", "wo")  # the future perfect ("will have left by Friday") still looks ahead


@cache
def _cues() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(future auxiliaries, future-pointing governors, forward prepositions) from `tense_cues.tsv`."""
    rows = read_table("temporal/tense_cues.tsv")
    aux = frozenset(r[0] for r in rows if r[1] == "future_aux")
    heads = frozenset(r[0] for r in rows if r[1] == "future_head")
    preps = frozenset(r[0] for r in rows if r[1] == "forward_prep")
    return aux, heads, preps


@cache
def _schedule_verbs() -> frozenset[str]:
    """Verbs whose simple present with a date tells a scheduled event ("Talks resume Friday")."""
    return frozenset(r[0] for r in read_table("temporal/tense_cues.tsv") if r[1] == "schedule_verb")


def _verb_tense(verb: Token, depth: int = 0) -> Tense | None:
    """The tense of a verb token from its tag and auxiliaries; infinitives defer to their governor."""
    future_aux, future_heads, _ = _cues()
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "MD" and verb.lower_ in future_aux:
        return "future"
    if any(a.lower_ in future_aux for a in auxes):
        # A modal perfect looks back: "may have been responsible", "would have closed".
        perfect = any(a.lemma_ == "have" and a.tag_ == "VB" for a in auxes)
        return "past" if perfect and not any(a.lower_ in _WILL for a in auxes) else "future"
    if any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return "past"  # present perfect reports a past event
    if verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN" and any(a.dep_ == "auxpass" and a.tag_ in _PRESENT_TAGS for a in auxes):
        # Present passive: "is expected in December" looks ahead, "is held in March" is unmarked.
        return "future" if verb.lemma_ in future_heads else "present"
    if verb.tag_ == "VBG" and any(a.lemma_ == "be" and a.tag_ in _PRESENT_TAGS for a in auxes):
        return "future"  # "is leaving Friday": the present progressive with a date looks ahead
    head = verb.head
    if verb.tag_ == "VB" and verb.dep_ in ("xcomp", "ccomp", "advcl", "conj") and head is not verb:
        # "had been due to expire": the adjective's verb carries the tense.
        gov = head.head if head.pos_ == "ADJ" and head.dep_ in ("acomp", "oprd") else head
        head_past = gov.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in gov.children)
        if head_past and head.lemma_ in future_heads | {"be"}:
            return "plan"  # "had been due to expire Friday": a plan seen from the past
        if head.lemma_ in future_heads or (head.lemma_ == "be" and head.tag_ in _PRESENT_TAGS):
            return "future"  # "set to resume Monday", "is to meet Friday"
        if depth < 3:
            return _verb_tense(head, depth + 1)
    if verb.tag_ == "VBG" and not auxes and verb.dep_ in ("advcl", "xcomp", "conj") and head is not verb and depth < 3:
        return _verb_tense(head, depth + 1)  # a participle clause: "..., rising to a high in March"
    if verb.dep_ == "conj" and head is not verb and depth < 3:
        return _verb_tense(head, depth + 1)
    if verb.tag_ == "VBN":
        return "past"  # reduced relative: "the man killed Friday"
    if verb.tag_ in _PRESENT_TAGS:
        return "present"
    return None


def _adjacent_verb(doc: Doc, start: int) -> Token | None:
    """The verb right before an expression ("said Tuesday", "said on Tuesday"), None if there is none."""
    i = start - 1
    if i >= 0 and doc[i].pos_ == "ADP":
        i -= 1
    if i >= 0 and doc[i].pos_ == "VERB" and doc[i].tag_ != "VBG":
        return doc[i]
    return None


def _schedules(verb: Token) -> bool:
    """A simple present (no auxiliary) of a timetable verb: "resumes", "meet" in "Arafat and Ross meet Monday"."""
    return (
        verb.tag_ in _PRESENT_TAGS
        and verb.pos_ == "VERB"
        and verb.lemma_ in _schedule_verbs()
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


def _clause_verb(doc: Doc, start: int, end: int) -> Token | None:
    """The verb governing the characters [start, end): the one right before them, else their root's."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = _adjacent_verb(doc, span.start) or span.root
    for _ in range(8):
        # "Following a speech in February, hundreds lost their homes": a participle used as a preposition
        # carries no tense; the clause it opens does.
        if (tok.pos_ in ("VERB", "AUX") and not (tok.tag_ == "VBG" and tok.dep_ == "prep")) or tok.head is tok:
            break
        tok = tok.head
    return tok if tok.pos_ in ("VERB", "AUX") else None


def clause_is_present_perfect(doc: Doc, start: int, end: int) -> bool:
    """True for "has set", "have agreed": English puts no definite past time on a present perfect, so a
    date in its clause is another time (a deadline: "has set Nov. 10 as the deadline")."""
    verb = _clause_verb(doc, start, end)
    return verb is not None and verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in _PRESENT_TAGS for c in verb.children
    )


def clause_tense(doc: Doc, start: int, end: int) -> Tense | None:
    """The tense of the clause holding the characters [start, end) of `doc`, None when unclear.

    Reads the parse: the verb right before the expression, else its root token climbed up to its first
    verb (the parse often hangs "said on Tuesday it would..." on the later verb).
    """
    tok = _clause_verb(doc, start, end)
    if tok is None:
        return None
    tense = _verb_tense(tok)
    if tense == "present" and _schedules(tok):
        return "future"  # news' present of a timetable: "Talks resume Friday", "The court rules Monday"
    return tense


@dataclass
class Context:
    """State shared by the normalizers of one document: DCT, tense lookup and narrative anchors.

    `anchor` is the last calendar value (with its precision) mentioned before the current expression;
    `quarter` the last fiscal quarter, which "a year earlier"/"the year-ago quarter" refer back to;
    `quarter_fiscal` whether it was named as a fiscal one ("the fiscal first quarter").
    """

    doc: Doc
    dct: date
    start: int = 0
    end: int = 0
    anchor: tuple[str, str] | None = None
    anchor_pos: int = -1
    quarter: str | None = None
    quarter_pos: int = -1
    quarter_fiscal: bool = False
    _tense: dict[tuple[int, int], Tense | None] = field(default_factory=dict)

    @property
    def dct_value(self) -> str:
        return self.dct.isoformat()

    def tense(self) -> Tense | None:
        """Tense of the clause of the expression being normalized (cached per span)."""
        key = (self.start, self.end)
        if key not in self._tense:
            self._tense[key] = clause_tense(self.doc, self.start, self.end)
        return self._tense[key]

    def present_perfect(self) -> bool:
        """True when the clause of the expression is a present perfect ("has set Nov. 10 as ...")."""
        return clause_is_present_perfect(self.doc, self.start, self.end)

    def _words_before(self, chars: int) -> list[str]:
        """The lower-cased words of the `chars` characters before the expression."""
        return text_of(self.doc)[max(0, self.start - chars) : self.start].lower().split()

    def after_forward_word(self) -> bool:
        """True when the word before the expression marks a deadline ("extended to Nov. 20")."""
        before = self._words_before(20)
        if before[-2:] == ["ahead", "of"]:  # "ahead of Friday's report"
            return True
        return bool(before) and before[-1] in _cues()[2]

    def closes_a_range(self) -> bool:
        """True for "from Sept. 14 to Thursday": the range's end, which the clause's tense places."""
        before = self._words_before(40)
        return bool(before) and before[-1] in ("to", "through") and "from" in before

    def recent_quarter(self, window: int = 400) -> str | None:
        """The last quarter mentioned within `window` characters before the expression."""
        if self.quarter and self.start - self.quarter_pos <= window:
            return self.quarter
        return None

    def remember_period(self, value: str, start: int) -> None:
        """Record a definite reporting period of months ("For the nine months, ...") as the anchor.

        Earnings news compares such a period with the year before it: a later "a year earlier" means
        the year before, no longer the quarter reported on before the period was named.
        """
        months = value.removeprefix("P").removesuffix("M")
        if months.isdigit() and 2 <= int(months) <= 11:
            self.quarter = None
            self.anchor, self.anchor_pos = (f"{self.dct.year:04d}", "year"), start

    def remember(
        self, value: str, precision: str | None, start: int, anchor: str | None, *, fiscal: bool = False
    ) -> None:
        """Record a resolved value as the narrative anchor (only calendar values, not *_REF).

        A quarter becomes the quarter anchor only when it was not itself resolved against an earlier
        quarter, so that "a year earlier" keeps pointing at the quarter being reported on.
        """
        if not value[:4].isdigit() or precision not in PRECISION_RANK:
            return
        if precision == "quarter" and "-Q" in value and value[-1].isdigit() and anchor in (None, self.dct_value):
            # A quarter yet to begin is a forecast ("losses through the third quarter of 1990"), not
            # the quarter reported on that a later "the year-ago period" compares with.
            begun = (start_day := value_start(value)) is not None and start_day <= self.dct
            if begun:
                self.quarter, self.quarter_pos, self.quarter_fiscal = value, start, fiscal
        self.anchor, self.anchor_pos = (value, precision), start
