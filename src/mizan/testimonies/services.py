"""Writes on testimonies. Each is atomic and writes its audit entry (and custody events for the
originals, through the evidence services).

Publication is guarded twice: the leak check (``mizan.testimonies.leaks``) must find nothing,
and the testimony's active consent must include the scope the publication needs. Publishing and
withdrawing consent lock the testimony row, so a withdrawal that arrives while a publication is
being checked waits for it and then withdraws it — a publication never outlives its consent.
"""

from __future__ import annotations

import io
import tempfile
import wave
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, BinaryIO, cast

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mizan.cases.models import Person
from mizan.core.audit import Action, audit_record
from mizan.core.models import Term
from mizan.core.validators import INTERNAL_USE_SCOPE, validate_consent_scopes
from mizan.evidence import metadata as metadata_capture
from mizan.evidence import services as evidence_services
from mizan.evidence.models import PREVIEW_AUDIO_TYPES, PREVIEW_VIDEO_TYPES, Item
from mizan.testimonies import search, transcripts
from mizan.testimonies.leaks import Occurrence, ProtectedIdentity, find_leaks
from mizan.testimonies.models import (
    ANONYMISED_PUBLICATION,
    LANGUAGE_CODES,
    NAMED_PUBLICATION,
    SCOPES_NEEDING_FORM,
    Collection,
    Publication,
    Segment,
    Testimony,
    TestimonyConsent,
    TestimonyPerson,
    Transcript,
    identity_protected,
)
from mizan.text import normalise_for_search
from mizan.text.bidi import isolate
from mizan.text.names import name_words

# --- Testimonies ------------------------------------------------------------------------------


def next_reference() -> str:
    prefix = f"T-{timezone.now().year}-"
    last = (
        Testimony.objects.filter(reference__startswith=prefix)
        .order_by("-reference")
        .values_list("reference", flat=True)
        .first()
    )
    number = int(last.rsplit("-", 1)[1]) + 1 if last and last.rsplit("-", 1)[1].isdigit() else 1
    return f"{prefix}{number:06d}"


RELATIONS = ("interviewers", "incidents", "acts", "places", "case_files")


def _clean_languages(value: Any) -> str:
    codes = (
        value if isinstance(value, list | tuple) else str(value or "").replace(";", ",").split(",")
    )
    cleaned = [code.strip().lower() for code in codes if code.strip()]
    unknown = [code for code in cleaned if code not in LANGUAGE_CODES]
    if unknown:
        raise ValidationError(
            _("Unknown language code: %(codes)s (known: %(known)s).")
            % {"codes": ", ".join(unknown), "known": ", ".join(sorted(LANGUAGE_CODES))}
        )
    return ",".join(dict.fromkeys(cleaned))


def testimony_create(*, actor: Any, data: dict[str, Any], interviewee: Person) -> Testimony:
    """Record a testimony of ``interviewee``; ``data`` may hold the many-to-many links too."""
    data = dict(data)
    relations = {name: data.pop(name) for name in RELATIONS if name in data}
    if "languages" in data:
        data["languages"] = _clean_languages(data["languages"])
    with transaction.atomic():
        testimony = Testimony(
            interviewee=interviewee,
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
            **data,
        )
        if not testimony.reference:
            testimony.reference = next_reference()
        testimony.full_clean()
        testimony.save()
        for name, values in relations.items():
            getattr(testimony, name).set(values)
        audit_record(
            actor=actor,
            action=Action.CREATE,
            target=testimony,
            fields=[*data, *relations, "interviewee"],
        )
    return testimony


def testimony_update(*, actor: Any, testimony: Testimony, data: dict[str, Any]) -> Testimony:
    data = dict(data)
    relations = {name: data.pop(name) for name in RELATIONS if name in data}
    if "languages" in data:
        data["languages"] = _clean_languages(data["languages"])
    with transaction.atomic():
        changed = [name for name, value in data.items() if getattr(testimony, name) != value]
        for name, value in data.items():
            setattr(testimony, name, value)
        testimony.full_clean()
        testimony.save()
        for name, values in relations.items():
            before = set(getattr(testimony, name).values_list("pk", flat=True))
            if before != {v.pk for v in values}:
                getattr(testimony, name).set(values)
                changed.append(name)
        if changed:
            audit_record(actor=actor, action=Action.UPDATE, target=testimony, fields=changed)
    return testimony


