"""Search terms for full-text search: Arabic light stemming with clitics, English stemming.

Both search backends (SQLite FTS5 and PostgreSQL full text) index the *terms* this module
produces, not the raw text, so "والمعتقلين", "المعتقلين" and "معتقلين" become one term on both and
rank the same way. The steps for a text:

1. ``normalise_for_search`` (``mizan.text.normalise``): hamza and madda forms of alef folded into
   alef, taa marbuta into haa, alef maqsura into yaa, diacritics and tatweel dropped, Latin case
   and accents folded, punctuation turned into spaces.
2. Split into words; drop a short list of function words (Arabic and English) that every
   document contains and that only slow an AND query down.
3. Arabic words: light stemming after Larkey, Ballesteros and Connell's *light10* (2007) —
   one conjunction (و or ف), then the article with its proclitics (ال، وال، فال، بال، كال، لل);
   then at most one suffix of each group (ها) (يه، يا، ه، ا، ي) (ان، ات، ون، ين) while at least
   three letters remain. A bare ب، ك or ل before an indefinite noun is *not* removed: too many
   words begin with these letters (كتاب، بيان، لجنة، كيميائي), and removing them merged
   unrelated words in our evaluation. Light stemming keeps different roots apart (unlike root
   extraction) and is what Arabic IR evaluations favour.
4. Latin words: the Snowball (Porter 2) English stemmer, plus agent nouns in -ee meeting their
   verb (``english_stem``), so "detained", "detainee" and "detainees" meet.
5. Digits stay as they are ("2254" finds resolution 2254).

Plain Python with no Django import.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from operator import itemgetter

import snowballstemmer

from mizan.text.normalise import normalise_for_search

__all__ = [
    "ARABIC_STOPWORDS",
    "ENGLISH_STOPWORDS",
    "QueryClause",
    "arabic_light_stem",
    "chunk_terms",
    "english_stem",
    "exact_form",
    "exact_forms",
    "form_groups",
    "fts5_match",
    "nisba_base",
    "parse_query",
    "preposition_forms",
    "preposition_variants",
    "search_term",
    "search_terms",
    "terms_and_forms",
    "terms_text",
    "title_and_body_terms",
    "word_spans",
]

# Function words, in their normalised form (hamza folded, taa marbuta as haa, yaa for maqsura).
ARABIC_STOPWORDS: frozenset[str] = frozenset(
    [
        "في",
        "من",
        "الي",
        "علي",
        "عن",
        "مع",
        "هذا",
        "هذه",
        "ذلك",
        "تلك",
        "التي",
        "الذي",
        "الذين",
        "اللتي",
        "او",
        "ام",
        "ثم",
        "كما",
        "قد",
        "لقد",
        "لا",
        "لم",
        "لن",
        "ان",
        "انه",
        "انها",
        "كان",
        "كانت",
        "يكون",
        "هو",
        "هي",
        "هم",
        "هن",
        "نحن",
        "انت",
        "انا",
        "كل",
        "بعض",
        "غير",
        "بين",
        "حتي",
        "اذا",
        "اذ",
        "لدي",
        "عند",
        "ما",
        "ماذا",
        "و",
        "ف",
        "ب",
        "ك",
        "ل",
        "اي",
        "ايضا",
        "حيث",
        "منذ",
        "خلال",
        "ضد",
        "دون",
        "ولا",
        "ولم",
        "وقد",
        "وهو",
        "وهي",
    ]
)
ENGLISH_STOPWORDS: frozenset[str] = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "has",
        "have",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "that",
        "the",
        "this",
        "to",
        "was",
        "were",
        "which",
        "with",
    ]
)

# Only و: a bare ف starts too many words (فريق، فرع، فقر) and is looked up at query time like
# ب ك ل (``preposition_variants``).
_CONJUNCTIONS = ("و",)
# Longest first: the article with a preposition or conjunction before the bare article.
_ARTICLES = ("وال", "فال", "بال", "كال", "لل", "ال")
# Suffixes, outermost first (issue 16): an attached pronoun, then a sound plural or dual, then
# the nisba or feminine ending; at most one of each group, while at least _MIN_STEM letters
# remain (the pronouns other than ها: four, so that محاكم keeps its كم). Taking the plural before
# the nisba makes العسكريين، عسكرية and عسكري meet, and العمليات and عملية.
_PRONOUNS = ("هما", "كما", "هم", "هن", "كم", "نا")
_PLURALS = ("ات", "ون", "ين", "ان")
_NISBA = ("يه", "يا", "ه", "ا", "ي")
_MIN_STEM = 3

_english = snowballstemmer.stemmer("english")
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3]")


def arabic_light_stem(word: str) -> str:
    """Strip clitics and common affixes from one *normalised* Arabic word (see module steps)."""
    return _light_stem_parts(word)[0]


def nisba_base(word: str) -> str:
    """The stem of one *normalised* Arabic word with its nisba ي kept, when stemming took one
    off (مدني، المدنيين → مدني; اتفاقية، الاتفاقيات → اتفاقي), else ''.

    The light stem merges a nisba adjective with the noun it comes from (مدني civil and المدن
    cities both → مدن; اتفاقية convention and اتفاقات agreements → اتفاق): the index cannot keep
    them apart without losing the sound plurals it was built to find (issue 16). The ranking
    can: among the documents that only share the query word's stem, those holding a word that
    begins with this base come first (``mizan.library.search``)."""
    stem, ending = _light_stem_parts(word)
    return stem + "ي" if ending.startswith("ي") else ""


def _light_stem_parts(word: str) -> tuple[str, str]:
    """``arabic_light_stem`` of ``word``, and the nisba or feminine ending its last step took
    off ('' if none)."""
    if len(word) > 3 and word.startswith(_CONJUNCTIONS):
        # "و" starts some words (وثيقه، وزاره); stripping it anyway is light10's choice: both the
        # index and the query lose it, so they still meet.
        word = word[1:]
    for article in _ARTICLES:
        if word.startswith(article) and len(word) - len(article) >= 2:
            word = word[len(article) :]
            break
    stripped = False
    if word.endswith("ها") and len(word) >= 2 + _MIN_STEM:
        word, stripped = word[:-2], True
    else:
        for pronoun in _PRONOUNS:
            if word.endswith(pronoun) and len(word) - len(pronoun) >= 4:
                word, stripped = word[: -len(pronoun)], True
                break
    for plural in _PLURALS:
        if word.endswith(plural) and len(word) - len(plural) >= _MIN_STEM:
            word, stripped = word[: -len(plural)], True
            break
    if stripped and word.endswith("ت") and len(word) >= 4:
        # A taa marbuta before a pronoun or dual ending is written ت: شهادتهم، محكمتين.
        word = word[:-1]
    for ending in _NISBA:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            return word[: -len(ending)], ending
    return word, ""


def exact_form(word: str) -> str:
    """One *normalised* word as written, less what nobody types as part of it: for Arabic, a
    leading و and the article (والمعتقلين → معتقلين); a Latin word or number as it is.

    Documents holding the query's words in these forms rank above those that only share their
    stems (``mizan.library.search``), so stemming adds recall without pushing the exact document
    down, and a word a stemmer conflates with the query's (تمر for تمرين) comes after it.
    """
    if not _ARABIC_LETTER.search(word):
        return word
    if len(word) > 3 and word.startswith(_CONJUNCTIONS):
        word = word[1:]
    for article in _ARTICLES:
        if word.startswith(article) and len(word) - len(article) >= 2:
            return word[len(article) :]
    return word


_PREPOSITIONS = ("ب", "ك", "ل", "ف")


def preposition_forms(word: str) -> tuple[str, ...]:
    """The exact forms (``exact_form``) of ``word`` (one *normalised* Arabic word) with a bare ب،
    ك، ل or ف taken off or put on — بمعتقلين gives معتقلين، بمعتقلين، كمعتقلين، لمعتقلين، فمعتقلين —
    its own form included; () for a Latin word or a function word."""
    if not _ARABIC_LETTER.search(word) or word in ARABIC_STOPWORDS:
        return ()
    core = exact_form(word)
    if core.startswith(_PREPOSITIONS) and len(core) >= 4:
        core = core[1:]
    return tuple(dict.fromkeys((core, *(prefix + core for prefix in _PREPOSITIONS))))


def preposition_variants(
    word: str, stem: Callable[[str], str] = arabic_light_stem
) -> tuple[str, ...]:
    """The terms of ``word`` (one *normalised* Arabic word) with a bare ب، ك، ل or ف taken off or
    put on (``preposition_forms``): بمعتقلين gives معتقل، كمعتقل، لمعتقل، فمعتقل; معتقلين gives
    بمعتقل، كمعتقل، لمعتقل، فمعتقل. The word's own term is left out.

    The index keeps a bare preposition (see step 3), so these are looked up at query time and
    ranked after every match of the word as typed: لجنة still finds اللجنة first, and a document
    about جنة only comes after all of them.
    """
    own = stem(word)
    found: list[str] = []
    for form in preposition_forms(word):
        term = stem(form)
        if term != own and term not in found and term not in ARABIC_STOPWORDS:
            found.append(term)
    return tuple(found)


def english_stem(word: str) -> str:
    """The Snowball (Porter 2) English stem, with one step of Mizan's (issue 19): an agent noun
    in -ee or -ees meets its verb — detainee(s) → detain, like detained and detaining; deportee,
    employee, trainee, internee. Snowball alone gives "detaine". Not after a doubled consonant
    (committee is not commit) nor with fewer than four letters before it (agree, fee, degree).
    Chosen by measurement (bench/english_stemmers.py)."""
    for ending in ("ees", "ee"):
        if word.endswith(ending):
            base = word[: -len(ending)]
            if len(base) >= 4 and base[-1] != base[-2]:
                return str(_english.stemWord(base))
            break
    return str(_english.stemWord(word))


@lru_cache(maxsize=200_000)
def _term_of_normalised(word: str) -> str:
    if word.isascii():
        if word.isdigit():
            return word
        return english_stem(word)
    if _ARABIC_LETTER.search(word):
        return arabic_light_stem(word)
    return word


def search_term(word: str) -> str:
    """The index term of one already normalised word ('' for a function word)."""
    if not word.isalnum():
        # Control characters and marks of other scripts are not searchable and must never
        # reach a backend's query syntax.
        word = "".join(char for char in word if char.isalnum())
    if not word or word in ARABIC_STOPWORDS or word in ENGLISH_STOPWORDS:
        return ""
    return _term_of_normalised(word)


def search_terms(text: str) -> list[str]:
    """The index terms of ``text``, in order, function words left out."""
    return terms_text(text).split()


def chunk_terms(chunk: str) -> tuple[str, ...]:
    """The index terms of one whitespace-free chunk of text (cached)."""
    return tuple(_chunk_index(chunk)[0].split())


# Normalisation never joins or splits across whitespace, so each whitespace-separated chunk of a
# text is normalised, stemmed and reduced to its exact forms once per process, and indexing a
# document is then dictionary look-ups. One dict, chunk -> (its terms, each followed by a space;
# its words' exact forms, joined by spaces; both '' for a function word): one look-up per chunk
# gives both, read with ``map`` and ``itemgetter`` (in C), and a text's terms are then one
# ``"".join`` with no filter for the function words. A chunk met for the first time is computed
# by the dict's ``__missing__``, called by that same look-up, so a document is read once whether
# or not it holds new chunks. Issue 16 had made indexing half as fast by CPU as before the exact
# forms (a second cache for the forms, a Python loop over every chunk of a document as soon as
# one was new, the forms de-duplicated word by word); then a set of each document's chunks was
# taken first to find the new ones, and the function words filtered out of every join: together
# a fifth of ``index_terms``'s instructions (bench/README.md, issue 16, instruction counts).
# Bounded: emptied when it holds ``_MAX_CHUNKS`` chunks. Writers only add or clear, and a look-up
# never fails (``__missing__`` computes what another thread cleared), so threads (snippets) need
# no lock.
_MAX_CHUNKS = 500_000
# Only chunks up to this length are kept: the bound counts chunks, and a chunk without
# whitespace can be any length (a URL, a table's run of cells, base64 or text in a script
# written without spaces), kept with its terms and forms about three times over. Words are
# far shorter; a long chunk is seldom met twice.
_MAX_CHUNK_LENGTH = 64


class _ChunkCache(dict[str, tuple[str, str]]):
    def __missing__(self, chunk: str) -> tuple[str, str]:
        found = _chunk_compute(chunk)
        if len(chunk) > _MAX_CHUNK_LENGTH:
            return found
        if len(self) >= _MAX_CHUNKS:
            self.clear()
        self[chunk] = found
        return found


_CHUNKS = _ChunkCache()
_terms_of = itemgetter(0)
_forms_of = itemgetter(1)


def _chunk_index(chunk: str) -> tuple[str, str]:
    """The index terms of one chunk (each followed by a space) and its words' exact forms
    (space-separated), cached."""
    return _CHUNKS[chunk]


def _chunk_compute(chunk: str) -> tuple[str, str]:
    """The index terms of one chunk, each followed by a space, and their words' exact forms,
    space-separated, in one pass: indexing asks for both, and a chunk met for the first time is
    normalised and stemmed once."""
    terms: list[str] = []
    forms: list[str] = []
    for word in _normalise_word(chunk).split():
        term = search_term(word)
        if term:
            terms.append(term)
            forms.append(_form_of_normalised(word))
    return "".join(term + " " for term in terms), " ".join(dict.fromkeys(forms))


def _chunk_pairs(chunks: list[str]) -> list[tuple[str, str]]:
    """(terms, forms) of every chunk: dictionary look-ups in C, the new chunks computed on the
    way (``_ChunkCache.__missing__``)."""
    return list(map(_CHUNKS.__getitem__, chunks))


def terms_text(text: str) -> str:
    """The index terms of ``text``, in order, function words left out, separated by spaces:
    what a search entry stores."""
    return "".join(map(_terms_of, _chunk_pairs(text.split())))[:-1]


def terms_and_forms(text: str) -> tuple[str, dict[str, None]]:
    """``terms_text(text)``, and the exact forms of its words in order of first appearance, as
    the keys of a dict: each key holds one chunk's forms, separated by spaces — one form, but for
    a chunk that normalises into several words (A/RES/71/248), whose forms may also appear in
    other keys. What a search entry stores (``exact_forms`` gives them one by one)."""
    pairs = _chunk_pairs(text.split())
    forms = dict.fromkeys(map(_forms_of, pairs))
    forms.pop("", None)
    return "".join(map(_terms_of, pairs))[:-1], forms


def title_and_body_terms(title: str, body: str) -> tuple[str, str, list[str]]:
    """``terms_text`` of ``title`` and of ``body``, and the exact forms of both (those of the
    body first, then those of the title not among them), as ``terms_and_forms`` gives them: what
    a search entry and its forms store, in one pass over each text and one de-duplication."""
    title_pairs = _chunk_pairs(title.split())
    body_pairs = _chunk_pairs(body.split())
    forms = dict.fromkeys(chain(map(_forms_of, body_pairs), map(_forms_of, title_pairs)))
    forms.pop("", None)
    return (
        "".join(map(_terms_of, title_pairs))[:-1],
        "".join(map(_terms_of, body_pairs))[:-1],
        list(forms),
    )


@lru_cache(maxsize=200_000)
def _form_of_normalised(word: str) -> str:
    return exact_form(_alnum(word))


# A word as written: letters, digits and the marks inside Arabic words (tashkeel, tatweel).
_WORD_AS_WRITTEN = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640\u06d6-\u06ed]+")


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """Each word of ``text`` as written: (start, end, index term or '' for a function word).

    Used to find and highlight query terms in the original text, so snippets show the words as
    the document spells them.
    """
    return [
        (match.start(), match.end(), _word_terms(match.group()))
        for match in _WORD_AS_WRITTEN.finditer(text)
    ]


@lru_cache(maxsize=200_000)
def _word_terms(word: str) -> str:
    """The index terms of one word as written, joined by spaces ('' for a function word)."""
    terms = [search_term(part) for part in _normalise_word(word).split()]
    return " ".join(term for term in terms if term)


@lru_cache(maxsize=200_000)
def _normalise_word(word: str) -> str:
    return normalise_for_search(word)


@dataclass(frozen=True)
class QueryClause:
    """One part of a query: a single term, or a phrase whose terms must follow each other.

    ``variants``: other terms that also satisfy a single-word clause (the word with a bare
    preposition taken off or put on, ``preposition_variants``), ranked after the word itself.
    ``forms``: the clause's words in their exact forms (``exact_form``); documents holding all of
    a query's exact forms rank first.
    """

    terms: tuple[str, ...]
    variants: tuple[str, ...] = ()
    forms: tuple[str, ...] = ()
    # For a clause with variants: the exact forms of its word with a bare preposition taken off
    # or put on (``preposition_forms``), any of which counts as exact among the variants' matches.
    variant_forms: tuple[str, ...] = ()
    # For a single Arabic word whose stem lost a nisba ي: that stem with the ي (``nisba_base``);
    # documents holding a word beginning with it rank above those sharing only the stem.
    nisba: str = ""

    @property
    def is_phrase(self) -> bool:
        return len(self.terms) > 1

    @property
    def alternatives(self) -> tuple[str, ...]:
        """The clause as typed (terms joined as a phrase), then its variants."""
        return (" ".join(self.terms), *self.variants)


_QUOTES = "\"“”«»„‟'"
_MAX_CLAUSES = 12


def exact_forms(text: str) -> list[str]:
    """The distinct exact forms (``exact_form``) of ``text``'s words, function words left out,
    in order of first appearance."""
    return list(dict.fromkeys(" ".join(terms_and_forms(text)[1]).split()))


def _alnum(word: str) -> str:
    return word if word.isalnum() else "".join(char for char in word if char.isalnum())


def parse_query(query: str) -> list[QueryClause]:
    """Turn what a person typed into clauses that every backend can run safely.

    Text between double quotes (or « ») is a phrase; a chunk such as ``A/RES/71/248`` that
    normalises into several words is a phrase too; every other word is a term, and all clauses
    must match. Operators, brackets, stray quotes and any other syntax are treated as spaces,
    so no input can produce a query syntax error. At most twelve clauses are kept. A single
    Arabic word typed outside quotes also carries its preposition variants.
    """
    clauses: list[QueryClause] = []
    seen: set[tuple[str, ...]] = set()

    def add(text: str, *, phrase: bool) -> None:
        words = [
            (word, term)
            for chunk in text.split()
            for word in _normalise_word(chunk).split()
            if (term := search_term(word))
        ]
        if not words:
            return
        terms = tuple(term for _, term in words)
        forms = tuple(exact_form(_alnum(word)) for word, _ in words)
        if len(terms) == 1 and not quoted:
            word = _alnum(words[0][0])
            variants = preposition_variants(word)
            # Only a word typed *with* a bare preposition also counts as exact without it
            # (بمعتقلين: معتقلين): each alternative is one more substring test per matched row.
            core = preposition_forms(word)[:1]
            nisba = nisba_base(forms[0]) if _ARABIC_LETTER.search(word) else ""
            candidate = QueryClause(
                terms,
                variants,
                forms,
                (*forms, *core) if variants and core != forms else (),
                nisba,
            )
        else:
            candidate = QueryClause(terms, (), forms)
        if candidate.terms not in seen and len(clauses) < _MAX_CLAUSES:
            seen.add(candidate.terms)
            clauses.append(candidate)

    quoted = False
    text = query[:1000]
    # Normalise quotation marks to one character, then split into quoted and unquoted parts.
    for quote in _QUOTES:
        if quote != "'":
            text = text.replace(quote, '"')
    parts = text.split('"')
    for index, part in enumerate(parts):
        quoted = index % 2 == 1 and index < len(parts) - 1
        if quoted:
            add(part, phrase=True)
            continue
        for chunk in part.split():
            add(chunk, phrase=True)
    return clauses


def _quoted(terms: str) -> str:
    return '"' + terms + '"'


def fts5_match(clauses: list[QueryClause], *, variants: bool = True) -> str:
    """The SQLite FTS5 MATCH expression of parsed clauses: every clause quoted, all required;
    a clause with variants matches any of them (with ``variants``).

    Terms hold letters and digits only (``search_term``), so quoting each is safe and every FTS5
    operator word a person typed (AND, NEAR …) is just a term.
    """
    parts = []
    for clause in clauses:
        if variants and clause.variants:
            parts.append("(" + " OR ".join(map(_quoted, clause.alternatives)) + ")")
        else:
            parts.append(_quoted(" ".join(clause.terms)))
    return " AND ".join(parts)


def form_groups(clauses: list[QueryClause]) -> list[tuple[str, ...]]:
    """The exact-form condition of the clauses: every group must be met, by any of its forms."""
    groups: dict[tuple[str, ...], None] = {}
    for clause in clauses:
        if clause.variant_forms:
            groups[clause.variant_forms] = None
        else:
            for form in clause.forms:
                groups[(form,)] = None
    return list(groups)
