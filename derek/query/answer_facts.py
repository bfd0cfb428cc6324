"""Answers from the knowledge base's facts: the question's entities fill some slots of a fact
with a predicate the question asks about; the slot of the expected type is the answer."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from derek.doc import DateMention
from derek.query.ask import Answer
from derek.query.candidates import DATE_TYPES, short_names
from derek.query.candidates import TYPES as _TYPES
from derek.query.conflicts import ONCE
from derek.query.facts import compatible, earlier_names, fact_records, later_names, route_confidence
from derek.query.figures_asked import figure_answer
from derek.query.fit import LAST, ordinals
from derek.query.former_names import former_name
from derek.query.post_order import ordered_posts
from derek.query.question import POST, Question
from derek.query.render import join_list, render_date
from derek.query.signings import first_signing
from derek.query.status import STATUS_KK, status_answer
from derek.query.yes_no import NO, YES

TITLED = ("appointed_as",)  # facts whose value is the title of the post held
CHAIR = "төрағасы"  # the post a chaired fact names: «<body> төрағасы»


def answer_from_facts(db, question: Question) -> Answer | None:  # db: a sqlite3 connection
    if (former := former_name(db, question)) is not None:
        return former  # «ЕҚЫҰ бұрын қалай аталды?»: the entity renamed to it
    if (status := status_answer(db, question)) is not None:
        return status  # «Моңғолия ШЫҰ-да қандай мәртебеге ие?»: its standing line
    if (figure := figure_answer(db, question, _date_fits)) is not None:
        return figure  # «Қазақстанның экспорты 2023 жылы қанша болды?»: a quantity fact
    asked = list(dict.fromkeys(e.entity for e in question.entities))
    if not asked or not question.predicates:
        return None
    predicates = list(question.predicates)
    if question.answer_type == "number" and "member_of" in predicates:
        predicates.append("has_member_count")  # «АӨСШК-ге неше мемлекет мүше?»
    if question.answer_type == "yesno" and "member_of" in predicates:
        predicates += LESSER  # «Түрікменстан ТМД-ның толық мүшесі ме?»: an associate member is no
    # a place in the locative says where («Женевада»); «Тбилиси … шешім қабылдады» is the state acting
    where = {e.entity for e in question.entities if e.type in WHERE_TYPES and e.case == "LOC"}
    earlier = earlier_names(db, asked)
    named = [*asked, *earlier]
    marks = ",".join("?" * len(predicates))
    ids = ",".join("?" * len(named))
    rows = db.execute(
        f"SELECT id, subject, predicate, object FROM facts WHERE predicate IN ({marks})"
        f" AND (subject IN ({ids}) OR object IN ({ids}))", [*predicates, *named, *named]).fetchall()
    records = []
    for fact in fact_records(db, rows):
        ids_in = [fact["subject"]["id"], (fact["object"] or {}).get("id"), (fact["place"] or {}).get("id")]
        slots = {earlier[x][0] if x in earlier else x for x in ids_in}
        if not set(asked) <= slots:
            fact = _named_there(db, fact, set(asked) - slots, where) if set(asked) & slots else None
        if fact is None or not _date_fits(fact, question) or not _title_fits(fact, question):
            continue
        if renamings := [earlier[x][1] for x in ids_in if x in earlier]:
            fact = _under_earlier_name(fact, renamings)
        records.append(fact)
    found = _found(records, question, predicates, set(named))
    if not found and question.answer_type in STATES_FOR:
        # «Лиссабон хаттамасына кім қол қойды?»: the signers the facts know are states (their
        # leaders signed), all of them; the answer says which type it is
        question = replace(question, answer_type=STATES_FOR[question.answer_type])
        found = _found(records, question, predicates, set(named))
    if question.wants_list:
        found = _under_latest_names(db, found)
    answer = _answer(db, found, question)
    if answer is not None:
        answer.same_as = {old: new for old, (new, _) in earlier.items()}
    return answer


def _under_latest_names(db, found: list) -> list:  # db: a sqlite3 connection
    """A list names an organization once and by its present name: the CSCE that Kazakhstan
    joined in 1992 is the ЕҚЫҰ — dropped when the list holds the ЕҚЫҰ already, else named so,
    its fact quoting the renaming too."""
    values = [v for (_, v), _, _ in found if isinstance(v, str)]
    renamed = later_names(db, list(dict.fromkeys(values))) if values else {}
    kept = []
    for (answer, value), fact, confidence in found:
        if value in renamed:
            new, renaming = renamed[value]
            if new in values:
                continue
            name = short_names().get(new) or next(
                (e["name"] for e in (renaming["subject"], renaming["object"]) if e and e["id"] == new), new)
            answer, value, fact = name, new, _under_earlier_name(fact, [renaming])
        kept.append(((answer, value), fact, confidence))
    return kept


WHERE_TYPES = frozenset({"city", "place", "region"})  # a place the question names: «Женевада»


def _named_there(db, fact: dict[str, Any], missing: set[str], where: set[str]) -> dict[str, Any] | None:
    """«Тоқаев Женевада қандай қызмет атқарды?»: a fact whose slots lack the place the question
    names still answers it from the sources whose sentence names that place («… Женевадағы БҰҰ
    бөлімшесін басқарды»); the fact keeps only those sources. Anything else missing: no fit."""
    if not missing <= where:
        return None
    kept = [s for s in fact["sources"] if all(_same_clause(db, s, place, fact["subject"]["id"]) for place in missing)]
    if not kept:
        return None
    return {**fact, "sources": kept, "time": next((s["time"] for s in kept if s.get("time")), fact["time"])}


# «…, ал …», «…, бірақ …», «…; …»: where one clause ends and another, of another subject, begins
CLAUSE_BREAK = re.compile(r",\s+(?:ал|бірақ|алайда)\s|;\s")


def _same_clause(db, source: dict[str, Any], place: str, subject: str) -> bool:  # db: a sqlite3 connection
    """Does the source's sentence name ``place`` in a clause that also names the fact's subject?
    «Иран … мүшесі болды, ал Беларусь … Астанада оныншы мүше атанды»: Astana is Belarus's."""
    spans = db.execute("SELECT value, start FROM spans WHERE doc_id = ? AND kind = 'entity' AND value IN (?, ?)"
                       " AND start >= ? AND end <= ?", (source["doc_id"], place, subject, source["start"],
                                                         source["end"])).fetchall()
    breaks = [source["start"] + m.start() for m in CLAUSE_BREAK.finditer(source["text"] or "")]

    def clause(at: int) -> int:
        return sum(b < at for b in breaks)

    places = {clause(start) for value, start in spans if value == place}
    subjects = {clause(start) for value, start in spans if value == subject}
    return bool(places & subjects) or bool(places) and not subjects  # «ол …»: the subject is carried


