"""The synthetic corpus generator of the benchmark (bench/corpus.py): deterministic, complete,
readable by the pipeline's reader as French ok articles, and not a copy of the source corpus."""
from __future__ import annotations

import collections
import hashlib
import json
import re
from pathlib import Path

import pytest

from bench import corpus as gen
from pipeline.ingest import read_corpus

N = 60
SEED = 7


@pytest.fixture(scope="module")
def generator() -> gen.Generator:
    return gen.Generator()


@pytest.fixture(scope="module")
def generated(generator, tmp_path_factory) -> tuple[Path, gen.Manifest]:
    out = tmp_path_factory.mktemp("bench-corpus") / "c"
    return out, gen.generate(N, out, seed=SEED, generator=generator)


@pytest.fixture(scope="module")
def articles(generated) -> list:
    return list(read_corpus(generated[0]))


def digest(folder: Path) -> str:
    """Hash of every generated file, path and bytes (the manifest aside: it holds a duration)."""
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")):
        h.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def test_same_seed_same_bytes_other_seed_other_bytes(generator, generated, tmp_path):
    first, _ = generated
    again = gen.generate(N, tmp_path / "again", seed=SEED, generator=generator)
    assert digest(tmp_path / "again") == digest(first)
    assert again.bytes == generated[1].bytes
    gen.generate(N, tmp_path / "other", seed=SEED + 1, generator=generator)
    assert digest(tmp_path / "other") != digest(first)


def test_a_smaller_corpus_is_a_prefix_of_a_larger_one(generator, generated, tmp_path):
    first, _ = generated
    small = tmp_path / "small"
    gen.generate(25, small, seed=SEED, generator=generator)
    files = sorted(p.relative_to(small) for p in small.rglob("*") if p.is_file() and not p.name.startswith("."))
    for rel in files[:-1]:  # the last file may be a JSONL file cut short
        assert (small / rel).read_bytes() == (first / rel).read_bytes()


def test_requested_count_across_formats_and_folders(generator, generated, articles, tmp_path, monkeypatch):
    folder, manifest = generated
    assert len(articles) == N == manifest.articles
    assert sum(v["articles"] for v in manifest.by_format.values()) == N
    by_format = collections.Counter(a.format for a in articles)
    assert set(by_format) == {"txt", "md", "html", "jsonl"}
    assert by_format["txt"] > by_format["html"]
    jsonl_files = list(folder.rglob("*.jsonl"))
    assert jsonl_files and all(len(p.read_text(encoding="utf-8").splitlines()) > 1 for p in jsonl_files)
    on_disk = [p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")]
    assert len(on_disk) == manifest.files and sum(p.stat().st_size for p in on_disk) == manifest.bytes
    assert json.loads((folder / gen.MANIFEST).read_text(encoding="utf-8"))["articles"] == N

    monkeypatch.setattr(gen, "FILES_PER_FOLDER", 10)  # subfolders of FILES_PER_FOLDER files
    gen.generate(N, tmp_path / "split", seed=SEED, generator=generator)
    folders = sorted(p for p in (tmp_path / "split").iterdir() if p.is_dir())
    assert [p.name for p in folders[:2]] == ["d000", "d001"]
    assert all(len(list(p.iterdir())) <= 10 for p in folders)


def test_every_article_is_french_ok_and_distinct(articles):
    assert all(a.status == "ok" and a.language == "fr" for a in articles), [
        (a.source, a.status, a.reason) for a in articles if a.status != "ok" or a.language != "fr"]
    assert all(a.text.strip() and a.title for a in articles)
    assert len({a.article_id for a in articles}) == len(articles)


def test_model_names_and_numbers_vary(generator, articles):
    t = generator.t
    source_text = "\n".join(t.source_texts)
    names = collections.Counter(m[2] for a in articles for m in t.find_mentions(a.text))
    assert len(names) >= 3 * len(articles) // 2  # many distinct names, not the source's handful
    unseen = [n for n in names if n not in source_text]
    assert len(unseen) >= len(names) // 2
    assert len({t.org_of_family[m[3]] for a in articles for m in t.find_mentions(a.text)}) >= 10

    figures = re.compile(r"\d+(?:[ \u00a0]\d{3})*(?:,\d+)? ?(?:milliards|Md|%|[kK]\b)")
    generated_figures = [f for a in articles for f in figures.findall(a.text)]
    source_figures = set(figures.findall(source_text))
    assert len(generated_figures) >= 2 * len(articles)
    assert sum(f not in source_figures for f in generated_figures) >= len(generated_figures) // 2

    source_paragraphs = {p.strip() for p in re.split(r"\n\s*\n", source_text)}
    paragraphs = [p.strip() for a in articles for p in re.split(r"\n\s*\n", a.text)
                  if t.find_mentions(p) and len(p) > 200]
    copied = [p for p in paragraphs if p in source_paragraphs]
    assert len(copied) <= len(paragraphs) // 10
    assert not {a.text for a in articles} & set(t.source_texts)


@pytest.mark.slow
def test_generated_names_are_read_whole_by_the_pipeline_recognizer(generator, articles):
    """The generator's copy of the family pattern agrees with pipeline/recognize/models.py
    (which loads spaCy's French data: slow on its own, free inside the whole suite)."""
    from pipeline.recognize.models import find_model_mentions

    t = generator.t
    names = sorted({m[2] for a in articles for m in t.find_mentions(a.text)})
    assert names
    for name in names:
        found = [m.text for m in find_model_mentions(f"Le modèle {name} a été publié.")]
        assert found == [name]
