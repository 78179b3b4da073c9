"""The downloads page: every file a reader needs to cite, reuse or rerun, checksummed and linked."""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile

import pytest

from takenover.core.metadata import metadata
from takenover.site.citation import DOWNLOADS_PAGE
from takenover.site.downloads import DOWNLOADS

from conftest import DATA, REPO, citable_pages, toc_pages


def test_every_download_is_listed_with_its_checksum_and_sha256sums_verifies(site_root):
    folder = site_root / DOWNLOADS
    sums = dict(line.split("  ", 1)[::-1] for line in (folder / "SHA256SUMS").read_text().splitlines())
    assert sums, "SHA256SUMS is empty"
    for name, digest in sums.items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, name
    page = (site_root / f"{DOWNLOADS_PAGE}.html").read_text(encoding="utf-8")
    for name in [*sums, "SHA256SUMS"]:
        assert f'href="../{DOWNLOADS}/{name}" download' in page, f"the downloads page does not link {name}"
    for name, digest in sums.items():
        assert digest in page, f"the page does not give {name}'s SHA-256"
    kinds = " ".join(sums)
    for wanted in ("taken-over-data-", "claimreview.jsonld", "episodes.stix.json", ".whl", "CITATION.cff", ".bib"):
        assert wanted in kinds, wanted
    notebooks = {p.name for p in (REPO / "book").glob("*.ipynb") if p.stem in {t.split("/")[-1] for t in toc_pages()}}
    assert {n.split("/")[-1] for n in sums if n.startswith("notebooks/")} == notebooks


def test_the_data_package_zip_holds_the_descriptor_and_every_table_as_described(site_root):
    archive = site_root / DOWNLOADS / f"taken-over-data-{metadata()['version']}.zip"
    with zipfile.ZipFile(io.BytesIO(archive.read_bytes())) as zipped:
        descriptor = json.loads(zipped.read("taken-over-data/datapackage.json"))
        assert descriptor == json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
        for resource in descriptor["resources"]:
            data = zipped.read(f"taken-over-data/{resource['path']}")
            assert resource["hash"] == "sha256:" + hashlib.sha256(data).hexdigest(), resource["name"]


@pytest.mark.parametrize("page", [p for p in citable_pages() if p != DOWNLOADS_PAGE])
def test_every_page_that_asks_to_be_cited_links_the_downloads(page, site_root):
    html = (site_root / f"{page}.html").read_text(encoding="utf-8")
    link = re.search(r'<a class="tk-downloads-link" href="([^"]+)"', html)
    assert link, f"{page} has no link to the downloads"
    assert link.group(1).split("#")[0] in ("downloads.html", f"../{DOWNLOADS_PAGE}.html")