def testimony_person_add(
    *, actor: Any, testimony: Testimony, person: Person, role: str, phone: str = ""
) -> TestimonyPerson:
    if role not in TestimonyPerson.Role.values:
        raise ValidationError(_("Unknown role."))
    with transaction.atomic():
        link, created = TestimonyPerson.objects.get_or_create(
            testimony=testimony, person=person, defaults={"role": role, "phone": phone}
        )
        if not created:
            raise ValidationError(_("This person is already linked to the testimony."))
        audit_record(
            actor=actor,
            action=Action.UPDATE,
            target=testimony,
            fields=["persons"],
            detail={"person": person.pk, "role": role},
        )
    return link


# --- Originals in the evidence locker ----------------------------------------------------------

SILENCE_PEAK = 64  # of 32767: below this a 16-bit recording is silence (hiss at most)


def _wav_is_silent(stream: BinaryIO) -> bool:
    """True when a PCM WAV file holds only silence (an interview recorded with the mic off).

    Reads a second at a time and stops at the first audible sample, so a real recording of two
    hours is judged from its first second."""
    import array

    position = stream.tell()
    try:
        with wave.open(stream, "rb") as reader:
            if reader.getsampwidth() != 2:
                return reader.getnframes() == 0
            block = max(reader.getframerate() * reader.getnchannels(), 1)
            while frames := reader.readframes(block):
                samples = array.array("h", frames[: len(frames) - len(frames) % 2])
                if max(map(abs, samples), default=0) >= SILENCE_PEAK:
                    return False
            return True
    except (wave.Error, EOFError):
        return False
    finally:
        stream.seek(position)


def original_add(
    *,
    actor: Any,
    testimony: Testimony,
    stream: BinaryIO,
    filename: str,
    as_recording: bool = False,
    title: str = "",
    request: Any = None,
) -> Item:
    """Put an original (recording, video, statement) in the locker and link it to the testimony.

    The item takes the testimony's sensitivity and case team and lists the interviewee among its
    persons. ``as_recording`` makes it the recording the transcript follows: it must be audio or
    video, with sound.
    """
    if as_recording and filename.lower().endswith(".wav") and _wav_is_silent(stream):
        raise ValidationError(
            _("“%(name)s” is silent: no sound was recorded. Nothing was stored.")
            % {"name": isolate(filename)}
        )
    if as_recording:
        # Typed from its first bytes before it is stored, as the locker will type it: a file
        # refused after the ingest would stay in the locker as an item linked to nothing.
        position = stream.tell()
        head = stream.read(metadata_capture.SNIFF_BYTES)
        stream.seek(position)
        kind = metadata_capture.media_type(head, filename)
        if kind not in PREVIEW_AUDIO_TYPES | PREVIEW_VIDEO_TYPES:
            raise ValidationError(
                _("“%(name)s” is not an audio or video recording Mizan can play (%(type)s).")
                % {"name": isolate(filename), "type": kind}
            )
    result = evidence_services.item_ingest(
        stream,
        filename=filename,
        actor=actor,
        title=title or f"{testimony.reference}: {filename}",
        sensitivity=testimony.sensitivity,
        team=testimony.team,
        consent_scopes=_scope_terms(_item_scopes(testimony)),
        request=request,
    )
    item = result.within_reach_of(
        actor,
        _(
            "This file is already in the evidence locker as an item you cannot see. Ask an "
            "administrator to link it to the testimony."
        ),
    )
    if as_recording and item.media_type not in PREVIEW_AUDIO_TYPES | PREVIEW_VIDEO_TYPES:
        raise ValidationError(
            _("“%(name)s” is not an audio or video recording Mizan can play (%(type)s).")
            % {"name": isolate(filename), "type": item.media_type}
        )
    duration = (item.metadata or {}).get("duration_seconds")
    if as_recording and duration is not None and float(duration) <= 0:
        raise ValidationError(_("“%(name)s” is an empty recording.") % {"name": isolate(filename)})
    with transaction.atomic():
        testimony.originals.add(item)
        item.persons.add(testimony.interviewee)
        fields = ["originals"]
        if as_recording:
            testimony.recording = item
            if duration is not None:
                testimony.duration_seconds = round(float(duration))
            testimony.save(update_fields=["recording", "duration_seconds", "updated_at"])
            fields += ["recording", "duration_seconds"]
        audit_record(
            actor=actor,
            action=Action.UPDATE,
            target=testimony,
            fields=fields,
            detail={"item": item.reference},
            request=request,
        )
    return item


