"""How a candidate span stands where the question word stands: the question's words either side
of its question word against the sentence's words either side of the span («X қай жылы құрылды?»
↔ «X 1991 жылы құрылды»), and the asked case against the span's.
"""

from __future__ import annotations

from dataclasses import dataclass

from derek.doc import Token
from derek.kb.search import term
from derek.query.reader_context import lcs

SIDE = 4  # words each side of the question word (and of the span) that are aligned
STEM = 5  # letters of a shared start that make two lemmas one word


@dataclass(slots=True)
class Frame:
    """The question around its question word: stems left (nearest first) and right (nearest first,
    after the asked noun), and the asked noun's stem and form."""

    left: list[str]
    right: list[str]
    focus: str  # the asked noun's stem («жыл» of «қай жылы»; "" when none)
    focus_form: str  # the asked noun as written, lowercased («жылы»)


def key(token: Token) -> str:
    """A token's stem for alignment: its lemma's first letters ("" for punctuation)."""
    return term(token)[:STEM]


def frame(tokens: list[Token], words: set[int], focus: str | None) -> Frame:
    """The question's frame; an empty frame when it has no question word."""
    keys = [key(t) for t in tokens]
    if not words:
        return Frame([], [], "", "")
    first, last = min(words), max(words)
    fstem = (focus or "")[:STEM]
    after = [i for i in range(last + 1, len(tokens)) if keys[i]]
    inside = [i for i in sorted(words) if keys[i] == fstem and fstem]
    if after and fstem and keys[after[0]] == fstem and not inside:
        inside, after = [after[0]], after[1:]  # «қай облыста орналасқан»: the asked noun follows
    form = tokens[inside[0]].norm.lower() if inside else ""
    left = [keys[i] for i in range(first - 1, -1, -1) if keys[i]][:SIDE]
    return Frame(left, [keys[i] for i in after][:SIDE], fstem, form)


def _run(a: list[str], b: list[str]) -> int:
    """How many leading stems two nearest-first lists share in a row."""
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def span_alignment(keys: list[str], first: int, last: int, f: Frame) -> dict[str, float]:
    """Features of span first..last (token indexes of a sentence whose stems are ``keys``) against
    the question frame: the nearest words, the common runs and the in-order overlap either side."""
    out: dict[str, float] = {}
    if not f.left and not f.right:
        return out
    left = [k for k in reversed(keys[:first]) if k][:SIDE + 1]
    right = [k for k in keys[last + 1 :] if k][:SIDE + 1]
    if right and f.focus and right[0] == f.focus:
        right = right[1:]  # «1991 жылы құрылды»: the asked noun after the span
    inner = [k for k in keys[first : last + 1] if k]
    if inner and f.focus and inner[-1] == f.focus:
        out["al:ends_focus"] = 1.0
    for side, q, s in (("left", f.left, left), ("right", f.right, right)):
        if not q:
            continue
        run = _run(q, s)
        out[f"al:{side}_run"] = min(run, 3) / 3
        out[f"al:{side}_adjacent"] = float(run > 0)
        out[f"al:{side}_near"] = float(q[0] in s[:3])
        out[f"al:{side}_lcs"] = lcs(q, s[:SIDE]) / len(q)
    both = out.get("al:left_near", 0.0) + out.get("al:right_near", 0.0)
    out[f"al:sides={int(both)}"] = 1.0
    return out


def case_alignment(asked_case: str, span_case: str, span_form: str, f: Frame) -> dict[str, float]:
    """The asked case (the question word's, else the asked noun's: «кімге» DAT, «қай облыста» LOC)
    against the span's last word; «қай жылы» ~ a span ending in «жылы»."""
    out: dict[str, float] = {}
    if f.focus_form and span_form == f.focus_form:
        out["al:same_form"] = 1.0
    if asked_case in ("NOM", "none"):
        return out
    out["al:case_same" if asked_case == span_case else "al:case_other"] = 1.0
    return out
