"""The texts/ writer (``pipeline.run._TextWriter``): a text appears under its name only when the
writer is done (its content fsynced first), never half written; a text already there is kept."""
from __future__ import annotations

import os

import pytest

from pipeline.run import _TextWriter


def test_texts_appear_only_when_the_writer_is_done(tmp_path):
    folder = tmp_path / "texts"
    with _TextWriter(folder) as writer:
        for i in range(50):  # more than the writer lets wait
            writer.write(f"{i:016x}", f"texte {i} é")
        writer._pending and writer._pending[-1].result()  # (the last one written to its temporary)
        assert not any(name.endswith(".txt") for name in os.listdir(folder))
    names = sorted(os.listdir(folder))
    assert names == [f"{i:016x}.txt" for i in range(50)]
    assert (folder / f"{7:016x}.txt").read_text(encoding="utf-8") == "texte 7 é"


def test_a_text_already_there_is_kept(tmp_path):
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "00000000000000aa.txt").write_text("déjà là", encoding="utf-8")
    with _TextWriter(folder) as writer:
        writer.write("00000000000000aa", "autre chose")
        writer.write("00000000000000bb", "nouveau")
    assert (folder / "00000000000000aa.txt").read_text(encoding="utf-8") == "déjà là"
    assert sorted(os.listdir(folder)) == ["00000000000000aa.txt", "00000000000000bb.txt"]


def test_a_failed_write_leaves_no_temporary(tmp_path, monkeypatch):
    folder = tmp_path / "texts"
    import pipeline.run as run

    def fail(path, *a):
        raise OSError("disque plein")

    with pytest.raises(OSError):
        with _TextWriter(folder) as writer:
            writer.write("00000000000000aa", "un")
            writer._pending[-1].result()
            monkeypatch.setattr(run, "fsync_file", fail)
    assert os.listdir(folder) == []
