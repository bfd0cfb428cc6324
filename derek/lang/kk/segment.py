"""Tokens and sentences for Kazakh text; reads Document.text, writes tokens and sentences.

Tokenizing runs on the normalized text (lang.kk.normalize) and maps every offset back, so
``doc.text[t.start:t.end] == t.text`` holds for the original text whatever its scripts.
"""

from __future__ import annotations

import re
from functools import cache

from derek.doc import Document, Sentence, Token
from derek.lang.kk.normalize import Normalized, normalize
from derek.lang.kk.resources import load_list, load_tsv

_L = r"[^\W\d_]"  # a letter in any script
_TOKEN = re.compile(
    r"""
    (?P<plain>{L}+(?![\w.@'+:-]))                      # most words: "word" would match
                                                       # them, and no earlier branch could
  | (?P<url>(?:https?://|www\.)[^\s"<>«»]+)
  | (?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)
  | (?P<numsuf>\d+(?:[.,]\d+)*%?-{L}+)                 # 8-інде, 168-ші, 5%-ы
  | (?P<range>\d+(?:[.,]\d+)?-\d+(?:[.,]\d+)?(?!\w))    # 2013-2015, 16-17
  | (?P<num>\d+(?:[.,]\d+)*)                           # 1991, 54,6, 29.05.2014
  | (?P<dotted>{L}+(?:\.{L}+)*\.)                      # т.б., млн., Н. (checked below)
  | (?P<word>[^\W_]+(?:['-][^\W_]+)*)                  # БҰҰ-ның, іс-қимыл, G20
  | (?P<ellipsis>\.\.\.|…)
  | (?P<punct>\S)
    """.replace("{L}", _L),
    re.VERBOSE,
)
_SPACED_SUFFIX = re.compile(r"[ \t]*-[ \t]*(" + _L + r"+)(?!\w)")
_DASH_CUT = re.compile(r"(?<=\w)(?=['-])")  # before a hyphen or apostrophe inside a word
_SENTENCE_END = {".", "!", "?", "...", "…", "?!", "!?"}
_CLOSERS = {")", "»", "”", '"', "’", "'", "]"}
_LEADS = ("-", " ", "\t")  # what may follow a space before a detached suffix (_SPACED_SUFFIX)


@cache
def _abbreviations() -> dict[str, bool]:
    """Lowercased abbreviation -> whether it may end a sentence."""
    return {row["abbr"]: row["can_end"] == "yes" for row in load_tsv("abbreviations.tsv")}


@cache
def _end_letters() -> frozenset[str]:
    """The last letters of sentence-end marks and of abbreviations that may end a sentence."""
    marks = _SENTENCE_END | {abbr for abbr, can_end in _abbreviations().items() if can_end}
    return frozenset(c for mark in marks for c in (mark[-1], mark[-1].upper()))


@cache
def _detached_suffixes() -> frozenset[str]:
    return frozenset(load_list("detached_suffixes.txt"))


def tokenize(text: str, norm: Normalized | None = None) -> list[Token]:
    """Split ``text`` into tokens whose offsets index ``text`` itself."""
    norm = norm or normalize(text)
    normalized = norm.text
    if norm.keeps_offsets():  # most texts: no offset moves, and often no letter changes either
        same = normalized == text
        tokens = []
        for a, b in _token_ranges(normalized):
            piece = text[a:b]
            tokens.append(Token(a, b, piece, piece if same else normalized[a:b]))
        return tokens
    tokens = []
    for start, end in _token_ranges(normalized):
        a, b = norm.span(start, end)
        tokens.append(Token(a, b, text[a:b], normalized[start:end]))
    return tokens


def _token_ranges(s: str) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    pos = 0
    while True:
        for m in _TOKEN.finditer(s, pos):  # no match is empty, so this is search() from each end
            start, end = m.span()
            kind = m.lastgroup
            if kind == "plain":
                kind = "word"  # letters only: no hyphen for _unspaced_dash to cut
            elif kind == "word":
                if "-" in m.group() or "'" in m.group():
                    end = start + _unspaced_dash(m.group())
            elif kind == "url":
                end = start + len(m.group().rstrip(".,;:!?)]'\""))
            elif kind == "dotted":
                end = _dotted_end(m.group(), start, s)
            if (kind in ("word", "dotted") or (kind == "num" and end == m.end())) and (
                s[end : end + 1] == "-" or s[end : end + 1] in (" ", "\t") and s[end + 1 : end + 2] in _LEADS
            ):  # only a dash, or spaces then a dash, can lead to a detached suffix
                end = _attach_spaced_suffix(s, start, end)
            ranges.append((start, end))
            if end != m.end():
                pos = end
                break
        else:
            return ranges