STATES_FOR = {"person": "states", "persons": "states"}  # «кім/кімдер» of an act states do too


def _found(records: list[dict[str, Any]], question: Question, predicates: list[str], asked: set[str]) -> list:
    found = []
    for record in records:
        for fact in _each_time(record, question):
            value = _slot(fact, question, asked)
            if value is not None:
                rank = predicates.index(fact["predicate"])
                found.append((value, fact, route_confidence(fact) * (1.0 - 0.05 * rank)))
    return found


def _each_time(fact: dict[str, Any], question: Question) -> list[dict[str, Any]]:
    """A repeatable fact («Сенат төрағасы» 2007–2011 and 2013–2019) whose sources date it at
    times that do not refine one another, once per time: the post was held twice, not disputed.
    A once-only fact stays whole (its other dates are conflicts)."""
    if question.answer_type not in DATE_TYPES or fact["predicate"] in ONCE:
        return [fact]
    groups: list[list[dict[str, Any]]] = []
    for source in sorted((s for s in fact["sources"] if s.get("time")), key=lambda s: s["time"]):
        group = next((g for g in groups if any(_one_time(source["time"], o["time"]) for o in g)), None)
        if group is None:
            groups.append([source])
        else:
            group.append(source)
    if len(groups) < 2:
        return [fact]
    # «қай жылдары» wants the term (1994–1999), «қашан» the day it began (1994 жылғы қазан)
    periods = question.answer_type == "year"
    times = [max((s["time"] for s in g), key=lambda t: ("/" in t) == periods) for g in groups]
    return [{**fact, "time": t, "sources": g} for t, g in zip(times, groups)]


