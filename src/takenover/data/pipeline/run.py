"""The pipeline's stages, in order. Everything is read and checked in memory; nothing is written here."""

from __future__ import annotations

from pathlib import Path

from ..checks import run_checks
from ..lines import nonblank_lines
from ..schema import TABLES
from ..validate import check_foreign_keys, check_table
from . import annotations, claims, comments, records, sources
from .state import Build


def build(raw_dir: Path) -> Build:
    """Read and check every raw input; return the clean tables in memory."""
    out = Build()
    notes = raw_dir / "annotations"
    record_files = raw_dir / "records"

    source_rows, texts = sources.sources_and_texts(raw_dir, out)
    lines = {sid: nonblank_lines(text.raw) for sid, text in texts.items()}
    out.tables["incidents"] = annotations.incidents(notes / "incidents.yml", texts, out)
    comment_rows, thread_rows, comment_of_line = comments.comments_and_threads(raw_dir, source_rows, texts, lines, out)
    out.tables["comments"], out.tables["threads"] = comment_rows, thread_rows
    out.tables["segments"] = annotations.segments(notes / "segment_roles.yml", texts, lines, comment_of_line, out)
    out.tables["events"] = annotations.events(notes / "events.yml", texts, out)
    out.tables["measurements"] = annotations.measurements(notes / "measurements.yml", texts, comment_rows, out)
    out.tables["election_results"] = records.election_results(record_files / "election_results.csv", out)
    out.tables["national_vote_share"] = records.national_vote_share(record_files / "national_vote_share.csv", out)
    out.tables["campaign_spending"] = records.campaign_spending(record_files / "campaign_spending_2017.csv", out)
    out.tables["sources"] = source_rows
    out.tables["references"] = records.references(raw_dir / "references.yml", out)
    out.tables["secondary_figures"] = records.secondary_figures(record_files / "secondary_figures.csv", out)
    out.tables["counter_accounts"] = annotations.counter_accounts(notes / "counter_accounts.yml", out)
    out.tables["hedge_lexicon"] = annotations.hedge_lexicon(notes / "hedge_lexicon.yml", out)
    out.tables["checks"] = run_checks(out.tables)
    out.tables["claims"] = claims.claims(notes / "claims.yml", texts, out)
    out.tables["claim_codes"] = claims.codebook(notes / "claim_codebook.yml", out)
    out.tables["sentences"] = claims.sentences(notes / "non_claims.yml", texts, out)

    out.tables = {name: out.tables[name] for name in TABLES}
    for name, rows in out.tables.items():
        check_table(name, rows)
    check_foreign_keys(out.tables)
    return out
