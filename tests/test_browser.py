"""The built site in a real headless Chromium, with every request off this machine blocked.

Each page is visited once, as a reader would (tests/support/page_visit.py: load, scroll each
chart into view, scroll to the end), and each test here checks one thing about that visit:
no request left 127.0.0.1; the console logged no error at all and no request failed; every
chart was drawn interactively from the site's own vega bundle; axe-core found no serious or
critical accessibility violation (the register's own controls are tested in test_register.py).
The weight and drawing time of each page go to
_build/browser-report.json; full-page screenshots for review come from `make bench`.
"""

from __future__ import annotations

import pytest

from conftest import site_pages


@pytest.mark.parametrize("page_path", site_pages())
def test_page_stays_offline(page_path, visited):
    assert visited(page_path).blocked == [], f"{page_path} tried to reach the network"


@pytest.mark.parametrize("page_path", site_pages())
def test_page_logs_no_error(page_path, visited):
    assert visited(page_path).problems == [], f"{page_path} console errors or failed requests"


@pytest.mark.parametrize("page_path", site_pages())
def test_every_chart_is_drawn_interactively(page_path, visited):
    for i, chart in enumerate(visited(page_path).charts):
        assert chart["interactive"], f"chart {i} on {page_path} stayed static"
        assert chart["marks"] > 0, f"chart {i} on {page_path} has no marks"
        assert chart["width"] > 100, f"chart {i} on {page_path} is too narrow to see"
        assert chart["height"] > 100, f"chart {i} on {page_path} is too short to see"


@pytest.mark.parametrize("page_path", site_pages())
def test_page_is_accessible(page_path, visited):
    assert visited(page_path).serious == [], f"{page_path} accessibility"
