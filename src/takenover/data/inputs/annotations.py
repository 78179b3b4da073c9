"""Input schemas of the annotation files: one model per file's entries (see annotations/README.md).

Keys are the YAML keys. What an entry's values must be is declared here once: text, ids of the right
kind, dates, lists. What the values mean together (a quote found in its source, a status its supports
can carry) is checked by the pipeline stage that reads the file.
"""

from __future__ import annotations

from pydantic import Field

from ..schema import ids
from ..schema.discourse import COMMENT_DIMENSIONS
from .fields import (
    ClaimId,
    Code,
    CommentId,
    Date,
    Entry,
    EvidenceItem,
    Number,
    Occurrence,
    Slug,
    Text,
    TimeOfDay,
    id_of,
)


class Anchored(Entry):
    """An entry anchored to a verbatim quote in one primary text."""

    source: Slug
    quote: Text
    occurrence: Occurrence | None = None


class Incident(Anchored):
    id: Slug
    title: Text
    platform: Text
    date_start: Date
    date_precision: Text
    date_basis: Text
    summary: Text


class SegmentRole(Anchored):
    role: Text


class CommentAuthor(Anchored):
    basis: Text


class Event(Entry):
    id: id_of(ids.EVENT_ID)
    incident: Slug
    date: Date
    time: TimeOfDay | None = None
    precision: Text
    date_basis: Text
    reasoning: Text
    description: Text
    source: Slug | None = None
    quote: Text | None = None
    occurrence: Occurrence | None = None
    reference: Slug | None = None


class Measurement(Anchored):
    id: id_of(ids.MEASUREMENT_ID)
    incident: Slug
    subject: Text
    value: Number | None = None
    value_high: Number | None = None
    unit: Text
    bound: Text
    applies_date: Date | None = None
    applies_time: TimeOfDay | None = None
    applies_precision: Text | None = None
    applies_note: Text | None = None
    stated_by: Text
    speaker_role: Text


class CounterAccount(Entry):
    id: id_of(ids.COUNTER_ID)
    incident: Slug
    reference: Slug
    party: Text
    summary: Text


class Hedge(Entry):
    term: Text
    kind: Text


class Claim(Anchored):
    id: ClaimId
    summary: Text | None = None
    excerpt: Text | None = None
    incident: Slug
    restatement: Text
    claimant: Text
    claimant_kind: Text
    chain: list[Text]
    type: Text
    status: Text
    likelihood: Text
    confidence: Text
    verdict: Text
    corroborated_by: list[EvidenceItem] = Field(default_factory=list)
    contradicted_by: list[EvidenceItem] = Field(default_factory=list)
    checked_against: list[EvidenceItem] = Field(default_factory=list)
    checks: list[Slug] = Field(default_factory=list)
    counter: id_of(ids.COUNTER_ID) | None = None
    coding_note: Text | None = None
    core: bool = False


class NonClaim(Anchored):
    reason: Text


Codes = Code | list[Code]


class CommentCoding(Entry):
    coder: Text
    comment: CommentId
    function: Codes
    post_stance: Codes
    blame: Codes
    evidence: Codes
    tone: Codes
    note: Text | None = None


assert set(COMMENT_DIMENSIONS) <= set(CommentCoding.model_fields), "a comment dimension has no key"


class Resolution(Entry):
    claim: ClaimId
    rule: Code
    status: Text
    likelihood: Text
    note: Text


class DisarmCoding(Entry):
    incident: Slug
    technique: id_of(ids.TECHNIQUE_ID)
    claims: list[ClaimId]
    attested: bool
    status: Text
    confidence: Text
    rationale: Text


class DisarmNote(Entry):
    incident: Slug
    behaviour: Text
    claims: list[ClaimId]
    note: Text


class Comparison(Entry):
    incident: Slug
    dimension: Text
    summary: Text
    claims: list[ClaimId]


SearchId = id_of(ids.SEARCH_ID)


class Search(Entry):
    """searches.yml: one search of the wider public record."""

    id: SearchId
    run_by: Text
    corpus: Text
    query: Text
    returned: Text
    found: list[Slug] = Field(default_factory=list)


class Recheck(Entry):
    """claim_rechecks.yml: what an open claim was looked for in the wider record, and what was found."""

    claim: ClaimId
    question: Text
    searches: list[SearchId] = Field(default_factory=list)
    found: list[Slug] = Field(default_factory=list)
    outcome: Text
    note: Text


class Grade(Entry):
    status: Text
    likelihood: Text
    confidence: Text


class Revision(Entry):
    """claim_revisions.yml: one change to a claim's grade, the corrections record."""

    claim: ClaimId
    version: id_of(ids.VERSION)
    old: Grade
    new: Grade
    sources: list[Slug]
    reason: Text
