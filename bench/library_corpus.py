"""A synthetic bilingual library corpus with judged queries (issue 6 benchmark). Pure Python.

Background documents are Zipf-distributed words: a core of real Arabic and English words of UN
and human-rights reports, plus a long tail of made-up words, so the vocabulary and posting-list
lengths look like real text (a few very common terms, a very long tail). About 10 kB of UTF-8
per document: 60 % Arabic, 40 % English.

Judged queries: each *topic* is one or two concepts; a concept is a lemma written in several
surface forms — Arabic with different clitics (و، ف، ب، ك، ل، ال), hamza and taa marbuta
spellings and plural suffixes; English with different inflections. Eight documents per topic
carry the concepts in forms chosen at random among the concept's forms and the query's own
spelling (relevant, gain 1), so a plain index finds the documents that happen to use the
query's exact spelling and misses the others. No background word is a form of a concept.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field

from mizan.text.stem import search_terms

ARABIC_CORE = """
قال المجلس إن الحكومة قد أكدت على ضرورة احترام حقوق الإنسان في جميع المناطق والمدن السورية
وفقا للقانون الدولي والاتفاقيات الموقعة من قبل الدول الأعضاء الأمم المتحدة التقرير اللجنة
الأمين العام الجمعية العامة القرار الوضع الحالة المدنيين السكان المساعدات الإنسانية الوصول
الأطراف النزاع العمليات العسكرية الهجمات القصف المستشفيات المدارس الأطفال النساء العائلات
الشهود الضحايا الانتهاكات الجسيمة المساءلة العدالة المحكمة التحقيق الأدلة الوثائق المعلومات
الفترة المشمولة الشهر العام الماضي خلال بين حتى منذ عدد كبير من تشير إلى أن وقد تم هذا هذه
ذلك تلك التي الذي كما أيضا لا لم لن مع عن على إلى من في المنظمات غير الحكومية المجتمع المدني
الدعم الحماية الأمن السلام الحل السياسي المفاوضات جنيف المبعوث الخاص البيان الجلسة الاجتماع
"""
ENGLISH_CORE = """
the council stressed that government must respect human rights in all regions and cities in
accordance with international law conventions signed by member states of united nations report
commission secretary general assembly resolution situation civilians population humanitarian
assistance access parties conflict military operations attacks hospitals schools children women
families witnesses victims serious violations accountability justice court investigation
evidence documents information period covered month year during between since number large
indicates has been this these that those which also not no with about on into from non
governmental organizations civil society support protection security peace political solution
negotiations geneva special envoy statement meeting session
"""

# Concepts: (name, forms in documents, form used in the query). Arabic forms differ by clitics,
# hamza, taa marbuta/haa and plural suffixes; English forms by inflection.
ARABIC_CONCEPTS: list[tuple[str, list[str], str]] = [
    (
        "detainee",
        ["المعتقلين", "المعتقلون", "معتقلين", "للمعتقلين", "بالمعتقلين", "معتقلون"],
        "والمعتقلين",
    ),
    ("disappearance", ["الإخفاء", "إخفاء", "الاخفاء", "بالإخفاء", "للإخفاء"], "والاخفاء"),
    ("torture", ["التعذيب", "تعذيب", "للتعذيب", "بالتعذيب"], "وتعذيب"),
    ("prison", ["السجون", "سجون", "بالسجون", "للسجون"], "والسجون"),
    ("missing", ["المفقودين", "المفقودون", "مفقودين", "للمفقودين"], "بالمفقودين"),
    ("grave", ["المقبرة", "مقبرة", "المقبره", "بالمقبرة"], "والمقبره"),
    ("court", ["المحاكمة", "محاكمة", "بالمحاكمة", "للمحاكمة"], "والمحاكمه"),
    ("execution", ["الإعدام", "إعدام", "الاعدام", "بالإعدام"], "واعدام"),
    ("siege", ["الحصار", "حصار", "بالحصار", "للحصار"], "والحصار"),
    ("chemical", ["الكيميائية", "الكيميائي", "كيميائية", "بالكيميائية"], "والكيميائيه"),
    ("displacement", ["التهجير", "تهجير", "بالتهجير", "للتهجير"], "والتهجير"),
    ("interrogation", ["التحقيقات", "تحقيقات", "بالتحقيقات", "للتحقيقات"], "والتحقيق"),
    ("branch", ["الفرع", "فرع", "بالفرع", "للفرع"], "والفرع"),
    ("intelligence", ["المخابرات", "مخابرات", "بالمخابرات", "للمخابرات"], "والمخابرات"),
    ("family", ["الأسر", "أسر", "الاسر", "بالأسر"], "واسر"),
    ("reparation", ["التعويضات", "تعويضات", "بالتعويضات", "للتعويضات"], "والتعويض"),
    ("body", ["الجثث", "جثث", "بالجثث", "للجثث"], "والجثث"),
    ("identification", ["التعرف", "تعرف", "بالتعرف", "للتعرف"], "والتعرف"),
    ("amnesty", ["العفو", "عفو", "بالعفو", "للعفو"], "والعفو"),
    ("sentence", ["الأحكام", "أحكام", "الاحكام", "بالأحكام"], "واحكام"),
]
ENGLISH_CONCEPTS: list[tuple[str, list[str], str]] = [
    ("e_torture", ["tortured", "torturing", "tortures"], "torture"),
    ("e_disappear", ["disappeared", "disappearing", "disappearances"], "disappearance"),
    ("e_investigate", ["investigated", "investigating", "investigations"], "investigation"),
    ("e_execute", ["executed", "executions", "executing"], "execution"),
    ("e_kill", ["killed", "killings", "killing"], "kills"),
    ("e_bomb", ["bombed", "bombings", "bombing"], "bombs"),
    ("e_shell", ["shelled", "shelling", "shells"], "shell"),
    ("e_prosecute", ["prosecuted", "prosecutions", "prosecuting"], "prosecution"),
    ("e_interrogate", ["interrogated", "interrogations", "interrogating"], "interrogation"),
    ("e_abduct", ["abducted", "abductions", "abducting"], "abduction"),
    ("e_starve", ["starved", "starving", "starves"], "starve"),
    ("e_bury", ["buried", "burying", "buries"], "bury"),
    ("e_exhume", ["exhumed", "exhumations", "exhuming"], "exhumation"),
    ("e_sentence", ["sentenced", "sentences", "sentencing"], "sentence"),
]
DOCS_PER_TOPIC = 8


@dataclass
class Topic:
    query: str
    concepts: list[tuple[str, list[str], str]]
    language: str
    relevant: list[int] = field(default_factory=list)  # document numbers (0-based)


def topics() -> list[Topic]:
    """60 judged topics: 20 Arabic single-concept, 20 Arabic pairs, 14 English, 6 English pairs."""
    found: list[Topic] = []
    for concept in ARABIC_CONCEPTS:
        found.append(Topic(concept[2], [concept], "ar"))
    for index, concept in enumerate(ARABIC_CONCEPTS):
        other = ARABIC_CONCEPTS[(index + 7) % len(ARABIC_CONCEPTS)]
        found.append(Topic(f"{concept[2]} {other[2]}", [concept, other], "ar"))
    for concept in ENGLISH_CONCEPTS:
        found.append(Topic(concept[2], [concept], "en"))
    for index in range(6):
        first, second = ENGLISH_CONCEPTS[index], ENGLISH_CONCEPTS[index + 6]
        found.append(Topic(f"{first[2]} {second[2]}", [first, second], "en"))
    return found


def _tail_word(rng: random.Random, letters: str, low: int, high: int) -> str:
    return "".join(rng.choice(letters) for _ in range(rng.randint(low, high)))


class Corpus:
    """Deterministic: the same seed and size give the same documents in the same order."""

    def __init__(self, size: int, seed: int = 20261124) -> None:
        self.size = size
        rng = random.Random(seed)
        concept_forms = {form for c in ARABIC_CONCEPTS + ENGLISH_CONCEPTS for form in [*c[1], c[2]]}
        arabic_letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
        self.arabic = [w for w in ARABIC_CORE.split() if w not in concept_forms]
        self.arabic += [_tail_word(rng, arabic_letters, 3, 8) for _ in range(40_000)]
        self.english = [w for w in ENGLISH_CORE.split() if w not in concept_forms]
        self.english += [
            _tail_word(rng, "abcdefghijklmnopqrstuvwxyz", 4, 10) for _ in range(40_000)
        ]
        # Judgments are by construction, so no background word may share a concept's stem
        # either (the core word التحقيق would otherwise be an unjudged match of التحقيقات).
        concept_stems = {tuple(search_terms(form)) for form in concept_forms}
        self.arabic = [w for w in self.arabic if tuple(search_terms(w)) not in concept_stems]
        self.english = [w for w in self.english if tuple(search_terms(w)) not in concept_stems]
        # Zipf weights (rank^-1), as cumulative weights for fast sampling.
        self.arabic_cum = _cumulative(len(self.arabic))
        self.english_cum = _cumulative(len(self.english))
        self.topics = topics()
        # Place each topic's relevant documents at fixed, spread-out positions.
        self.planted: dict[int, list[Topic]] = {}
        stride = max(1, size // (len(self.topics) * DOCS_PER_TOPIC + 1))
        position = 0
        for topic in self.topics:
            for _ in range(DOCS_PER_TOPIC):
                number = (position * stride + 3) % size
                topic.relevant.append(number)
                self.planted.setdefault(number, []).append(topic)
                position += 1
        # A document is relevant to a topic when it carries every concept of the topic (a pair
        # topic's documents are relevant to each of its single-concept topics too).
        concepts_of: dict[int, set[str]] = {}
        for number, planted_topics in self.planted.items():
            concepts_of[number] = {c[0] for t in planted_topics for c in t.concepts}
        for topic in self.topics:
            wanted = {c[0] for c in topic.concepts}
            topic.relevant = sorted(n for n, have in concepts_of.items() if wanted <= have)
        self.seed = seed

    def document(self, number: int) -> tuple[str, str, str]:
        """(language, title, text) of document ``number``."""
        rng = random.Random(self.seed * 1_000_003 + number)
        planted = self.planted.get(number, [])
        language = planted[0].language if planted else ("ar" if rng.random() < 0.6 else "en")
        words, cum = (
            (self.arabic, self.arabic_cum) if language == "ar" else (self.english, self.english_cum)
        )
        count = 900 if language == "ar" else 1550
        body = rng.choices(words, cum_weights=cum, k=count)
        title = rng.choices(words, cum_weights=cum, k=8)
        for topic in planted:
            for concept in topic.concepts:
                for _ in range(rng.randint(1, 3)):
                    # The query's own spelling is one of the forms documents use, as in real
                    # text; the others are what the Arabic handling and stemming must bridge.
                    body[rng.randrange(len(body))] = rng.choice([*concept[1], concept[2]])
        return language, " ".join(title), " ".join(body)

    def __iter__(self) -> Iterator[tuple[int, str, str, str]]:
        for number in range(self.size):
            yield (number, *self.document(number))


def _cumulative(size: int) -> list[float]:
    total = 0.0
    out = []
    for rank in range(1, size + 1):
        total += 1.0 / rank
        out.append(total)
    return out
