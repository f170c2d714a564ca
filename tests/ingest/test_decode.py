"""bytes -> clean text: encodings, BOMs, mojibake, typography kept, control characters, binary."""
from __future__ import annotations

import codecs

import pytest

from pipeline.ingest import read_file
from pipeline.ingest.decode import (
    BinaryContent,
    clean_text,
    declared_encoding,
    decode_bytes,
    looks_binary,
    repair_mojibake,
)

NBSP, NNBSP = "\u00a0", "\u202f"
TEXT = f"Le modèle d’experts « clairsemé » coûte 3{NBSP}000 € et tient 1{NNBSP}448 points, l’œuvre."


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        pytest.param(TEXT.encode("utf-8"), TEXT, "utf-8", id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + TEXT.encode("utf-8"), TEXT, "utf-8", id="utf-8 BOM stripped"),
        pytest.param(TEXT.encode("cp1252", "ignore"), TEXT.replace(NNBSP, ""), "cp1252", id="cp1252"),
        pytest.param(codecs.BOM_UTF8 + TEXT.encode("cp1252", "ignore"), TEXT.replace(NNBSP, ""), "cp1252",
                     id="utf-8 BOM on cp1252 bytes (found by tests/properties)"),
        pytest.param("Qwen À 𝀀\n".encode("utf-8") + "Le modèle\n".encode("latin-1"), "Qwen À 𝀀\nLe modèle\n",
                     "utf-8+cp1252", id="utf-8 with a latin-1 line, neither cp1252 (found by tests/properties)"),
        pytest.param(
            TEXT.encode("utf-8").decode("cp1252", "replace").encode("utf-8"),
            TEXT,
            "utf-8+mojibake-repaired",
            id="mojibake (utf-8 read as cp1252, saved as utf-8)",
        ),
        pytest.param(
            "la start-up franÃ§aise revient au mÃ©lange dâ€™experts, 3Â\u00a0000 GPU".encode("utf-8"),
            f"la start-up française revient au mélange d’experts, 3{NBSP}000 GPU",
            "utf-8+mojibake-repaired",
            id="mojibake from corpus file 06",
        ),
        pytest.param(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), TEXT, "utf-16", id="utf-16 LE BOM"),
        pytest.param(b"ligne 1\r\nligne 2\rligne 3\n", "ligne 1\nligne 2\nligne 3\n", "utf-8", id="line endings"),
        pytest.param(b"a\x00b\x07c\td\x0be\x1bf\n", "abc\tdef\n", "utf-8", id="C0 controls removed but tab/newline"),
        pytest.param("“guillemets” ‘simples’ — tiret".encode("utf-8"), "“guillemets” ‘simples’ — tiret", "utf-8",
                     id="curly quotes kept"),
        pytest.param("ﬁn ＡＢＣ".encode("utf-8"), "ﬁn ＡＢＣ", "utf-8", id="no NFKC (ligature, full width kept)"),
        pytest.param("e\u0301te\u0301".encode("utf-8"), "été", "utf-8", id="NFC composition"),
        pytest.param(b"<meta charset=\"iso-8859-15\"><p>\xa4 \xe9t\xe9</p>", "<meta charset=\"iso-8859-15\"><p>€ été</p>",
                     "iso8859-15", id="declared charset (see declared_encoding)"),
    ],
)
def test_decode_bytes(data: bytes, text: str, encoding: str):
    declared = declared_encoding(data)
    decoded = decode_bytes(data, declared=declared)
    assert decoded.text == text
    assert decoded.encoding == encoding


def test_corpus_cp1252_file(corpus_dir):
    decoded = decode_bytes((corpus_dir / "05-qwen3-alibaba.cp1252.txt").read_bytes())
    assert decoded.encoding == "cp1252"
    assert "mélange d’experts" in decoded.text
    assert "50 milliards €" in decoded.text
    assert "le cœur de sa stratégie" in decoded.text