def _answer(db, found: list, question: Question) -> Answer | None:  # db: a sqlite3 connection
    if question.answer_type == "yesno" or question.wants_list and not question.dates:
        left = {} if question.dates else _withdrawals(db, found)
        kept = _still_members(found, left)
        if question.answer_type == "yesno":
            return _yes_no(found, kept, left, question) if found else None
        found = first_signing(kept)  # «… шартқа қай мемлекеттер қол қойды?»: not the later accessions
    if not found:
        return None
    if question.answer_type == "description" and (len({v for (_, v), _, _ in found}) > 1 or not question.dates):
        found = ordered_posts(found, question)
        return _posts(found, question) if found else None
    return _list(found, question) if question.wants_list else _single(found, question)


MEMBERSHIPS = ("member_of", "joined", "founding_member_of")


def _under_earlier_name(fact: dict[str, Any], renamings: list[dict[str, Any]]) -> dict[str, Any]:
    """The fact with its renamings' sentences among its sources (undated, so that an answer's
    time does not filter them out): the quote shows why the earlier name is the asked one."""
    renamed = [{**s, "time": None} for r in renamings for s in r["sources"]]
    return {**fact, "sources": [*fact["sources"], *renamed]}


def _withdrawals(db, found: list) -> dict[tuple[str, str], dict[str, Any]]:  # db: a sqlite3 connection
    """The latest withdrawal of each (state, organization) whose membership ``found`` holds."""
    joined = [f["subject"]["id"] for _, f, _ in found if f["predicate"] in MEMBERSHIPS]
    if not joined:
        return {}
    marks = ",".join("?" * len(joined))
    rows = db.execute(f"SELECT id, subject, predicate, object FROM facts WHERE predicate = 'withdrew_from'"
                      f" AND subject IN ({marks})", joined).fetchall()
    left: dict[tuple[str, str], dict[str, Any]] = {}
    for fact in fact_records(db, rows):
        key = (fact["subject"]["id"], (fact["object"] or {}).get("id"))
        if key not in left or (fact["time"] or "") > (left[key]["time"] or ""):
            left[key] = fact
    return left


def _still_members(found: list, left: dict[tuple[str, str], dict[str, Any]]) -> list:
    """«ТМД-ға қандай мемлекеттер мүше?» asks who is a member now: a state that left the
    organization after joining it («1993 жылы қосылды, … 2009 жылы шықты») is none."""
    def member(f: dict[str, Any]) -> bool:
        exit_ = left.get((f["subject"]["id"], (f["object"] or {}).get("id")))
        return f["predicate"] not in MEMBERSHIPS or exit_ is None or (f["time"] or "") > (exit_["time"] or "")
    return [(value, f, c) for value, f, c in found if member(f)]


# statuses short of membership, as answers say them
LESSER = {p: STATUS_KK[p] for p in ("associate_member_of", "observer_of", "dialogue_partner_of")}