def _dotted_end(tok: str, start: int, s: str) -> int:
    """Keep the period in known abbreviations and initials; otherwise end before it."""
    abbreviations = _abbreviations()
    parts = tok[:-1].split(".")
    # the longest known abbreviation that starts here: "т.с.с." before "т."
    for n in range(len(parts), 0, -1):
        candidate = ".".join(parts[:n]) + "."
        if candidate.lower() in abbreviations:
            return start + len(candidate)
    if len(parts[0]) == 1 and parts[0].isupper():
        return start + 2  # an initial: Н.
    return start + len(parts[0])


def _unspaced_dash(word: str) -> int:
    """Where a hyphen typed for a dash cuts ``word``: «ұйымдарына-Халықаралық» is two words (a
    lower-case word, then a capitalized one), unlike БҰҰ-ның, Қасым-Жомарт or іс-қимыл."""
    if "-" not in word and "'" not in word:
        return len(word)  # nothing to cut (most words)
    pos = 0
    for part in _DASH_CUT.split(word)[:-1]:
        pos += len(part)
        left, right = part.lstrip("'-"), word[pos + 1 : pos + 2]
        if len(left) >= 5 and left.isalpha() and left.islower() and right.isupper():
            return pos
    return len(word)


def _attach_spaced_suffix(s: str, start: int, end: int) -> int:
    """«ТМД – ға»: a bare case ending after a spaced dash belongs to the previous token."""
    m = _SPACED_SUFFIX.match(s, end)
    if m and m.end() > end and (" " in m.group() or "\t" in m.group()):
        word = s[start:end]
        if m.group(1) in _detached_suffixes() and (word.isupper() or word[0].isdigit()):
            return m.end()
    return end


def split_sentences(text: str, tokens: list[Token]) -> list[Sentence]:
    """Group tokens into sentences; abbreviations, initials and decimals do not end one."""
    sentences: list[Sentence] = []
    ends = _end_letters()
    first = 0
    i = 0
    while i < len(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None:
            tok = tokens[i]
            # only an end mark, an abbreviation's last letter or a line break can end one
            if (tok.norm[-1:] not in ends and text.find("\n", tok.end, nxt.start) < 0
                    or not _ends_sentence(text, tok, nxt) or _spaced_initial(tokens, i, first)):
                i += 1
                continue
        # a closing quote or bracket glued to the final period belongs to this sentence
        j = i
        while (
            j + 1 < len(tokens)
            and tokens[j + 1].norm in _CLOSERS
            and tokens[j + 1].start == tokens[j].end
            and tokens[j].norm in _SENTENCE_END | _CLOSERS
        ):
            j += 1
        if j > i and j + 1 < len(tokens) and not _ends_after_quote(text, tokens[j], tokens[j + 1]):
            i = j + 1  # «Біз келдік.» деді: the quoted sentence goes on in the outer one
            continue
        i = j
        sentences.append(Sentence(tokens[first].start, tokens[i].end, first, i + 1))
        first = i = i + 1
    return sentences


def _ends_sentence(text: str, tok: Token, nxt: Token) -> bool:
    gap = text[tok.end : nxt.start]
    if "\n" in gap:
        return _breaks_at_newline(gap, tok, nxt)
    starts = _starts_sentence(nxt)
    if tok.norm in _SENTENCE_END:
        return starts or nxt.norm in ('"', "-")
    can_end = _abbreviations().get(tok.norm.lower())
    if can_end:
        return starts and not nxt.norm.isupper() and len(nxt.norm) > 1
    return False


def _spaced_initial(tokens: list[Token], i: int, first: int) -> bool:
    """«Ф . М . Достоевский»: a period typed apart from a lone capital letter, before another such
    letter or a capitalized name on the same line, closes an initial, not the sentence."""
    tok, nxt = tokens[i], tokens[i + 1]
    if tok.norm != "." or i <= first or not initial_letter(tokens[i - 1].norm):
        return False
    return nxt.norm[:1].isupper() and (initial_letter(nxt.norm) or nxt.norm[1:].islower())


def initial_letter(word: str) -> bool:
    """«Ф» of «Ф . М . Достоевский»: one capital letter, an initial typed apart from its period."""
    return len(word) == 1 and word.isalpha() and word.isupper()


def _ends_after_quote(text: str, closer: Token, nxt: Token) -> bool:
    return "\n" in text[closer.end : nxt.start] or _starts_sentence(nxt)


def _breaks_at_newline(gap: str, tok: Token, nxt: Token) -> bool:
    """Line ends are paragraph ends unless a lowercase word wraps onto a lowercase line."""
    if gap.count("\n") > 1 or tok.norm in _SENTENCE_END:
        return True
    wraps = tok.norm[-1:].islower() or tok.norm in (",", "-", ";", ":")
    return not (wraps and nxt.norm[:1].islower())


def _starts_sentence(tok: Token) -> bool:
    first = tok.norm[:1]
    return first.isupper() or first.isdigit() or first in "\"'(-«"


def segment(doc: Document) -> Document:
    """Pipeline stage: fill ``doc.tokens`` and ``doc.sentences``."""
    doc.tokens = tokenize(doc.text, doc.normalized())
    doc.sentences = split_sentences(doc.text, doc.tokens)
    return doc