# --- Consent -------------------------------------------------------------------------------------


def _scope_terms(codes: Iterable[str]) -> list[Term]:
    codes = list(codes)
    terms = list(Term.objects.filter(vocabulary="consent_scope", code__in=codes, active=True))
    unknown = sorted(set(codes) - {t.code for t in terms})
    if unknown:
        known = ", ".join(Term.objects.of("consent_scope").values_list("code", flat=True))
        raise ValidationError(
            _("Unknown consent scope: %(codes)s (known: %(known)s).")
            % {"codes": ", ".join(unknown), "known": known}
        )
    return terms


def _item_scopes(testimony: Testimony) -> set[str]:
    """What the testimony's active consents allow together, as its items carry it: one
    consent's “Internal use only” gives way to another's wider scopes (a consent given later,
    for more), so an item never says both (``validate_consent_scopes``)."""
    scopes = testimony.consented_scopes()
    return scopes - {INTERNAL_USE_SCOPE} if len(scopes) > 1 else scopes


def _sync_item_scopes(*, actor: Any, testimony: Testimony) -> None:
    """The originals carry the consent's scopes, so a handover package checks the same consent."""
    terms = _scope_terms(_item_scopes(testimony))
    for item in testimony.originals.all():
        evidence_services.item_update(item=item, actor=actor, data={"consent_scopes": terms})


def consent_check(
    *, scopes: Sequence[str], method: str, taken_on: date, has_proof: bool
) -> list[Term]:
    """Everything ``consent_record`` refuses that does not depend on which locker item the proof
    is; returns the scopes' terms. A page calls it before it stores the proof, so that a refused
    consent leaves no unlinked file behind in the locker."""
    if method not in TestimonyConsent.Method.values:
        raise ValidationError(_("Say how the consent was given."))
    validate_consent_scopes(scopes)
    terms = _scope_terms(scopes)
    if taken_on > timezone.localdate():
        raise ValidationError(_("The date of the consent cannot be in the future."))
    if method in (TestimonyConsent.Method.WRITTEN, TestimonyConsent.Method.RECORDED) and not (
        has_proof
    ):
        raise ValidationError(
            _(
                "A written or recorded consent needs the signed form or the recording, as an item "
                "of the evidence locker."
            )
        )
    needing = sorted(set(scopes) & SCOPES_NEEDING_FORM)
    if needing and not has_proof:
        labels = ", ".join(str(t.label) for t in terms if t.code in needing)
        raise ValidationError(
            _("These scopes need the signed form or the recording of the consent: %(scopes)s.")
            % {"scopes": labels}
        )
    return terms