def _yes_no(found: list, kept: list, left: dict[tuple[str, str], dict[str, Any]], question: Question) -> Answer:
    """«Иә» from the facts that state it; «Жоқ» with the date it left when every membership the
    facts hold ended in a withdrawal («Грузия ТМД-ға мүше ме?»), or with the lesser status the
    state holds instead, when that is all the facts say or came after the membership
    («Түрікменстан … қауымдастырылған мүше, 2005 жылдан»)."""
    lesser = [f for _, f, _ in found if f["predicate"] in LESSER]
    if lesser:
        status = max(lesser, key=lambda f: f["time"] or "")
        kept = [k for k in kept if k[1]["predicate"] not in LESSER]
        # a membership stands unless the lesser status is dated after every dated membership
        later = status["time"] and all(k[1]["time"] and k[1]["time"] < status["time"] for k in kept)
        if not kept or later:
            since = f", {status['time'][:4]} жылдан" if status["time"] else ""
            return Answer(question.text, f"{NO} ({LESSER[status['predicate']]}{since})", "no", "yesno",
                          route_confidence(status), _sources([status]), [], "facts")
        found = [x for x in found if x[1]["predicate"] not in LESSER]
    if kept:
        return Answer(question.text, YES, "yes", "yesno", max(c for _, _, c in kept),
                      _sources([f for _, f, _ in kept]), [], "facts")
    last = max((left[(f["subject"]["id"], (f["object"] or {}).get("id"))] for _, f, _ in found),
               key=lambda f: f["time"] or "")
    if not last["time"]:
        return Answer(question.text, NO, "no", "yesno", route_confidence(last), _sources([last]), [], "facts")
    # sources that date the withdrawal otherwise are the other side of a «Жоқ» with another date
    others = [{**side, "answer": f"{NO} (шықты: {side['answer']})", "value": "no"}
              for side in _time_conflicts([(None, last, None)], last["time"], "date")]
    return Answer(question.text, f"{NO} (шықты: {render_date(last['time'])})", "no", "yesno", route_confidence(last),
                  _sources([last], last["time"]), [], "facts", others)


def _date_fits(fact: dict[str, Any], question: Question) -> bool:
    dates = [d for d in question.dates if d.type == "DATE"]
    return not dates or any(fact["time"] and _meets(fact["time"], d) for d in dates)


def _meets(time: str, date: DateMention) -> bool:
    """A fact's time against a question's date: «2020 жылдан кейін» (mod AFTER) is a bound any
    later time meets; else the two must agree. «… дейін» stays a date to agree with: the
    founders' facts often carry no time, and a bound would list only the dated joiners."""
    if date.mod != "AFTER":
        return compatible(time, date.value)
    start = time.split("/")[0][:len(date.value)]
    return len(start) == len(date.value) and start > date.value


def _title_fits(fact: dict[str, Any], question: Question) -> bool:
    """A post's fact answers only a question about that post: «министрлігінің басшылығына» (the
    ministry's head, extract/data/office_heads.tsv) asks about a «министр», not a «Сенат
    төрағасы»; a question asking the post itself («қандай қызмет») takes any."""
    if fact["predicate"] not in TITLED or not fact["value"] or question.answer_type == "description":
        return True
    from derek.extract.phrases import office_heads
    from derek.lang.kk.morphology import lemma

    heads = office_heads()
    asked = set(question.terms) | {heads[t] for t in question.terms if t in heads}
    words = [lemma(w).lower() for w in fact["value"].split()]
    # «Сенатты басқарды» (headed the Senate) is the post «Сенат төрағасы»: its body is asked
    return words[-1] in asked or (question.verb in HEADING_VERBS and any(w in asked for w in words[:-1]))


HEADING_VERBS = frozenset({"басқар"})  # to head: the post is the body's head, whatever its title


def _as_written(fact: dict[str, Any]) -> str:
    """The fact's value as its source writes it («Премьер-Министр» for «премьер-министр»), else
    each word as the source writes it («ҚР БҰҰ жанындағы … өкілі» when «бірінші» stood between)."""
    for source in fact["sources"]:
        if (at := source["text"].lower().find(fact["value"])) >= 0:
            return source["text"][at:at + len(fact["value"])]
    written = {w.lower(): w for s in fact["sources"] for w in re.findall(r"[\w-]+", s["text"])}
    return " ".join(written.get(w, w) for w in fact["value"].split())


