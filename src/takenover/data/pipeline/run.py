"""The pipeline's stages, in order. Everything is read and checked in memory; nothing is written here."""

from __future__ import annotations

from pathlib import Path

from ..checks import run_checks
from ..lines import nonblank_lines
from ..schema import TABLES
from ..validate import check_foreign_keys, check_table
from . import (
    annotations,
    claims,
    codebook,
    comments,
    coverage,
    disarm,
    discourse,
    records,
    second_coding,
    sources,
    wider,
)
from .state import Build


def build(raw_dir: Path) -> Build:
    """Read and check every raw input; return the clean tables in memory."""
    out = Build()
    notes = raw_dir / "annotations"
    record_files = raw_dir / "records"
    tables = out.tables

    tables["sources"], texts = sources.sources_and_texts(raw_dir, out)
    lines = {sid: nonblank_lines(text.raw) for sid, text in texts.items()}
    tables["incidents"] = annotations.incidents(notes / "incidents.yml", texts, out)
    tables["comments"], tables["threads"], comment_lines = comments.comments_and_threads(
        raw_dir, tables["sources"], texts, lines, out
    )
    tables["segments"] = annotations.segments(notes / "segment_roles.yml", texts, lines, comment_lines, out)
    tables["measurements"] = annotations.measurements(notes / "measurements.yml", texts, tables["comments"], out)

    refs = tables["references"] = records.references(raw_dir / "references.yml", set(texts), out)
    tables["events"] = annotations.events(notes / "events.yml", texts, refs, out)
    tables["election_results"] = records.election_results(record_files / "election_results.csv", refs, out)
    tables["national_vote_share"] = records.national_vote_share(record_files / "national_vote_share.csv", refs, out)
    tables["labour_vote_share_series"] = records.labour_vote_share_series(
        record_files / "labour_vote_share_series.csv", refs, out
    )
    tables["vote_share_changes"] = records.vote_share_changes(tables["labour_vote_share_series"], out)
    tables["campaign_spending"] = records.campaign_spending(record_files / "campaign_spending_2017.csv", refs, out)
    tables["secondary_figures"] = records.secondary_figures(record_files / "secondary_figures.csv", out)

    tables["counter_accounts"] = annotations.counter_accounts(notes / "counter_accounts.yml", out)
    tables["hedge_lexicon"] = annotations.hedge_lexicon(notes / "hedge_lexicon.yml", out)
    tables["checks"] = run_checks(tables)
    tables["claims"], tables["claim_excerpts"] = claims.claims(notes / "claims.yml", texts, out)
    tables["claim_codes"] = codebook.claim_codes(notes / "claim_codebook.yml", out)
    tables["sentences"] = coverage.sentences(notes / "non_claims.yml", texts, out)
    tables["comment_codes"] = discourse.comment_codebook(notes / "comment_codebook.yml", out)
    tables["comment_codings"] = discourse.comment_codings(notes / "comment_codings.yml", out)
    tables["comment_sentiment"] = discourse.comment_sentiment(texts, out)
    tables["searches"] = wider.searches(raw_dir / "searches.yml", out)
    tables["claim_revisions"] = wider.claim_revisions(notes / "claim_revisions.yml", out)
    tables["second_coding"] = second_coding.second_coding(
        notes / "second_coding.csv", notes / "second_coding_resolutions.yml", out
    )

    framework = disarm.read_bundle(record_files / "disarm")
    tables["episode_techniques"] = disarm.episode_techniques(notes / "disarm_codings.yml", framework, out)
    tables["disarm_notes"] = disarm.disarm_notes(notes / "disarm_notes.yml", out)
    tables["episode_comparison"] = disarm.episode_comparison(notes / "episode_comparison.yml", out)
    tables["disarm_objects"] = disarm.disarm_objects(framework, out)
    # Last: the record of what each open claim was looked for in names claims every stage above has checked.
    tables["claim_rechecks"] = wider.claim_rechecks(notes / "claim_rechecks.yml", out)

    out.tables = {name: tables[name] for name in TABLES}
    for name, rows in out.tables.items():
        check_table(name, rows)
    check_foreign_keys(out.tables)
    return out