def test_corpus_mojibake_file(corpus_dir):
    decoded = decode_bytes((corpus_dir / "06-mistral-large3-mojibake.txt").read_bytes())
    assert decoded.encoding == "utf-8+mojibake-repaired"
    assert decoded.text.startswith("Mistral Large 3 : la start-up française revient au mélange d’experts")
    assert f"3{NBSP}000 GPU" in decoded.text
    assert "Ã" not in decoded.text and "â€" not in decoded.text


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", id="png"),
        pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", id="pdf"),
        pytest.param(b"PK\x03\x04\x14\x00", id="zip/docx"),
        pytest.param(bytes(range(256)) * 8, id="all bytes"),
        pytest.param(b"texte\x00" * 50, id="many NULs"),
        pytest.param("un texte sans marque d’ordre".encode("utf-16-le"), id="utf-16 without BOM"),
    ],
)
def test_binary_content_raises(data: bytes):
    with pytest.raises(BinaryContent):
        decode_bytes(data)


@pytest.mark.parametrize(
    ("data", "binary"),
    [
        (b"du texte ordinaire", False),
        (b"un NUL \x00 perdu dans un long texte" * 3, False),
        (codecs.BOM_UTF16_LE + "texte".encode("utf-16-le"), False),
        (b"\x00\x01\x02\x00" * 10, True),
        (b"GIF89a......", True),
    ],
)
def test_looks_binary(data: bytes, binary: bool):
    assert looks_binary(data) is binary


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("modÃ¨le", "modèle"),
        ("dâ€™experts", "d’experts"),
        ("dÃ©jÃ  vu", "déjà vu"),
        ("dÃ©cembre", "décembre"),
        ("déjà correct, l’IA « ouverte »", "déjà correct, l’IA « ouverte »"),
        ("plain ascii", "plain ascii"),
        (f"95{NNBSP}% et 3{NBSP}000", f"95{NNBSP}% et 3{NBSP}000"),
    ],
)
def test_repair_mojibake(text: str, expected: str):
    assert repair_mojibake(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a\r\nb", "a\nb"),
        ("a\x00b", "ab"),
        ("a\x85b", "ab"),  # C1 control
        ("tab\tkept\n", "tab\tkept\n"),
        (f"nbsp{NBSP}kept", f"nbsp{NBSP}kept"),
    ],
)
def test_clean_text(text: str, expected: str):
    assert clean_text(text) == expected


@pytest.mark.parametrize(
    ("head", "encoding"),
    [
        (b'<meta charset="utf-8">', "utf-8"),
        (b"<meta http-equiv=Content-Type content='text/html; charset=windows-1252'>", "cp1252"),
        (b'<?xml version="1.0" encoding="ISO-8859-1"?><html>', "iso8859-1"),
        (b'<meta charset="klingon">', None),
        (b"<p>rien</p>", None),
        (b'<meta charset="shift_jis">', "shift_jis"),
        (b'<meta charset="macintosh">', "mac-roman"),
        # Python knows these, the web does not: read as if nothing were declared
        (b'<meta charset="utf-16">', None),
        (b'<meta charset="unicode_escape">', None),
        (b'<meta charset="undefined">', None),
        (b'<meta charset="cp037">', None),
        (b'<meta charset="utf-7">', None),
        (b'<meta charset="zlib">', None),
    ],
)
def test_declared_encoding(head: bytes, encoding):
    assert declared_encoding(head) == encoding


@pytest.mark.parametrize("charset", ["utf-16", "unicode_escape", "undefined", "cp037", "utf-7", "zlib", "idna"])
def test_a_page_declaring_an_encoding_no_browser_knows_is_read_as_one_declaring_none(tmp_path, charset):
    """A Windows-1252 page (« é » one byte) with a backslash sequence and a « + » run: read as
    Windows-1252, its text intact (« utf-16 » read it as Chinese, « undefined » made it an
    internal error, « cp037 » binary, « unicode_escape » rewrote « \\n »)."""
    text = "Le modèle Mistral 7B compte 7 milliards de paramètres (+10 % en C:\\new), selon Mistral AI, qui le publie."
    page = f"<html><head><meta charset='{charset}'></head><body><article><h1>Titre</h1><p>{text}</p></article></body></html>"
    data = page.encode("cp1252")
    path = tmp_path / "page.html"
    path.write_bytes(data + b" " * (len(data) % 2))  # (an even length: UTF-16 would decode it whole)
    (article,) = read_file(path, source="page.html")
    assert (article.status, article.encoding) == ("ok", "cp1252"), article.reason
    assert text in article.text