def consent_record(
    *,
    actor: Any,
    testimony: Testimony,
    scopes: Sequence[str],
    method: str,
    taken_on: date,
    proof: Item | None = None,
    note: str = "",
    taken_by: Any = None,
) -> TestimonyConsent:
    """Record the interviewee's consent. Scopes that take the testimony to a court, a mechanism
    or the public need the signed form or the recording of the verbal consent in the locker."""
    terms = consent_check(scopes=scopes, method=method, taken_on=taken_on, has_proof=bool(proof))
    if (
        proof is not None
        and getattr(actor, "is_authenticated", False)
        and not proof.is_visible_to(actor)
    ):
        # An uploaded proof whose content the locker already holds is that item: attaching one
        # out of the actor's reach would list it here and carry it on (as ``original_add``).
        raise ValidationError(
            _(
                "This file is already in the evidence locker as an item you cannot see. Ask an "
                "administrator to link it to the testimony."
            )
        )
    with transaction.atomic():
        Testimony.objects.select_for_update().filter(pk=testimony.pk).first()
        consent = TestimonyConsent.objects.create(
            testimony=testimony,
            method=method,
            taken_on=taken_on,
            taken_by=taken_by or (actor if getattr(actor, "is_authenticated", False) else None),
            proof=proof,
            note=note,
        )
        consent.scopes.set(terms)
        if proof is not None:
            testimony.originals.add(proof)
        _sync_item_scopes(actor=actor, testimony=testimony)
        audit_record(
            actor=actor,
            action=Action.CREATE,
            target=consent,
            fields=["scopes", "method", "taken_on", "proof"],
            detail={"testimony": testimony.pk, "scopes": sorted(scopes)},
        )
    return consent


def consent_withdraw(*, actor: Any, consent: TestimonyConsent, reason: str) -> list[Publication]:
    """Withdraw a consent (kept as history) and take down at once every publication that no
    longer has a consent allowing it. Returns the publications withdrawn."""
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Say why the consent is withdrawn."))
    with transaction.atomic():
        testimony = Testimony.objects.select_for_update().get(pk=consent.testimony_id)
        consent = TestimonyConsent.objects.select_for_update().get(pk=consent.pk)
        if consent.withdrawn_at is not None:
            raise ValidationError(_("This consent was already withdrawn."))
        consent.withdrawn_at = timezone.now()
        consent.withdrawn_by = actor if getattr(actor, "is_authenticated", False) else None
        consent.withdrawal_reason = reason
        consent.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawal_reason"])
        audit_record(
            actor=actor,
            action=Action.UPDATE,
            target=consent,
            fields=["withdrawn_at", "withdrawal_reason"],
            detail={"testimony": testimony.pk},
        )
        _sync_item_scopes(actor=actor, testimony=testimony)
        allowed = testimony.consented_scopes()
        withdrawn = []
        for publication in testimony.publications.public():
            if _required_scope(publication.kind) not in allowed:
                withdrawn.append(
                    _withdraw(
                        actor=actor,
                        publication=publication,
                        reason=_("Consent withdrawn: %(reason)s") % {"reason": reason},
                    )
                )
    return withdrawn


# --- Transcripts ---------------------------------------------------------------------------------


def transcript_import(
    *,
    actor: Any,
    testimony: Testimony,
    language: str,
    data: bytes,
    filename: str,
    kind: str = Transcript.Kind.ORIGINAL,
    replace: bool = False,
) -> Transcript:
    """Read a WebVTT, SRT or plain-text transcript; every problem is reported, nothing written."""
    if language not in LANGUAGE_CODES:
        raise ValidationError(_("Unknown language code: %(codes)s.") % {"codes": language})
    duration_ms = None
    if testimony.recording is not None:
        seconds = (testimony.recording.metadata or {}).get("duration_seconds")
        duration_ms = round(float(seconds) * 1000) if seconds is not None else None
    parsed = transcripts.parse(data, filename, duration_ms=duration_ms)
    with transaction.atomic():
        existing = Transcript.objects.filter(testimony=testimony, language=language).first()
        if existing is not None and not replace:
            raise ValidationError(
                _("This testimony already has a transcript in this language. Replace it?")
            )
        if existing is not None:
            search.transcript_unindex(existing.pk)
            existing.delete()
        transcript = Transcript.objects.create(
            testimony=testimony,
            language=language,
            kind=kind,
            source_name=filename[:255],
            timed=parsed[0].start_ms is not None,
        )
        Segment.objects.bulk_create(
            Segment(
                transcript=transcript,
                position=number,
                start_ms=segment.start_ms,
                end_ms=segment.end_ms,
                text=segment.text,
                search_key=normalise_for_search(segment.text),
            )
            for number, segment in enumerate(parsed, start=1)
        )
        search.transcript_index(transcript)
        audit_record(
            actor=actor,
            action=Action.UPDATE if existing else Action.CREATE,
            target=transcript,
            fields=["segments"],
            detail={"testimony": testimony.pk, "segments": len(parsed), "language": language},
        )
    return transcript