def _slot(fact: dict[str, Any], question: Question, asked: set[str]) -> tuple[str, Any] | None:
    """(rendered answer, value) of the slot the question asks for, if the fact has it."""
    kind = question.answer_type
    if kind == "yesno":  # the fact holds every entity asked about
        return YES, "yes"
    if kind in DATE_TYPES:
        slot = _time_slot(fact["time"], kind)
        # a bare year does not answer «қай күні»; the question's own date («1992 жылы қол қойған
        # акт қай жылы қабылданған?») is no answer
        if slot is None or kind == "day" and len(slot[1].split("/")[0]) < 10:
            return None
        return None if slot[1] in {d.value for d in question.dates} else slot
    if kind == "description":  # «қандай қызмет атқарды»: the post itself
        if fact["predicate"] == "chaired" and question.focus == POST and fact["object"] \
                and fact["subject"].get("type") == "person":  # «Алаш Орда үкіметінің төрағасы болды»
            body = short_names().get(fact["object"]["id"], fact["object"]["name"])
            return f"{body} {CHAIR}", f"{fact['object']['id']} {CHAIR}"
        return (_as_written(fact), fact["value"]) if fact["predicate"] in TITLED and fact["value"] else None
    if kind in ("number", "ordinal"):
        if fact["predicate"] in ("has_member_count", "quantity") and fact["value"]:
            return fact["value"].split()[0], fact["value"].split()[0]
        return None
    wanted = _TYPES.get(kind)
    if wanted is None:
        return None
    if question.focus == "қала":
        wanted = {"city"}
    order = (fact["place"], fact["object"], fact["subject"]) if kind == "place" else \
        (fact["subject"], fact["object"], fact["place"])
    for entity in order:
        if entity and entity["id"] not in asked and entity.get("type") in wanted:
            return short_names().get(entity["id"], entity["name"]), entity["id"]
    return None


def _time_slot(time: str | None, kind: str) -> tuple[str, str] | None:
    """The fact's time as the asked kind; a span of years («2009/2011») names no month."""
    if not time or kind == "month" and len(time.split("/")[0]) < 7:
        return None
    value = time[:4] if kind == "year" and "/" not in time else time[:7] if kind == "month" else time
    return render_date(value, kind), value


def _source(source: dict[str, Any]) -> dict[str, Any]:
    return {k: source[k] for k in ("doc", "start", "end", "text")}


def _sources(facts: list[dict[str, Any]], time: str | None = None) -> list[dict[str, Any]]:
    """The facts' source sentences; given the answer's time, only those that fit it."""
    seen: dict[tuple, dict[str, Any]] = {}
    for f in facts:
        for s in f["sources"]:
            if time is None or not s["time"] or compatible(s["time"], time):
                seen.setdefault((s["doc"], s["start"]), _source(s))
    return list(seen.values())


def _single(found: list, question: Question) -> Answer:
    support: dict[Any, float] = {}
    for (_, value), _, conf in found:
        support[value] = max(support.get(value, 0.0), conf)
    best = max(support, key=lambda v: support[v])
    kind = question.answer_type
    dated = kind in DATE_TYPES
    if dated and len(support) > 1 and not any(f["predicate"] in ONCE for _, f, _ in found):
        times = sorted(support, key=str)  # a post held twice, a summit hosted again: every time
        asked = ordinals(question.tokens)
        if 1 in asked or LAST in asked:  # «алғаш басқарған жылдары», «соңғы рет»
            best = times[0] if 1 in asked else times[-1]
        else:
            return _every_time(found, times, question)
    facts = [f for (_, v), f, _ in found if v == best]
    answer = next(a for (a, v), _, _ in found if v == best)
    conflicts = _time_conflicts(found, best, kind) if dated else _count_conflicts(found, best)
    confidence = support[best] * (0.85 if len(support) > 1 or conflicts else 1.0)
    return Answer(question.text, answer, best, kind, confidence, _sources(facts, best if dated else None),
                  [], "facts", conflicts)


