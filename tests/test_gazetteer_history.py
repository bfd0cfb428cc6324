"""Linking Kazakh-history entities (khans, hordes, Soviet bodies, Alash) in inflected forms."""

from __future__ import annotations

import pytest
from conftest import entities_of as _entities

# (sentence, span text as written, entity id, case of the head word)
LINKS = [
    ("Абылай ханның ордасы Көкшетауда болды.", "Абылай ханның", "person:abylai", "GEN"),
    ("1917 жылы желтоқсанда Алаш Ордаға Бөкейханов сайланды.", "Алаш Ордаға", "org:alash-orda", "DAT"),
    ("Заңды Қазақ КСР Жоғарғы Кеңесінің сессиясы қабылдады.", "Қазақ КСР Жоғарғы Кеңесінің",
     "org:kazakh-ssr-supreme-soviet", "GEN"),
    ("Кенесары ханның көтерілісі он жылға созылды.", "Кенесары ханның", "person:kenesary", "GEN"),
    ("Шыңғыс ханның ұлдары жерді бөлісті.", "Шыңғыс ханның", "person:genghis-khan", "GEN"),
    ("Билік Мөңке ханға өтті.", "Мөңке ханға", "person:mongke-khan", "DAT"),
    ("Құбылай Хубилай деп те аталады.", "Құбылай", "person:kublai-khan", "NOM"),
    ("Батый Алтын Ордада билік құрды.", "Алтын Ордада", "state:golden-horde", "LOC"),
    ("Жүніс хан Моғолстанның билеушісі болды.", "Моғолстанның", "state:moghulistan", "GEN"),
    ("Сұлтандар Бөкей Ордасынан көшіп кетті.", "Бөкей Ордасынан", "state:bokei-horde", "ABL"),
    ("Жарлыққа II Александр қол қойды.", "II Александр", "person:alexander-ii", "NOM"),
    ("Экспедиция I Петрдің бұйрығымен жасақталды.", "I Петрдің", "person:peter-i", "GEN"),
    ("Ол КОКП-ның мүшесі болды.", "КОКП-ның", "org:cpsu", "GEN"),
    ("Қазақ КСР Ғылым академиясының президенті ауысты.", "Қазақ КСР Ғылым академиясының",
     "org:kazakh-ssr-academy-of-sciences", "GEN"),
    ("Бұл өлке Қазақ КСР-інің құрамына кірді.", "Қазақ КСР-інің", "state:kazakh-ssr", "GEN"),
    ("«Қазақ» газетінде мақала жарияланды.", "«Қазақ» газетінде", "org:qazaq-newspaper", "LOC"),
    ("Ол Дала комиссиясының құрамында жұмыс істеді.", "Дала комиссиясының", "org:steppe-commission",
     "GEN"),
    ("Жиналыс Колбинді орнынан алуды талап етті.", "Колбинді", "person:kolbin", "ACC"),
    ("Ядролық клубқа тағы бір ел қосылды.", "Ядролық клубқа", "org:nuclear-club", "DAT"),
    ("Хат Нұралы ханға жолданды.", "Нұралы ханға", "person:nurali-khan", "DAT"),
]


@pytest.mark.parametrize(("text", "span", "entity", "case"), LINKS)
def test_gazetteer_history_links_inflected_names(text: str, span: str, entity: str, case: str) -> None:
    found = {(m.text, m.entity, m.case) for m in _entities(text)}
    assert (span, entity, case) in found, found


# A surface form that two entities share, both marked ~ (or neither default), links to nothing.
UNLINKED = [
    ("Бұл іске Төле араласты.", "Төле"),  # Төле би or Tolui
    ("Алаш туы көтерілді.", "Алаш"),  # the 1917 party or the movement
    ("Бұрынғы басшы кетті.", "Бұрынғы"),  # «former» is no «Бұрындық» read as a verb form
]


@pytest.mark.parametrize(("text", "span"), UNLINKED)
def test_gazetteer_history_shared_names_stay_unlinked(text: str, span: str) -> None:
    assert all(m.text != span or m.entity.startswith("prov:") for m in _entities(text))


# An ambiguous alias goes to the default (unmarked) reading.
DEFAULTS = [
    ("Жәнібек сұлтандарды жинады.", "Жәнібек", "person:zhanibek"),
    ("Жәңгір хан Орбұлақта жеңді.", "Жәңгір хан", "person:salqam-zhangir"),
    ("Алаш партиясы 1917 жылы құрылды.", "Алаш партиясы", "org:alash-party"),
]


@pytest.mark.parametrize(("text", "span", "entity"), DEFAULTS)
def test_gazetteer_history_default_reading(text: str, span: str, entity: str) -> None:
    assert (span, entity) in {(m.text, m.entity) for m in _entities(text)}