def transcript_export(transcript: Transcript, kind: str, *, actor: Any) -> str:
    if kind not in transcripts.FORMATS:
        raise ValidationError(_("Unknown format."))
    text = transcripts.export(
        (
            transcripts.ParsedSegment(s.start_ms, s.end_ms, s.text)
            for s in transcript.segments.order_by("position")
        ),
        kind,
    )
    audit_record(
        actor=actor,
        action=Action.EXPORT,
        target=transcript,
        detail={"format": kind, "testimony": transcript.testimony_id},
    )
    return text


def segment_index(
    *,
    actor: Any,
    segment: Segment,
    title: str = "",
    keywords: Iterable[Term] = (),
    persons: Iterable[Person] = (),
    places: Iterable[Any] = (),
    sites: Iterable[Any] = (),
    units: Iterable[Any] = (),
    acts: Iterable[Any] = (),
) -> Segment:
    """Give a segment a title and index entries (keywords, persons, places, sites, units, acts).

    Each list replaces the segment's entries of its kind: a caller that shows a user only part
    of them (the permission layer) passes the hidden ones back (``forms.SegmentForm.entries``)."""
    with transaction.atomic():
        segment.title = title.strip()[:300]
        segment.save(update_fields=["title"])
        search.segment_reindex(segment)
        entries = {
            "keywords": keywords,
            "persons": persons,
            "places": places,
            "sites": sites,
            "units": units,
            "acts": acts,
        }
        for name, values in entries.items():
            getattr(segment, name).set(list(values))
        audit_record(
            actor=actor,
            action=Action.UPDATE,
            target=segment,
            fields=["title", *entries],
            detail={"transcript": segment.transcript_id},
        )
    return segment


