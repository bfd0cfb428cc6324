"""The web layer's pure parts: text pieces for highlighting, timeline geometry, Kazakh name order."""

from __future__ import annotations

import pytest

from derek.lang.kk.normalize import kazakh_key
from derek.web.highlight import Mark, answer_marks, pieces
from derek.web.timeline_svg import WIDTH, chart

TEXT = "Қазақстан 1992 жылғы 2 наурызда БҰҰ-ға мүше болды."

# (marks as (start, end, kind), expected pieces as (text, kinds))
PIECE_CASES = [
    ([], [(TEXT, [])]),
    ([(0, 9, "ent")], [("Қазақстан", ["ent"]), (TEXT[9:], [])]),
    ([(0, 50, "ev"), (10, 31, "date")],
     [("Қазақстан ", ["ev"]), ("1992 жылғы 2 наурызда", ["ev", "date"]), (TEXT[31:], ["ev"])]),
    ([(10, 20, "date"), (15, 25, "qty")],
     [(TEXT[:10], []), (TEXT[10:15], ["date"]), (TEXT[15:20], ["date", "qty"]),
      (TEXT[20:25], ["qty"]), (TEXT[25:], [])]),
    ([(5, 3, "bad"), (40, 99, "out")], [(TEXT, [])]),  # empty or out-of-range marks are dropped
]


@pytest.mark.parametrize("marks, expected", PIECE_CASES)
def test_web_views_pieces_cover_text_once(marks, expected):
    got = pieces(TEXT, [Mark(a, b, k) for a, b, k in marks])
    assert "".join(p.text for p in got) == TEXT
    assert [(p.text, p.kinds) for p in got] == expected


def test_web_views_pieces_anchor_first_quote_piece_and_link_entity():
    got = pieces(TEXT, [Mark(0, 14, "quote"), Mark(0, 9, "ent", "Қазақстан", "state:kz")])
    assert [p.anchor for p in got] == ["quote", None, None]
    assert got[0].entity == "state:kz" and got[1].entity is None


def test_web_views_answer_marks_use_span_values():
    quote = {"start": 100, "end": 150, "text": TEXT}
    spans = [{"start": 110, "end": 131, "value": "1992-03-02"}, {"start": 100, "end": 109, "value": "state:kz"},
             {"start": 200, "end": 210, "value": "1992-03-02"}]
    marks = answer_marks(quote, spans, "1992-03-02", "1992 жылғы 2 наурыз")
    assert [(m.start, m.end) for m in marks] == [(10, 31)]
    fallback = answer_marks(quote, [], None, "БҰҰ")
    assert [(m.start, m.end) for m in fallback] == [(32, 35)]


def event(year: int, time: str, predicate: str = "member_of") -> dict:
    return {"year": year, "time": time, "predicate": predicate, "label": "мүше болды",
            "subject": {"name": "Қазақстан"}, "object": {"name": "БҰҰ"}, "value": None,
            "sources": [{"doc_id": 3, "start": 5, "end": 40}]}


def test_web_views_timeline_chart_geometry():
    c = chart([event(1991, "1991-12-21"), event(1992, "1992-07"), event(2015, "2015", "signed")])
    years = [year for _, year in c.ticks]
    assert years[0] <= 1991 and years[-1] >= 2015
    xs = [r.x for r in c.rows]
    assert xs == sorted(xs) and all(0 < x < WIDTH for x in xs)
    assert [r.group for r in c.rows] == ["membership", "membership", "role"]
    assert c.rows[0].href == "/doc/3?start=5&end=40#quote"
    assert c.rows[1].date == "1992 жылғы шілде"
    assert len({r.y for r in c.rows}) == 3 and c.height > c.rows[-1].y


def test_web_views_timeline_chart_empty_and_capped():
    assert chart([]).rows == []
    many = chart([event(1900 + i % 100, str(1900 + i % 100)) for i in range(450)])
    assert len(many.rows) == 400 and many.hidden == 50


def test_web_views_kazakh_alphabet_order():
    names = ["Қытай", "Ресей", "Әзербайжан", "Армения", "Қазақстан", "Ұлыбритания", "Үндістан"]
    assert sorted(names, key=kazakh_key) == ["Армения", "Әзербайжан", "Қазақстан", "Қытай",
                                             "Ресей", "Ұлыбритания", "Үндістан"]