def _every_time(found: list, times: list[str], question: Question) -> Answer:
    """«Тоқаев Сенатты қай жылдары басқарды?» → «2007–2011 және 2013–2019 жылдар»: each time a
    repeatable fact holds, in order; the value lists them."""
    answers = [next(a for (a, v), _, _ in found if v == t) for t in times]
    # one «жылдар» after the list: «2007–2011 және 2013–2019 жылдар», «2005, 2011 және 2017 жылдар»
    # (not «2005 жыл, 2011 жыл және 2017 жыл»)
    unit = " жылдар" if all(a.endswith((" жылдар", " жыл")) for a in answers) and len(answers) > 1 else ""
    text = join_list([a.removesuffix(" жылдар").removesuffix(" жыл") if unit else a for a in answers]) + unit
    facts = [f for (_, v), f, _ in found if v in times]
    confidence = min(max(c for (_, v), _, c in found if v == t) for t in times)
    return Answer(question.text, text, times, question.answer_type, confidence, _sources(facts), [], "facts")


def _time_conflicts(found: list, best: str, kind: str) -> list[dict[str, Any]]:
    """Sources that date a once-only event otherwise («2008 жылы шықты» vs «мүшелігі 2009 жылғы
    18 тамызда тоқтатылды»); a post held or a summit hosted again is no disagreement."""
    sides: list[tuple[str, str, dict[str, Any]]] = []
    for _, fact, _ in found:
        if fact["predicate"] in ONCE:
            for source in fact["sources"]:
                slot = _time_slot(source["time"], kind)
                if slot and not compatible(slot[1], best):
                    sides.append((*slot, source))
    return _sides(sides)


def _count_conflicts(found: list, best: Any) -> list[dict[str, Any]]:
    """Other member counts stated for the same organization («27 мемлекет» vs «28 мемлекет»)."""
    return _sides([(answer, value, source) for (answer, value), fact, _ in found
                   if value != best and fact["predicate"] == "has_member_count" for source in fact["sources"]])


def _sides(stated: list[tuple[str, Any, dict[str, Any]]]) -> list[dict[str, Any]]:
    """One entry per other value, with every source that states it."""
    others: dict[Any, dict[str, Any]] = {}
    for text, value, source in stated:
        side = others.setdefault(value, {"answer": text, "value": value, "sources": []})
        if _source(source) not in side["sources"]:
            side["sources"].append(_source(source))
    return list(others.values())


def _list(found: list, question: Question) -> Answer:
    values = sorted({v for (_, v), _, _ in found})
    names = {v: a for (a, v), _, _ in found}
    confidence = min(c for _, _, c in found)
    return Answer(question.text, join_list([names[v] for v in values]), values, question.answer_type,
                  confidence, _sources([f for _, f, _ in found]), [], "facts")


def _posts(found: list, question: Question) -> Answer:
    """Every post held, latest first, each with its periods: «Сенат төрағасы (2007–2011 жылдар,
    2013–2019 жылдар), Премьер-Министр (1999–2002 жылдар) және …»."""
    times: dict[Any, set[str]] = {}
    names: dict[Any, str] = {}
    for (answer, value), fact, _ in found:
        names.setdefault(value, answer)
        stated = {s["time"] for s in fact["sources"] if s["time"]} or ({fact["time"]} if fact["time"] else set())
        times.setdefault(value, set()).update(stated)
    latest = {v: max(t, default="") for v, t in times.items()}
    values = sorted(times, key=lambda v: latest[v], reverse=True)
    items = []
    for v in values:
        kept = sorted(t for t in times[v] if not any(_within(t, u) for u in times[v] if u != t))
        periods = ", ".join(dict.fromkeys(filter(None, (render_date(t, "year") for t in kept))))
        items.append(f"{names[v]} ({periods})" if periods else names[v])
    confidence = min(c for _, _, c in found)
    return Answer(question.text, join_list(items), values, question.answer_type, confidence,
                  _sources([f for _, f, _ in found]), [], "facts")


def _one_time(a: str, b: str) -> bool:
    """Two source times of one holding: one refines the other, or a date lies in the period."""
    return compatible(a, b) or _within(a, b) or _within(b, a)


def _within(time: str, period: str) -> bool:
    """1994-10 lies within 1994/1999: the appointment and the term it began are one post."""
    if "/" in time or "/" not in period:
        return False
    first, last = period.split("/")[:2]
    return first[:4] <= time[:4] <= last[:4]