def excerpt_create(
    *,
    actor: Any,
    transcript: Transcript,
    first: int,
    last: int,
    redact_segments: Iterable[int] = (),
    redact_spans: Iterable[tuple[int, int]] = (),
    mode: str = "beep",
) -> Item:
    """A redacted audio excerpt: segments ``first``–``last`` of the recording, with the chosen
    segments and time spans silenced or beeped, stored in the locker as a *redacted* copy
    derived from the recording (the locker records the derivation in both custody histories).

    The original is never touched; the excerpt keeps the recording's protection and consent
    scopes. Nothing is stored when a choice is wrong (segments without time codes, spans
    outside the excerpt, nothing to redact, a recording that is not WAV).
    """
    from mizan.testimonies.excerpts import redact_wav

    testimony = transcript.testimony
    recording = testimony.recording
    if recording is None:
        raise ValidationError(_("The testimony has no recording to cut an excerpt from."))
    segments = {
        s.position: s
        for s in transcript.segments.filter(position__gte=first, position__lte=last).only(
            "position", "start_ms", "end_ms"
        )
    }
    if first > last or first not in segments or last not in segments:
        raise ValidationError(
            _("Choose the excerpt's first and last segments among segments %(a)s to %(b)s.")
            % {"a": 1, "b": transcript.segments.count()}
        )
    start_ms, end_ms = segments[first].start_ms, segments[last].end_ms
    if start_ms is None or end_ms is None:
        raise ValidationError(_("The excerpt's first and last segments need time codes."))
    spans = list(redact_spans)
    for position in sorted(set(redact_segments)):
        segment = segments.get(position)
        if segment is None or segment.start_ms is None or segment.end_ms is None:
            raise ValidationError(
                _("Segment %(number)s is not a timed segment of the excerpt.")
                % {"number": position}
            )
        spans.append((segment.start_ms, segment.end_ms))
    if not spans:
        raise ValidationError(_("Choose at least one segment or span to silence or beep."))
    for span_start, span_end in spans:
        if span_start < start_ms or span_end > end_ms:
            raise ValidationError(
                _("The span %(start)s–%(end)s lies outside the excerpt (%(a)s–%(b)s).")
                % {
                    "start": transcripts.format_time(span_start),
                    "end": transcripts.format_time(span_end),
                    "a": transcripts.format_time(start_ms),
                    "b": transcripts.format_time(end_ms),
                }
            )
    if recording.media_type not in {"audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave"}:
        raise ValidationError(
            _("Redacted excerpts are cut from WAV recordings; this recording is %(type)s.")
            % {"type": recording.media_type}
        )
    with tempfile.SpooledTemporaryFile(max_size=64 * 1024 * 1024) as spooled:
        plain = cast(BinaryIO, spooled)
        evidence_services.get_store().read_to(recording.sha256, plain)
        plain.seek(0)
        audio = redact_wav(plain, start_ms=start_ms, end_ms=end_ms, spans=spans, mode=mode)
    spoken = ", ".join(
        f"{transcripts.format_time(a)}–{transcripts.format_time(b)}" for a, b in sorted(spans)
    )
    with transaction.atomic():
        excerpt = evidence_services.item_derive(
            original=recording,
            stream=io.BytesIO(audio),
            filename=f"{testimony.reference}-{transcript.language}-{first}-{last}-redacted.wav",
            derivation=Item.Derivation.REDACTED,
            actor=actor,
            note=(
                f"Excerpt of {testimony.reference}, segments {first}–{last} "
                f"({transcripts.format_time(start_ms)}–{transcripts.format_time(end_ms)}); "
                f"{'beeped' if mode == 'beep' else 'silenced'}: {spoken}."
            ),
        )
        audit_record(
            actor=actor,
            action=Action.EXPORT,
            target=testimony,
            detail={
                "excerpt": excerpt.reference,
                "segments": [first, last],
                "redacted": [list(span) for span in sorted(spans)],
                "mode": mode,
            },
        )
    return excerpt


# --- Leak check and publication ------------------------------------------------------------------


def person_reference(person: Person) -> str:
    return f"P-{person.pk:06d}"


def _identity(
    person: Person, *, phones: Iterable[str] = (), with_names: bool = True
) -> ProtectedIdentity:
    solo: list[str] = []
    joined: list[str] = []
    if with_names:
        for script in ("ar", "lat"):
            solo += [
                getattr(person, f"first_name_{script}"),
                getattr(person, f"family_name_{script}"),
            ]
            joined += [
                getattr(person, f"{part}_{script}")
                for part in ("father_name", "grandfather_name", "mother_name", "mother_family")
            ]
        if person.name_as_written:
            words = name_words(person.name_as_written)
            joined += words
            if words:
                solo += [words[0], words[-1]]
    birth = person.birth_date
    return ProtectedIdentity(
        reference=person_reference(person),
        solo_names=tuple(n for n in solo if n),
        joined_names=tuple(n for n in joined if n),
        national_ids=(person.national_id,) if person.national_id else (),
        phones=tuple(p for p in phones if p),
        birth_dates=(date(birth.year, birth.month, birth.day),)
        if birth is not None and birth.month and birth.day and not birth.approximate
        else (),
    )


