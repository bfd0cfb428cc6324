"""Lemmas of inflected closed-class words by rule over the hand-written table and the UD memory
(pronouns' equative, plural and case forms; auxiliaries with a person ending; -ГЫ on adverbs;
analytic negated verb forms). No Document fields."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from derek.lang.kk import lexicon as lex
from derek.lang.kk.suffixes import harmony, letter_class, realize

if TYPE_CHECKING:
    from derek.lang.kk.morphology import Analysis

EQUATIVE = ("ша", "ше")  # the equative case ending (меніңше, өзінше)
PERSON_FINAL = frozenset("нңз")  # the predicative person endings -мын, -сың, -мыз end so
# the 2nd person plural and polite endings the table's nominal copula lacks (its -сЫз would
# also read every privative adjective: үмітсіз); auxiliaries take them directly (отырсыз,
# тұрсыздар, екенсіңдер)
PERSON_2PL = ("сЫз", "сЫздАр", "сЫңдАр")
PLURAL_2 = ("сыздар", "сіздер", "сыңдар", "сіңдер")  # the ones PERSON_FINAL does not catch
CASES = frozenset(("GEN", "DAT", "ACC", "LOC", "ABL", "INS"))
NEGATIVE = "жоқ"  # the negative predicate of analytic verb forms (келген жоқ 'did not come')
COPULA = "е"  # the copula's lemma (екен, емес, еді)
GY = ("ғы", "гі", "қы", "кі")  # the adjective suffix -ГЫ (бүгін → бүгінгі)


@dataclass(slots=True)
class ClosedClass:
    """The table (``exceptions``), the memory and the suffix ending table the rules read."""

    exceptions: dict[str, lex.Memorized]
    memory: dict[str, lex.Memorized]
    table: dict
    plural_l: set[str] = field(default_factory=set)
    auxiliaries: set[str] = field(default_factory=set)
    pronouns: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        # бұл and сол drop their л before the plural: бұлар, солар ('these', 'those')
        self.plural_l = {m.lemma[:-1] for m in self.exceptions.values()
                         if m.pos == "PRON" and m.lemma.endswith("л") and len(m.lemma) > 2}
        self.auxiliaries = {form for form, m in self.exceptions.items() if m.pos == "AUX"}
        self.pronouns = {form for table in (self.exceptions, self.memory)  # сіздер, кім, не
                         for form, m in table.items() if m.pos == "PRON" and m.lemma == form}

    def lemma(self, low: str) -> lex.Memorized | None:
        """The lemma one of the rules gives a lower-cased form that neither the table nor the
        memory lists (None: no rule applies)."""
        found = self.pronoun_equative(low) if low.endswith(EQUATIVE) else None
        if found is None and low[2:5] == "лар" and low[:2] in self.plural_l:
            found = self.pronoun_plural(low)
        if found is None:
            found = self.pronoun_case(low)
        if found is None and (low[-1] in PERSON_FINAL or low.endswith(PLURAL_2)):
            found = self.auxiliary_person(low)
        if found is None and low.endswith(GY):
            found = self.adverb_gy(low)
        return found

    def adverb_gy(self, low: str) -> lex.Memorized | None:
        """-ГЫ on an adverb or postposition that is its own lemma makes an attribute of it
        (дейін → дейінгі, енді → ендігі), which UD KTB lemmatizes as the adverb when it tags the
        word ADV or ADP (its dev set strips it 6 times and keeps it 4 times, for ADJ-tagged
        қазіргі, алғашқы; the memory answers those it has seen)."""
        head = self.listed(low[:-2])
        if head is not None and head.pos in ("ADV", "ADP") and head.lemma == low[:-2]:
            return lex.Memorized(head.lemma, "ADV", 0)
        return None

    def analytic(self, low: str, analyze: Callable[[str], list[Analysis]]) -> lex.Memorized | None:
        """An analytic verb form written as one token: a verb form followed only by the negative
        predicate жоқ and forms of the copula е- (the negated past -ған жоқ / -ған емес, with
        екен for hearsay: болған жоқ, көрген емеспін, естіген жоқ екен) is the verb's."""
        head, *rest = low.split()
        for part in rest:
            found = self.listed(part) or self.lemma(part)
            if part != NEGATIVE and (found is None or found.lemma != COPULA):
                return None
        readings = analyze(head)
        if not rest or not readings:
            return None
        top = readings[0]
        if top.pos in ("VERB", "AUX"):
            return lex.Memorized(top.lemma, top.pos, 0)
        if top.tags[:1] and top.tags[0].startswith("PTCP"):  # a participle read as an adjective
            return lex.Memorized(top.lemma, "VERB", 0)
        return None

    def listed(self, form: str) -> lex.Memorized | None:
        return self.exceptions.get(form) or self.memory.get(form)

    def pronoun_equative(self, low: str) -> lex.Memorized | None:
        """A pronoun's genitive or pronominal -н form followed by the equative -ша/-ше ('in my
        view', 'in its own way') is the pronoun, as UD KTB lemmatizes it: меніңше → мен
        (менің + ше), өзінше → өз (өзін + ше), біздіңше → біз."""
        head = low[:-2]
        if head[-1:] not in ("ң", "н"):
            return None
        # the pronominal н follows the possessive: өз-і-н-ше, so өзі says what өзін is
        for form in (head, head[:-1]) if head[-2:] in ("ін", "ын") else (head,):
            found = self.listed(form)
            if found is not None and found.pos == "PRON":
                return found
        return None

    def pronoun_plural(self, low: str) -> lex.Memorized | None:
        """бұл and сол drop their л before the plural -лар, and UD KTB lemmatizes the plural as
        the pronoun: солардың → сол, бұларды → бұл (a case or possessive ending may follow)."""
        rest = low[5:]
        chains = self.table.get(rest, {}).get(("b", letter_class("р")), ()) if rest else ()
        if rest and not any(chain.kind == "N" for chain in chains):
            return None
        return lex.Memorized(low[:2] + "л", "PRON", 0)

    def pronoun_case(self, low: str) -> lex.Memorized | None:
        """A pronoun that is its own lemma followed by a case ending is that pronoun (the
        pronouns' stems do not change before a case: сіздерді → сіздер, кімнің → кім)."""
        for cut in range(2, min(len(low) - 1, 8)):
            head = low[:cut]
            if head in self.pronouns:
                context = (harmony(head), letter_class(head[-1]))
                chains = self.table.get(low[cut:], {}).get(context, ())
                if any(chain.kind == "N" and CASES.issuperset(chain.tags) for chain in chains):
                    return self.listed(head)
        return None

    def auxiliary_person(self, low: str) -> lex.Memorized | None:
        """A listed auxiliary followed by a predicative person ending is that auxiliary: the
        positional verbs take the ending directly in the present (тұрмын, отырмыз), and so do
        the copula's forms (екенсің, емеспіз, отырсыздар)."""
        for cut in range(3, len(low) - 2):
            head, ending = low[:cut], low[cut:]
            if head in self.auxiliaries:
                for chains in self.table.get(ending, {}).values():
                    if any(chain.tags[0].startswith("COP") for chain in chains):
                        return self.exceptions[head]
                context = (letter_class(head[-1]), harmony(head))
                if any(realize(form, *context) == ending for form in PERSON_2PL):
                    return self.exceptions[head]
        return None
