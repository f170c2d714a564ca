"""report.html in headless Chromium (Debian's ``chromium``; skipped, with the reason, where there is
none): the rendered DOM after a small harness (``harness.js``, added to a copy of the page) has
driven it. One catalog row per model, sorting, a highlight showing its row, one chart mark per
plotted model, and a hostile corpus file (``hostile.txt``) that runs nothing and shows as text.
The run also writes a screenshot (``report.png`` under the test's temporary folder)."""
from __future__ import annotations

import csv
import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from pipeline.report.page import script_hash
from tests.batch_support import copy_shipped, run_quiet

HERE = Path(__file__).resolve().parent
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def browser() -> str:
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    reason = "no headless Chromium found (apt-get install chromium; .ci/run installs it when it can)"
    print(f"SKIP: {reason}")
    pytest.skip(reason)


def chromium(binary: str, profile: Path, *args: str) -> subprocess.CompletedProcess:
    flags = ["--headless", "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--mute-audio",
             f"--user-data-dir={profile}", "--virtual-time-budget=15000"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        flags.append("--no-sandbox")  # Chromium refuses to run its sandbox as root
    return subprocess.run([binary, *flags, *args], capture_output=True, text=True, timeout=180)


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    binary = browser()
    root = tmp_path_factory.mktemp("report")
    docs = copy_shipped(root / "corpus")
    shutil.copyfile(HERE / "hostile.txt", docs / "zz-hostile.txt")
    out = root / "out"
    run_quiet(docs, out)
    report = (out / "report.html").read_text(encoding="utf-8")
    harness = (HERE / "harness.js").read_text(encoding="utf-8")
    csp = re.search(r"script-src ('sha256-[^']+')", report)
    assert csp, "the page allows its script by hash"
    test_copy = report.replace(csp.group(0), f"{csp.group(0)} '{script_hash(harness)}'", 1)
    test_copy = test_copy.replace("</body>", f"<script>{harness}</script></body>", 1)
    (out / "report-test.html").write_text(test_copy, encoding="utf-8")
    done = chromium(binary, root / "profile", "--dump-dom", (out / "report-test.html").as_uri())
    found = re.findall(r'<pre id="results">(\{.*?)</pre>', done.stdout, re.S)  # the last: the harness's comment has one
    assert found, f"no results from the harness: exit {done.returncode}, {done.stderr[-2000:]}"
    shot = root / "report.png"
    chromium(binary, root / "profile", f"--screenshot={shot}", "--window-size=1400,1200",
             (out / "report.html").as_uri() + "#model=deepseekv3")
    print(f"screenshot: {shot}")
    catalog = list(csv.DictReader(open(out / "catalog.csv", encoding="utf-8")))
    return json.loads(html.unescape(found[-1])), catalog, shot


def test_the_harness_ran_without_errors(page):
    results, _, _ = page
    assert results["errors"] == []


def test_one_catalog_row_per_model(page):
    results, catalog, _ = page
    assert len(results["rows"]) == len(catalog) == len(set(results["rows"]))
    assert results["names"] == [r["model"] for r in catalog]


def test_clicking_a_header_sorts(page):
    results, catalog, _ = page
    assert results["header"] == "params_total"
    expected = sorted((int(r["params_total"]) for r in catalog if r["params_total"]), reverse=True)
    first, second = results["sortedOnce"], results["sortedTwice"]
    assert first["aria"] == "descending" and [int(v) for v in first["values"] if v] == expected
    assert first["values"][len(expected):] == [""] * (len(catalog) - len(expected))  # no value: last
    assert second["aria"] == "ascending" and [int(v) for v in second["values"] if v] == expected[::-1]
    by_name = results["byNameDescending"]
    assert by_name != results["names"] and sorted(by_name) == sorted(results["names"])


def test_a_highlight_shows_its_row(page):
    results, _, _ = page
    assert results["articleOpen"] and results["tipHiddenBefore"]
    focus = results["tipOnFocus"]
    assert not focus["hidden"] and "attribute" in focus["text"] and "recognizer" in focus["text"]
    assert re.search(r"attribute(params_total|context_tokens|organization)value.+recognizer\S+:\S+", focus["text"])
    assert results["tipAfterBlur"]
    hover = results["tipOnHover"]
    assert not hover["hidden"] and "Zorglub-7B" in hover["text"] and "models.csv" in hover["text"]
    kinds = {m.split("|")[0] for m in results["marks"]}
    assert any("k-f" in k for k in kinds) and any("k-m" in k for k in kinds) and any("k-c" in k for k in kinds)


def test_one_chart_mark_per_plotted_model(page):
    results, catalog, _ = page
    plotted = sorted(r["model"] for r in catalog if r["params_total"] and r["context_tokens"])
    dated = [r for r in catalog if r["first_published"]]
    assert len(results["scatter"]) == len(set(results["scatter"])) == len(plotted) > 5
    assert len(results["timeline"]) == len(set(results["timeline"])) == len(dated) > 5
    assert set(results["timeline"]) <= set(results["rows"]) and set(results["scatter"]) <= set(results["rows"])


def test_the_hostile_file_ran_nothing_and_shows_as_text(page):
    results, _, _ = page
    assert results["pwned"] is None
    assert results["images"] == 0
    assert all(h.startswith("#") or h.startswith(("http://", "https://")) for h in results["hrefs"])
    assert "<script>window.__pwned='title'</script></title></textarea></script><img" in results["articleTitle"]
    assert "<script>window.__pwned='text'</script>" in results["articleText"]
    assert "</textarea></script><img src=x onerror=" in results["articleText"]
    assert "\u2028" in results["articleText"]
    assert results["urlText"] == ["javascript:window.__pwned='url'"]
    assert any("__pwned" in t for t in results["articleTitles"])


def test_a_screenshot_is_written(page):
    _, _, shot = page
    assert shot.is_file() and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