def protected_identities(testimony: Testimony, *, named: bool = False) -> list[ProtectedIdentity]:
    """Everyone linked to the testimony whose identity is protected: the interviewee, the
    persons it speaks of, the victims of its acts, the persons indexed in its transcripts.

    For a publication with the interviewee's name (``named``), the interviewee's names are
    allowed but their ID number, phone and date of birth are still refused."""
    phones: dict[int, list[str]] = {}
    persons: dict[int, Person] = {testimony.interviewee_id: testimony.interviewee}
    for link in testimony.persons.select_related("person"):
        persons[link.person_id] = link.person
        phones.setdefault(link.person_id, []).append(link.phone)
    for act in testimony.acts.select_related("victim"):
        persons.setdefault(act.victim_id, act.victim)
    for person in Person.objects.filter(
        pk__in=Segment.persons.through.objects.filter(
            segment__transcript__testimony=testimony
        ).values("person_id")
    ):
        persons.setdefault(person.pk, person)
    identities = []
    for pk, person in persons.items():
        is_interviewee = pk == testimony.interviewee_id
        if not identity_protected(person) and not (is_interviewee and not named):
            continue
        identities.append(
            _identity(person, phones=phones.get(pk, ()), with_names=not (named and is_interviewee))
        )
    return identities


def leak_check(*, testimony: Testimony, text: str, named: bool = False) -> list[Occurrence]:
    return find_leaks(text, protected_identities(testimony, named=named))


class LeakFound(ValidationError):
    """Publication refused: the narrative names or identifies a protected person."""

    def __init__(self, occurrences: list[Occurrence]) -> None:
        self.occurrences = occurrences
        super().__init__(
            _(
                "The narrative identifies a protected person in %(count)s places; nothing was "
                "published."
            )
            % {"count": len(occurrences)}
        )


def _required_scope(kind: str) -> str:
    return NAMED_PUBLICATION if kind == Publication.Kind.NAMED else ANONYMISED_PUBLICATION


def publication_create(
    *,
    actor: Any,
    testimony: Testimony,
    narrative: str,
    title: str,
    kind: str = Publication.Kind.ANONYMISED,
    language: str = "ar",
    collection: Collection | None = None,
) -> Publication:
    """Publish a narrative derived from the testimony, replacing the one published before.

    Refused (nothing written) without the consent scope the kind needs, or when the leak check
    finds anything (``LeakFound`` carries the occurrences)."""
    # Checked as given (line numbers are those of the file); stored without outer blank lines.
    checked = narrative.replace("\r\n", "\n").replace("\r", "\n")
    title = title.strip()
    if not checked.strip():
        raise ValidationError(_("The narrative is empty."))
    if kind not in Publication.Kind.values:
        raise ValidationError(_("Unknown kind of publication."))
    with transaction.atomic():
        # Serialises with consent_withdraw: the consent read below is the one that holds.
        testimony = Testimony.objects.select_for_update().get(pk=testimony.pk)
        if _required_scope(kind) not in testimony.consented_scopes():
            if kind == Publication.Kind.NAMED:
                raise ValidationError(
                    _("The interviewee has not consented to publication with their name.")
                )
            raise ValidationError(_("The interviewee has not consented to anonymised publication."))
        identities = protected_identities(testimony, named=kind == Publication.Kind.NAMED)
        # Occurrences in the title are reported on line 0.
        occurrences = [
            Occurrence(0, o.column, o.text, o.reference, o.kind, o.start, o.end)
            for o in find_leaks(title, identities)
        ] + find_leaks(checked, identities)
        if occurrences:
            raise LeakFound(occurrences)
        for previous in testimony.publications.public():
            _withdraw(actor=actor, publication=previous, reason=_("Replaced by a new version."))
        publication = Publication.objects.create(
            testimony=testimony,
            collection=collection,
            kind=kind,
            title=title[:300],
            narrative=checked.strip(),
            language=language,
            published_at=timezone.now(),
            published_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        audit_record(
            actor=actor,
            action=Action.CREATE,
            target=publication,
            fields=["narrative", "title", "kind", "collection"],
            detail={"testimony": testimony.pk, "kind": kind},
        )
    return publication


def _withdraw(*, actor: Any, publication: Publication, reason: str) -> Publication:
    publication.state = Publication.State.WITHDRAWN
    publication.withdrawn_at = timezone.now()
    publication.withdrawn_by = actor if getattr(actor, "is_authenticated", False) else None
    publication.withdrawal_reason = reason
    publication.save(
        update_fields=["state", "withdrawn_at", "withdrawn_by", "withdrawal_reason", "updated_at"]
    )
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        target=publication,
        fields=["state", "withdrawal_reason"],
        detail={"testimony": publication.testimony_id},
    )
    return publication


