"""Bytes -> clean text: encoding detection, mojibake repair, control-character removal.

Pure functions. The order is fixed and recorded in ``Decoded.encoding``:

1. a byte-order mark decides (UTF-16, UTF-32; UTF-8 when the bytes after it are UTF-8, else
   they are read as if it were not there);
2. otherwise strict UTF-8, then an encoding declared by the document (HTML ``<meta charset>``),
   then Windows-1252, then, for bytes that are neither (UTF-8 text with a few lines in another
   encoding, whose UTF-8 sequences hold bytes Windows-1252 leaves undefined), UTF-8 where the
   bytes are UTF-8 and Windows-1252 (Latin-1 for its five undefined bytes) for each byte that is
   not: « utf-8+cp1252 », which never fails;
3. mojibake (UTF-8 once decoded as Windows-1252 and saved again: "modÃ¨le", "dâ€™experts") is
   repaired with ftfy, restricted to encoding fixes: quotes, apostrophes, NBSP (U+00A0) and
   narrow NBSP (U+202F) are kept as they are;
4. line endings become ``\\n``; NUL and the other C0/C1 control characters except ``\\n`` and
   ``\\t`` are removed; the text is put in Unicode NFC (canonical composition only, never NFKC);
   U+2010 and U+2011 (look-alike hyphens) become « - », soft hyphens and zero-width spaces go.

Content that looks binary raises :class:`BinaryContent`.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

MOJIBAKE_SUFFIX = "+mojibake-repaired"
MIXED = "utf-8+cp1252"  # UTF-8 with bytes that are not (see _mixed_utf8)
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")  # a byte that is not UTF-8, as errors="surrogateescape" leaves it

# Magic numbers of common binary formats that may sit in a corpus folder by mistake.
_BINARY_MAGIC = (
    b"%PDF-",
    b"\x89PNG",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",  # JPEG
    b"PK\x03\x04",  # zip, docx, xlsx, epub
    b"\x1f\x8b",  # gzip
    b"\x7fELF",
    b"\xd0\xcf\x11\xe0",  # legacy MS Office
)

# Byte-order marks, longest first (the UTF-32-LE mark starts with the UTF-16-LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)

# C0 controls except \t (09) and \n (0A), DEL, and C1 controls (what is left of them after
# ftfy has mapped the cp1252-looking ones back to their characters).
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_NEWLINES = re.compile(r"\r\n?")
_CHARSET_DECLARATION = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)

# More than this share of control characters (or of NUL bytes), and more than a few stray
# ones, means binary content.
_MAX_CONTROL_SHARE = 0.05
_MAX_NUL_SHARE = 0.01
_STRAY = 8


class BinaryContent(ValueError):
    """The bytes are not text in any encoding we read."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # "utf-8", "cp1252", "utf-8+mojibake-repaired", ...


def decode_bytes(data: bytes, *, declared: str | None = None) -> Decoded:
    """Decode ``data`` to clean text; ``declared`` is an encoding named by the document itself.

    Raises :class:`BinaryContent` for binary data.
    """
    if looks_binary(data):
        raise BinaryContent("binary file")
    text, encoding = _decode(data, declared=declared)
    text = normalise_newlines(text)
    if _too_many_controls(text):
        raise BinaryContent("binary file")
    repaired = repair_mojibake(text)
    if repaired != text:
        text, encoding = repaired, encoding + MOJIBAKE_SUFFIX
    return Decoded(text=clean_text(text), encoding=encoding)


def looks_binary(data: bytes) -> bool:
    """Known binary signatures, or NUL bytes beyond a few stray ones (UTF-16/32 with a BOM is text)."""
    if data.startswith(_BINARY_MAGIC):
        return True
    if any(data.startswith(bom) for bom, _, _ in _BOMS if bom != codecs.BOM_UTF8):
        return False
    nuls = data.count(0)
    return nuls > _STRAY and nuls > _MAX_NUL_SHARE * len(data)


