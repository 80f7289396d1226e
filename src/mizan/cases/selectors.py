"""Reads of the documentation model; each takes the user and applies the permission layer."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from mizan.cases.models import (
    Act,
    CaseFile,
    Command,
    Incident,
    Involvement,
    Organisation,
    Person,
    PersonNameKey,
    Source,
)
from mizan.core.models import Place, Site, Term
from mizan.core.permissions import (
    effective_clearance,
    get_visible_or_404,
    sees_everything,
    visibility_q,
    visible_prefetch,
)
from mizan.core.selectors import place_descendant_ids, search_q
from mizan.text import normalise_for_search, tokens
from mizan.text.translit import name_key, name_keys

SUGGESTION_LIMIT = 8


@dataclass(frozen=True)
class IncidentFilters:
    query: str = ""
    act_type: str = ""
    year_from: int | None = None
    year_to: int | None = None
    governorate: str = ""
    unit: int | None = None
    sex: str = ""
    age_group: str = ""
    status: str = ""
    sensitivity: int | None = None
    site: int | None = None

    @property
    def on_acts(self) -> bool:
        """Whether a filter needs the acts (an incident matches through one of its acts)."""
        return bool(
            self.act_type or self.sex or self.age_group or self.status or self.site or self.unit
        )


def _term_ids(vocabulary: str, code: str) -> list[int]:
    return list(Term.objects.filter(vocabulary=vocabulary, code=code).values_list("pk", flat=True))


def incidents_visible_to(
    user: Any, filters: IncidentFilters | None = None, *, for_count: bool = False
) -> QuerySet[Incident]:
    """The incidents the user may see, filtered, latest first.

    ``for_count`` shapes the act filters for counting every match rather than finding the first
    fifty: the matching acts' incident ids are listed once (IN) instead of probing each visible
    incident (EXISTS), which halves the count on SQLite (measured 48 → 22 ms for one filter).
    """
    f = filters or IncidentFilters()
    # No select_related("team"): SQLite then gives up the sort index (measured 313 ms → <1 ms).
    incidents = Incident.objects.visible_to(user).select_related("place", "governorate")
    acts = Act.objects.all()
    act_filtered = False
    # Filter on term ids, not a join on the code: the join misleads PostgreSQL's estimates
    # into a nested loop (measured 457 → 108 ms).
    if f.act_type:
        acts, act_filtered = acts.filter(act_type_id__in=_term_ids("act_type", f.act_type)), True
    if f.sex:
        # The victim's sex is copied onto the act (Act.victim_sex): no join to persons.
        acts, act_filtered = acts.filter(victim_sex_id__in=_term_ids("sex", f.sex)), True
    if f.age_group:
        acts, act_filtered = acts.filter(victim_age_group=f.age_group), True
    if f.status:
        acts, act_filtered = acts.filter(status_id__in=_term_ids("act_status", f.status)), True
    # A site or unit the user may not see matches nothing (else trying ids one by one would
    # tell which visible incidents have acts at a hidden facility or by a hidden unit).
    if f.site:
        acts, act_filtered = acts.filter(Q(site_id=f.site) & visibility_q(user, "site__")), True
    selective = bool(f.unit or f.site)
    if f.unit:
        acts = acts.filter(
            Q(involvements__perpetrator_unit_id=f.unit)
            & visibility_q(user, "involvements__perpetrator_unit__")
        )
        act_filtered = True
    if act_filtered and not sees_everything(user):
        # An act whose victim the user may not see is out of reach everywhere but in counts:
        # it must not answer a filter (on the victim's sex or age group, nor on its type,
        # status, facility or unit), or trying filters would describe it.
        acts = acts.filter(visibility_q(user, "victim__"))
    if act_filtered and (selective or for_count):
        # One unit's or facility's acts are few: list their incidents first (IN), rather than
        # probe every incident of the list (measured 118 ms with IN, 650 ms with EXISTS).
        incidents = incidents.filter(pk__in=acts.values("incident_id"))
    elif act_filtered:
        # A common act type or sex matches a large share of incidents: test the incidents of
        # the page one by one ("has at least one such act", EXISTS) on the acts' indexes
        # (act_type_incident, act_victim_incident …), which stops as soon as the page is full.
        incidents = incidents.filter(Exists(acts.filter(incident_id=OuterRef("pk"))))
    # Years on the indexed sort key (the start date without its "approximate" mark).
    if f.year_from:
        incidents = incidents.filter(sort_key__gte=f"{f.year_from:04d}")
    if f.year_to:
        incidents = incidents.filter(sort_key__lt=f"{f.year_to + 1:04d}", sort_key__gt="")
    if f.governorate:
        incidents = incidents.filter(governorate__code=f.governorate)
    if f.sensitivity is not None:
        incidents = incidents.filter(sensitivity=f.sensitivity)
    if f.query:
        words = tokens(f.query)
        condition = Q()
        for word in words:
            condition &= (
                Q(title_ar__icontains=word)
                | Q(title_en__icontains=word)
                | Q(reference__icontains=word)
            )
        incidents = incidents.filter(condition)
    # Latest first, undated last, on an indexed sort key (see Incident.sort_key).
    return incidents.order_by("-sort_key", "-pk")


PAGE_SIZE = 50
_CURSOR = re.compile(r"(?P<key>[0-9-]{0,10})_(?P<pk>[0-9]{1,18})")


@dataclass
class IncidentPage:
    """One page of the incident list, reached by page number or by a cursor (keyset).

    "Next" and "Previous" carry the (sort key, id) of the row at the page's edge, so a page deep
    in the list is read from the index at that point instead of skipping every row before it
    with OFFSET; a page number alone (a bookmark, a typed URL) still works by offset. ``number``
    is the page's number as shown; the links carry it along.
    """

    object_list: list[Incident]
    number: int
    count: int
    has_next: bool
    has_previous: bool

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.count // PAGE_SIZE))

    @property
    def next_cursor(self) -> str:
        return cursor_of(self.object_list[-1]) if self.object_list else ""

    @property
    def previous_cursor(self) -> str:
        return cursor_of(self.object_list[0]) if self.object_list else ""

    def __iter__(self) -> Any:
        return iter(self.object_list)


def cursor_of(incident: Incident) -> str:
    return f"{incident.sort_key}_{incident.pk}"


def _parse_cursor(text: str | None) -> tuple[str, int] | None:
    found = _CURSOR.fullmatch(text or "")
    return (found["key"], int(found["pk"])) if found else None


def incident_page(
    incidents: QuerySet[Incident],
    *,
    counted: QuerySet[Incident] | None = None,
    page: str | None = None,
    after: str | None = None,
    before: str | None = None,
    skip_on_ids: bool = True,
) -> IncidentPage:
    """The page of ``incidents`` (ordered latest first, as ``incidents_visible_to`` returns);
    ``counted`` is the same set shaped for counting (``for_count=True``). ``skip_on_ids``: reach a
    page number by skipping ids first (right when the filters are on the incident's own columns;
    with a selective act filter PostgreSQL then walks the sort index testing every incident)."""
    count = (counted if counted is not None else incidents).count()
    number = int(page) if page and page.isdigit() and 0 < int(page) < 10**6 else 1
    forward, backward = _parse_cursor(after), _parse_cursor(before)
    if forward is not None:
        key, pk = forward
        # "(sort_key, id) < (key, pk)", written so that "sort_key <= key" bounds the index scan.
        rows = list(
            incidents.filter(sort_key__lte=key).filter(Q(sort_key__lt=key) | Q(pk__lt=pk))[
                : PAGE_SIZE + 1
            ]
        )
        has_next, has_previous = len(rows) > PAGE_SIZE, True
        rows = rows[:PAGE_SIZE]
    elif backward is not None:
        key, pk = backward
        rows = list(
            incidents.filter(sort_key__gte=key)
            .filter(Q(sort_key__gt=key) | Q(pk__gt=pk))
            .order_by("sort_key", "pk")[: PAGE_SIZE + 1]
        )
        has_previous, has_next = len(rows) > PAGE_SIZE, True
        rows = rows[:PAGE_SIZE][::-1]
        number = max(1, number) if has_previous else 1
    else:
        number = min(number, max(1, -(-count // PAGE_SIZE)))
        start = (number - 1) * PAGE_SIZE
        # Skip rows on the ids alone (an index-only scan of incident_sort_visible), then fetch
        # the page's rows: OFFSET over whole rows read every skipped row from the table.
        if start and skip_on_ids:
            ids = list(incidents.values_list("pk", flat=True)[start : start + PAGE_SIZE + 1])
            rows = list(incidents.filter(pk__in=ids))
        else:
            rows = list(incidents[start : start + PAGE_SIZE + 1])
        has_next, has_previous = len(rows) > PAGE_SIZE, number > 1
        rows = rows[:PAGE_SIZE]
    return IncidentPage(rows, number, count, has_next, has_previous)


def with_act_counts(incidents: list[Incident]) -> list[Incident]:
    """Attach ``act_count`` to one page of incidents with one grouped query.

    Counting acts for every incident of the filtered list (hundreds of thousands) only to show
    fifty of them was the slowest part of the list page.
    """
    counts = dict(
        Act.objects.filter(incident_id__in=[i.pk for i in incidents])
        .values_list("incident_id")
        .annotate(n=Count("pk"))
        .values_list("incident_id", "n")
    )
    for incident in incidents:
        incident.act_count = counts.get(incident.pk, 0)  # type: ignore[attr-defined]
    return incidents


def involvements_visible_to(user: Any) -> QuerySet[Involvement]:
    """Involvements whose perpetrator (unit or person) the user may see."""
    return Involvement.objects.filter(
        Q(perpetrator_unit__isnull=True) | visibility_q(user, "perpetrator_unit__"),
        Q(perpetrator_person__isnull=True) | visibility_q(user, "perpetrator_person__"),
    ).select_related("perpetrator_unit", "perpetrator_person", "degree")


def sources_visible_to(user: Any) -> QuerySet[Source]:
    """Sources the user may see whose person (if any) the user may see too: a source whose
    witness is out of reach is left out, so not even a pseudonym says a witness is there."""
    return (
        Source.objects.visible_to(user)
        .filter(Q(person__isnull=True) | visibility_q(user, "person__"))
        .select_related("source_type", "person")
    )


def incident_detail(user: Any, pk: int) -> Incident:
    """One incident with what the user may see around it, each related record by its own rule.

    ``visible_acts``: the acts whose victim the user may see (with ``visible_involvements``,
    ``hidden_perpetrator_count`` and the site only if visible); ``hidden_act_count``: how many
    acts concern persons the user may not see (the incident list already shows the total);
    ``visible_sources``: sources the user may see, with their person (see
    ``sources_visible_to``).
    """
    acts = (
        Act.objects.filter(visibility_q(user, "victim__"))
        .select_related("victim", "victim__sex", "act_type", "status")
        .annotate(involvement_total=Count("involvements"))
        .prefetch_related(
            "torture_methods",
            "legal_qualifications",
            visible_prefetch("site", Site.objects.all(), user),
            Prefetch(
                "involvements",
                queryset=involvements_visible_to(user),
                to_attr="visible_involvements",
            ),
        )
        .order_by("pk")
    )
    queryset = (
        Incident.objects.select_related("place", "governorate", "team")
        .annotate(act_total=Count("acts"))
        .prefetch_related(
            Prefetch("acts", queryset=acts, to_attr="visible_acts"),
            Prefetch("sources", queryset=sources_visible_to(user), to_attr="visible_sources"),
        )
    )
    incident = get_visible_or_404(queryset, user, pk=pk)
    visible_acts: list[Any] = incident.visible_acts  # type: ignore[attr-defined]
    incident.hidden_act_count = incident.act_total - len(visible_acts)  # type: ignore[attr-defined]
    for act in visible_acts:
        act.hidden_perpetrator_count = act.involvement_total - len(act.visible_involvements)
    return incident


def persons_visible_to(user: Any) -> QuerySet[Person]:
    return Person.objects.visible_to(user).select_related("sex", "birth_place")


# Articles written as a word of their own ("al-H…" splits into "al" and "h").
_ARTICLES = frozenset(
    {"ال", "al", "el", "il", "ul", "ar", "as", "ad", "an", "at", "az", "ash", "ath", "adh", "ed"}
)
_ARABIC_ARTICLE = "ال"
_KEY_LENGTH = 40  # PersonNameKey.key
_DRIVER_PROBE = 1000


def _joins_next(keys: list[str], words: str) -> bool:
    """Whether the last word of ``words`` joins the next one into one key (عبد, Abu …)."""
    return bool(keys) and len(name_keys(words + " نور")) == len(keys)


def typed_name_keys(text: str) -> tuple[list[str], str]:
    """The keys of the words typed so far: (complete words' keys, prefix of the last word).

    The last word is still being typed unless the text ends with a space, so it is matched by
    prefix. Its key is computed here rather than with ``name_keys`` alone, which keys whole
    words: an article typed so far ("محمد ال", "Mohammad al-") adds nothing yet; an article
    with the first letters of the name ("محمد الح") is the name's prefix ("h"), not the key
    "al"; a letter that a whole word would lose at its end (a final ح read as taa marbuta) is
    kept (a longer word keeps its whole-word key, which is a prefix of the longer words' keys);
    a trailing vowel mark of the key ("w") is dropped, since more letters may follow.
    A compound head (عبد, Abu) joins the word after it, as in the stored keys.
    """
    words = normalise_for_search(text).split()
    if not words:
        return [], ""
    if text[-1:].isspace():
        complete = list(dict.fromkeys(name_keys(text)))
        if _joins_next(complete, " ".join(words)):
            return complete[:-1], complete[-1]  # "عبد ": any عبد… compound
        return complete, ""
    before, last = " ".join(words[:-1]), words[-1]
    complete = list(dict.fromkeys(name_keys(before)))
    head = ""
    if before and _joins_next(complete, before):
        head = complete.pop()
    if last in _ARTICLES:
        return complete, head
    stem = last
    if last.startswith(_ARABIC_ARTICLE) and len(last) <= len(_ARABIC_ARTICLE) + 1:
        stem = last[len(_ARABIC_ARTICLE) :]  # longer words lose the article in name_key
    prefix = name_key(stem)
    if not prefix:
        # One letter, which a whole word would drop at its end (ح, ه, h): key it before a vowel.
        arabic = any("\u0600" <= char <= "\u06ff" for char in stem)
        prefix = name_key(stem + ("ا" if arabic else "a"))
    prefix = prefix.rstrip("w")
    return complete, (head + prefix)[:_KEY_LENGTH]


def _key_condition(key: str, *, prefix: bool) -> Q:
    if prefix:
        return Q(key__gte=key, key__lt=key + "\x7f")  # a key range, so both databases use the index
    return Q(key=key[:_KEY_LENGTH])


def person_suggestions(user: Any, text: str, *, limit: int = SUGGESTION_LIMIT) -> list[Person]:
    """Existing persons whose names sound like ``text``, in either script.

    Every complete word must match one of the person's keys exactly and the word being typed
    one by prefix (``typed_name_keys``). The query starts from the most selective of these
    (probed with capped counts), requires each other key with ``EXISTS`` on the unique
    (person, key) index and the visibility rule on the person, and stops at the limit: it
    reads a few hundred index entries instead of grouping every key that shares a prefix
    (measured 320 ms → a few ms at 300,000 persons).
    """
    complete, prefix = typed_name_keys(text)
    conditions = [_key_condition(key, prefix=False) for key in complete]
    if prefix:
        conditions.append(_key_condition(prefix, prefix=True))
    if not conditions:
        return []
    if len(conditions) > 1:
        sizes = [PersonNameKey.objects.filter(c)[:_DRIVER_PROBE].count() for c in conditions]
        conditions = [c for _, c in sorted(zip(sizes, conditions, strict=True), key=lambda p: p[0])]
    driver, *others = conditions
    # A protected person is never suggested to someone who may not see the name: even
    # "someone by this name is a protected witness" would disclose too much.
    rows = PersonNameKey.objects.filter(
        driver,
        visibility_q(user, "person__"),
        person__identity_sensitivity__lte=effective_clearance(user),
    )
    for condition in others:
        rows = rows.filter(
            Exists(PersonNameKey.objects.filter(condition, person_id=OuterRef("person_id")))
        )
    ids = list(dict.fromkeys(rows.values_list("person_id", flat=True)[: limit * 4]))[:limit]
    persons = persons_visible_to(user).in_bulk(ids)
    return [persons[pk] for pk in ids if pk in persons]


def person_roles(user: Any, person: Person) -> dict[str, Any]:
    """Every role the person plays in what the user may see: victim, perpetrator, source."""
    # One person's acts and involvements are few: fetch them through the person's index and
    # apply the visibility rule to each incident in hand, rather than letting the planner
    # start from every visible incident (measured: 380 ms → a few ms at 400,000 acts).
    as_victim = [
        act
        for act in Act.objects.filter(victim=person)
        .select_related("incident", "act_type", "status")
        .prefetch_related(visible_prefetch("site", Site.objects.all(), user))
        if act.incident.is_visible_to(user)
    ]
    as_perpetrator = [
        involvement
        for involvement in Involvement.objects.filter(perpetrator_person=person).select_related(
            "act", "act__incident", "act__victim", "act__act_type", "degree"
        )
        if involvement.act.incident.is_visible_to(user)
        and involvement.act.victim.is_visible_to(user)
    ]
    return {
        "as_victim": as_victim,
        "as_perpetrator": as_perpetrator,
        "as_source": Source.objects.visible_to(user)
        .filter(person=person)
        .select_related("source_type")
        .prefetch_related(
            visible_prefetch("incidents", Incident.objects.only("pk", "reference"), user)
        ),
        "as_commander": person.commands.filter(visibility_q(user, "organisation__"))
        .select_related("organisation")
        .order_by("start_date", "pk"),
    }


def unit_detail(user: Any, pk: int) -> Organisation:
    """One unit, its parent only if the user may see it (else ``None``)."""
    return get_visible_or_404(
        Organisation.objects.select_related("org_type").prefetch_related(
            visible_prefetch("parent", Organisation.objects.all(), user)
        ),
        user,
        pk=pk,
    )


def unit_commands(user: Any, unit: Organisation) -> QuerySet[Command]:
    """Who commanded the unit, among the persons the user may see."""
    return (
        unit.commands.filter(visibility_q(user, "commander__"))
        .select_related("commander")
        .order_by("start_date", "pk")
    )


def unit_acts(user: Any, unit: Organisation) -> QuerySet[Act]:
    """The unit's acts the user may see: incident and victim both in reach."""
    return (
        Act.objects.visible_to(user)
        .filter(visibility_q(user, "victim__"), involvements__perpetrator_unit=unit)
        .select_related("incident", "act_type")
        .distinct()[:200]
    )


def units_matching(user: Any, text: str, limit: int = 10) -> QuerySet[Organisation]:
    return Organisation.objects.visible_to(user).filter(search_q("search_key", text))[:limit]


def governorates() -> QuerySet[Place]:
    return Place.objects.filter(kind=Place.Kind.GOVERNORATE)


__all__ = ["IncidentFilters", "incidents_visible_to", "person_suggestions", "place_descendant_ids"]


# --- Case files ----------------------------------------------------------------------------


def case_files_visible_to(user: Any) -> QuerySet[CaseFile]:
    return CaseFile.objects.visible_to(user).select_related("recipient", "team")


def case_file_detail(user: Any, pk: int) -> CaseFile:
    """One case file with the incidents and persons the user may see in it.

    ``visible_incidents`` and ``visible_persons`` hold what the user may see; ``hidden_incidents``
    and ``hidden_persons`` say how many more the file holds (a count, never which).
    """
    queryset = (
        CaseFile.objects.select_related("recipient", "team")
        .annotate(
            incident_total=Count("incidents", distinct=True),
            person_total=Count("persons", distinct=True),
        )
        .prefetch_related(
            visible_prefetch(
                "incidents",
                Incident.objects.select_related("place").order_by("reference"),
                user,
                to_attr="visible_incidents",
            ),
            visible_prefetch(
                "persons",
                Person.objects.select_related("sex").order_by("pk"),
                user,
                to_attr="visible_persons",
            ),
        )
    )
    case_file = get_visible_or_404(queryset, user, pk=pk)
    case_file.hidden_incidents = case_file.incident_total - len(case_file.visible_incidents)  # type: ignore[attr-defined]
    case_file.hidden_persons = case_file.person_total - len(case_file.visible_persons)  # type: ignore[attr-defined]
    return case_file