def testimony_unpublish(*, actor: Any, testimony: Testimony, reason: str) -> list[Publication]:
    """Take every published version of the testimony off the public site."""
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Say why the testimony is taken off the public site."))
    with transaction.atomic():
        testimony = Testimony.objects.select_for_update().get(pk=testimony.pk)
        return [
            _withdraw(actor=actor, publication=p, reason=reason)
            for p in testimony.publications.public()
        ]


# --- Use in evidence work ---------------------------------------------------------------------


def testimony_add_to_case_file(*, actor: Any, testimony: Testimony, case_file: Any) -> list[Item]:
    """Add the testimony to a case file: its originals (recording, statements, the consent's
    proof) and each transcript, as a WebVTT working copy of the recording in the locker, are
    linked to the case file, so the existing handover package carries them (and checks each
    item's consent for its recipient). Refused when the interviewee's consent does not cover the
    case file's recipient. Returns the items linked."""
    recipient = case_file.recipient
    if recipient is not None:
        scope = evidence_services.required_scope(recipient.code)
        if scope not in testimony.consented_scopes():
            raise ValidationError(
                _("The interviewee has not consented to sharing with %(recipient)s.")
                % {"recipient": recipient.label}
            )
    # A refusal rolls the exports' items back, not the store's files: those this call stored
    # are removed again, as an import does (``objects_discard_unclaimed``).
    stored: set[str] = set()
    try:
        with transaction.atomic():
            Testimony.objects.select_for_update().filter(pk=testimony.pk).first()
            items = list(testimony.originals.all())
            if testimony.recording is not None:
                for transcript in testimony.transcripts.all():
                    text = transcript_export(transcript, "vtt", actor=actor)
                    result = evidence_services.item_ingest(
                        io.BytesIO(text.encode()),
                        filename=f"{testimony.reference}-{transcript.language}.vtt",
                        actor=actor,
                        title=f"{testimony.reference}: transcript ({transcript.language})",
                        derived_from=testimony.recording,
                        derivation=Item.Derivation.TEXT,
                        sensitivity=testimony.sensitivity,
                        team=testimony.team,
                    )
                    # The locker keeps one item per content: an export with the bytes of an
                    # item the actor may not see (another team's transcript with the same
                    # text, an empty one) is that item, and must not go into the actor's case
                    # file and package.
                    if result.created:
                        stored.add(result.item.sha256)
                    items.append(result.within_reach_of(actor))
            for item in items:
                evidence_services.item_link(item=item, actor=actor, case_files=[case_file])
            testimony.case_files.add(case_file)
            audit_record(
                actor=actor,
                action=Action.UPDATE,
                target=testimony,
                fields=["case_files"],
                detail={"case_file": case_file.reference, "items": [i.reference for i in items]},
            )
    except BaseException:
        evidence_services.objects_discard_unclaimed(stored)
        raise
    return items


def testimony_remove_from_case_file(*, actor: Any, testimony: Testimony, case_file: Any) -> None:
    """Take the testimony out of a case file, with its originals (the items stay in the locker;
    transcripts exported to the file stay linked, as items of their own)."""
    with transaction.atomic():
        Testimony.objects.select_for_update().filter(pk=testimony.pk).first()
        if not testimony.case_files.filter(pk=case_file.pk).exists():
            return
        for item in testimony.originals.all():
            evidence_services.item_unlink(item=item, actor=actor, case_files=[case_file])
        testimony.case_files.remove(case_file)
        audit_record(
            actor=actor,
            action=Action.UPDATE,
            target=testimony,
            fields=["case_files"],
            detail={"removed_from_case_file": case_file.reference},
        )


def collection_create(*, actor: Any, data: dict[str, Any]) -> Collection:
    with transaction.atomic():
        collection = Collection(**data)
        collection.full_clean()
        collection.save()
        audit_record(actor=actor, action=Action.CREATE, target=collection, fields=list(data))
    return collection
