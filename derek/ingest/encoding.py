"""Detect and decode the encoding of a text file, Kazakh code pages included.

charset-normalizer finds the family (UTF-8/16, single-byte Cyrillic), but KZ-1048, PTCP154
and CP1251 differ only in the bytes of the Kazakh letters, which it does not weigh; derek
decides between them by which decoding yields real Kazakh letters.
"""

from __future__ import annotations

import codecs
import re

from derek.errors import ReadError

SAMPLE_BYTES = 1 << 20
_SINGLE_BYTE_CYRILLIC = ("cp1251", "kz1048", "ptcp154", "koi8_r", "mac_cyrillic", "cp866", "iso8859_5")
_KAZAKH = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
_ALPHABET = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюя") | {c.upper() for c in "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def detect_encoding(sample: bytes, name: str) -> str:
    """The codec name for a file whose first bytes are ``sample``; ReadError for binary data."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if _is_utf8(sample):
        return "utf-8"
    if b"\x00" in sample and not _looks_utf16(sample):
        raise ReadError(f"{name}: binary file (contains NUL bytes), not a text document")
    if _looks_utf16(sample):
        return "utf-16-le" if _high_bytes(sample[1::2]) > _high_bytes(sample[0::2]) else "utf-16-be"
    from charset_normalizer import from_bytes  # lazy: slow to import

    best = from_bytes(sample).best()
    if best is None:
        raise ReadError(f"{name}: cannot detect a text encoding (binary or corrupt file)")
    encoding = codecs.lookup(best.encoding).name
    if encoding.replace("-", "_") in _SINGLE_BYTE_CYRILLIC or _mostly_high_bytes(sample):
        encoding = _pick_cyrillic_codepage(sample)
    return encoding


def _is_utf8(sample: bytes) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(sample, final=len(sample) < SAMPLE_BYTES)
    except UnicodeDecodeError:
        return False
    return b"\x00" not in sample


def _looks_utf16(sample: bytes) -> bool:
    """UTF-16 without a BOM: Cyrillic has 0x04 high bytes, spaces and digits a NUL byte."""
    if len(sample) < 4:
        return False
    best = max(_high_bytes(sample[0::2]), _high_bytes(sample[1::2]))
    return best / max(len(sample) // 2, 1) > 0.6


def _high_bytes(half: bytes) -> int:
    """How many bytes look like the high byte of a Latin/Cyrillic UTF-16 code unit."""
    return half.count(0) + half.count(4)


def _mostly_high_bytes(sample: bytes) -> bool:
    return sum(b >= 0xC0 for b in sample) > len(sample) // 4


def _pick_cyrillic_codepage(sample: bytes) -> str:
    """Of the single-byte Cyrillic code pages, the one whose decoding reads most like Kazakh."""
    best, best_score = "cp1251", float("-inf")
    for encoding in _SINGLE_BYTE_CYRILLIC:
        text = sample.decode(encoding, errors="replace")
        score = _kazakh_score(text)
        if score > best_score:
            best, best_score = encoding, score
    return best


def _kazakh_score(text: str) -> float:
    letters = sum(c in _ALPHABET for c in text)
    kazakh = sum(c in _KAZAKH for c in text)
    # Letters outside the Kazakh/Russian alphabet (ђ, ў, ї, Ѓ ...) and control bytes mean the
    # wrong page was tried.
    odd = sum(1 for c in text if "\u0400" <= c <= "\u04ff" and c not in _ALPHABET and c not in _KAZAKH)
    odd += len(_CONTROL.findall(text)) + text.count("\ufffd")
    return letters + 2 * kazakh - 5 * odd
