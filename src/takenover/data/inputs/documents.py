"""Input schemas of the raw files that are one mapping, not a list: the two codebooks and the DISARM
manifest; and of references.yml's entries."""

from __future__ import annotations

from pydantic import Field

from .fields import ClaimId, Code, CommentId, Date, Entry, Slug, Text, Url


class ClaimCode(Entry):
    code: Code
    definition: Text
    rule: Text | None = None
    example: ClaimId | None = None


class ClaimCodebook(Entry):
    """claim_codebook.yml: every section is required, and no other may appear."""

    types: list[ClaimCode]
    statuses: list[ClaimCode]
    likelihood: list[ClaimCode]
    confidence: list[ClaimCode]
    non_claim_reasons: list[ClaimCode]
    resolution_rules: list[ClaimCode]


class CommentExample(Entry):
    comment: CommentId
    paraphrase: Text


class CommentCode(Entry):
    code: Code
    definition: Text
    rule: Text
    example: CommentExample | None = None


class Dimension(Entry):
    name: Text
    several: bool
    question: Text
    codes: list[CommentCode]


class CommentCodebook(Entry):
    dimensions: list[Dimension]


class DisarmManifest(Entry):
    """records/disarm/source.yml: where the vendored framework comes from, and its hash."""

    file: Text
    sha256: Text
    publisher: Text
    title: Text
    repository: Url
    path: Text
    commit: Text
    commit_date: Date
    objects_dated: Date
    licence: Text
    licence_file: Text
    technique_pages: Url


class Reference(Entry):
    """An entry of references.yml: a secondary source or record, and how the book knows it."""

    key: Slug
    type: Text
    label: Text
    title: Text
    author: Text | None = None
    outlet: Text | None = None
    published: Date | None = None
    date_precision: Text | None = None
    date_basis: Text | None = None
    urls: list[Url] = Field(default_factory=list)
    known_through: Slug | None = None
    read_as: Text
    independence: Text
    relays: list[Slug] = Field(default_factory=list)
    stance: Text
    notes: Text
    fragments: list[Text] = Field(default_factory=list)