# The encodings a web page may declare (the Encoding Standard's, by Python's names), and only
# those: a page that declares another is read as if it declared none, as a browser reads it.
# « utf-16 » in a page that has no byte-order mark is UTF-8 to a browser (its bytes are ASCII-
# compatible, or the parser could not have read the declaration); « unicode_escape » would rewrite
# every backslash sequence of the page; « undefined » raises; EBCDIC (« cp037 ») makes an ASCII
# page binary; « utf-7 » decodes « + » runs.
WEB_ENCODINGS = frozenset({
    "utf-8", "ascii", "iso8859-1", "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256",
    "cp1257", "cp1258", "cp866", "cp874", "iso8859-2", "iso8859-3", "iso8859-4", "iso8859-5", "iso8859-6",
    "iso8859-7", "iso8859-8", "iso8859-10", "iso8859-11", "iso8859-13", "iso8859-14", "iso8859-15",
    "iso8859-16", "koi8-r", "koi8-u", "mac-roman", "mac-cyrillic", "tis-620", "gbk", "gb2312", "gb18030",
    "big5", "big5hkscs", "euc_jp", "iso2022_jp", "shift_jis", "cp932", "euc_kr",
})


def declared_encoding(data: bytes) -> str | None:
    """The encoding an HTML/XML document declares in its first 2 KB, if it is one of the web's
    (:data:`WEB_ENCODINGS`)."""
    head = data[:2048]
    match = _CHARSET_DECLARATION.search(head) or _XML_ENCODING.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore")
    try:
        name = codecs.lookup(name).name
    except LookupError:
        return None
    return name if name in WEB_ENCODINGS else None


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR -> LF."""
    return _NEWLINES.sub("\n", text)


# The lead bytes of UTF-8 read as cp1252/latin-1: « Ã© », « â€™ », « Â » before a space or sign.
_MOJIBAKE_HINT = re.compile("[ÃÂâÅÆÐÑÒÓÔÕÖØ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")


def repair_mojibake(text: str) -> str:
    """Undo UTF-8-read-as-cp1252/latin-1 damage; leave everything else (quotes, spaces) alone."""
    if text.isascii() or not _MOJIBAKE_HINT.search(text):
        return text  # no « Ã© », « â€™ », « Â » sequence: nothing to repair, skip the slow fixer
    import ftfy

    return ftfy.fix_text(text, _ftfy_config())


# Hyphens that look like « - » (U+2010, the non-breaking U+2011) become it, so that
# « Qwen‑3‑Max » is « Qwen-3-Max »; soft hyphens and zero-width characters go.
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u00ad": None, "\u200b": None, "\u2060": None})
_TRANSLATED = re.compile(f"[{''.join(map(chr, _HYPHENS))}]")  # (str.translate is slow on French text: only when needed)


def clean_text(text: str) -> str:
    """LF line endings, no control characters but ``\\n`` and ``\\t``, NFC composition; look-alike
    hyphens as « - », no soft hyphens or zero-width spaces."""
    text = _CONTROL_CHARS.sub("", normalise_newlines(text))
    if _TRANSLATED.search(text):
        text = text.translate(_HYPHENS)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def _decode(data: bytes, *, declared: str | None) -> tuple[str, str]:
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), label
            except UnicodeDecodeError as exc:
                if codec != "utf-8":
                    raise BinaryContent("binary file") from exc
                # A UTF-8 mark on bytes that are not all UTF-8 (lines in Windows-1252 appended to
                # a file an editor started): text all the same, read like a file without the mark.
                data = data[len(bom):]
                break
    candidates = ["utf-8"]
    if declared and declared not in candidates:
        candidates.append(declared)
    candidates += ["cp1252"]
    for codec in candidates:
        try:
            return data.decode(codec), codec
        except (UnicodeError, LookupError):
            continue
    return _mixed_utf8(data), MIXED


def _mixed_utf8(data: bytes) -> str:
    """UTF-8 where the bytes are UTF-8, each other byte as Windows-1252 (Latin-1 where undefined).
    (Read as Latin-1 whole, a UTF-8 file with one Latin-1 line had its UTF-8 sequences turned into
    C1 control characters, enough of them to be refused as binary: every line of a JSONL file lost.)"""
    text = data.decode("utf-8", errors="surrogateescape")
    return _ESCAPED_BYTE.sub(lambda m: _byte_char(ord(m.group()) - 0xDC00), text)


def _byte_char(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D
        return chr(byte)


def _too_many_controls(text: str) -> bool:
    controls = len(_CONTROL_CHARS.findall(text))
    return controls > _STRAY and controls > _MAX_CONTROL_SHARE * len(text)


@lru_cache(maxsize=1)
def _ftfy_config():
    from ftfy import TextFixerConfig

    return TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_encoding=True,
        restore_byte_a0=True,
        replace_lossy_sequences=True,
        decode_inconsistent_utf8=True,
        fix_c1_controls=True,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=True,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )
