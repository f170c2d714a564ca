"""CSV cells and files: formula protection, streamed temporary files, renames, leftovers."""
from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest

from pipeline.evaluate import unprotect as evaluate_unprotect
from pipeline.export import cell, protect, publish, remove_temporaries, unprotect, write_temporary


@pytest.mark.parametrize("text", ["=1+1", "+33 1 23", "-5 %", "@SUM(A1)", "\tx", "\rx", "=x"])
def test_formula_texts_are_quoted_and_read_back(text):
    assert cell(text) == "'" + text
    assert unprotect(cell(text)) == text == evaluate_unprotect(cell(text))


@pytest.mark.parametrize("value, written", [(-5, "-5"), (-2.5, "-2.5"), (True, "true"), (None, ""),
                                            ("Llama 4", "Llama 4"), ("'quoted", "'quoted"), ("", "")])
def test_other_cells_are_written_as_they_are(value, written):
    assert cell(value) == written
    assert unprotect(written) == written


def test_protect_only_adds_one_quote():
    assert protect("'-x") == "'-x"  # begins with a quote, not a formula character
    assert unprotect("''-x") == "''-x"


def test_temporary_csv_is_complete_and_published_by_rename(tmp_path: Path):
    target = tmp_path / "facts.csv"
    target.write_text("old\n", encoding="utf-8")
    tmp = write_temporary(target, ("a", "b"), iter([["1", "x,y"], ["2", "é\nz"]]))
    assert tmp.parent == tmp_path and tmp.name.startswith(".facts.csv.") and tmp.name.endswith(".tmp")
    assert target.read_text(encoding="utf-8") == "old\n"
    publish([(tmp, target)])
    assert list(csv.reader(open(target, newline="", encoding="utf-8"))) == [["a", "b"], ["1", "x,y"], ["2", "é\nz"]]
    assert not tmp.exists() and oct(target.stat().st_mode & 0o777) != "0o600"


def test_leftover_temporaries_are_removed(tmp_path: Path):
    (tmp_path / ".facts.csv.abc123.tmp").write_text("partial")
    (tmp_path / "facts.csv").write_text("kept")
    (tmp_path / "notes.tmp").write_text("kept: not one of ours")
    assert remove_temporaries(tmp_path) == 1
    assert sorted(os.listdir(tmp_path)) == ["facts.csv", "notes.tmp"]
    assert remove_temporaries(tmp_path / "missing") == 0
