"""Export for clinicians and research scripts (``hip_export.h``): FHIR R4 JSON and CSV, and the
pain entries back from both (docs/export.md).

FHIR: a pain entry is an Observation (LOINC 72514-3), a finished session an Observation with the
per-exercise dose in components, an outcome administration a QuestionnaireResponse plus one score
Observation per scored scale, a movement assessment result an Observation (category exam, code
``urn:libhip:observation`` ``hip-rom-<motion>``, the range in degrees); :func:`fhir_bundle` collects the records of a date range. Every FHIR
function takes the ``patient`` reference (``"Patient/123"`` or ``"urn:uuid:..."``, required) and
the options of ``hip_fhir_config`` as keywords: ``bundle_type``, ``pain_value``,
``snomed_body_site``, ``pretty``. The output is deterministic: ids derive from the content.

CSV: RFC 4180 with a header row; sessions one row per set, pain one row per entry. Free text that
starts like a spreadsheet formula gets a leading ``'`` (removed again by :func:`import_csv_pain`).

Date ranges are local days (``int`` day numbers, :class:`datetime.date` or ISO strings), both
ends included; ``None`` means unbounded.
"""
from __future__ import annotations

from typing import Any, Iterable, Optional, Union

from . import capi as _c
from . import dates
from ._enums import FhirBundleType, FhirPainValue
from ._handle import export_text, fill, set_fields
from .assess import AssessResult
from .catalog import Catalog
from .outcomes import OutcomeResponse, instrument_available
from .painlog import PainEntry, PainLog
from .session import Session

#: Bytes of a resource id buffer (ids are UUIDs of 36 characters).
FHIR_ID_CAP: int = _c.HIPTRACK_FHIR_ID_CAP

_FAR = 3_000_000   # beyond every representable day: an open end of a range


def _config(patient: str, options: "dict[str, Any]") -> Any:
    cfg = _c.hip_fhir_config()
    set_fields(cfg, dict(options, patient=patient), "config")
    return cfg


def _range(from_day: Optional[dates.DateLike], to_day: Optional[dates.DateLike]) -> "tuple[int, int]":
    lo = -_FAR if from_day is None else dates.to_day(from_day)
    hi = _FAR if to_day is None else dates.to_day(to_day)
    return lo, hi


def _sources(painlog: Optional[PainLog] = None, sessions: Iterable[Session] = (),
             outcomes: Iterable[OutcomeResponse] = (), catalog: Optional[Catalog] = None,
             scores: bool = True,
             assessments: Iterable[AssessResult] = ()) -> "tuple[Any, list[Any]]":
    """A hip_export_sources and the objects it points to (kept alive by the caller)."""
    src = _c.hip_export_sources()
    keep: "list[Any]" = [src]
    if painlog is not None:
        keep.append(painlog._live())
        src.set_painlog(keep[-1])
    if catalog is not None:
        keep.append(catalog._live())
        src.set_catalog(keep[-1])
    for s in sessions:
        keep.append(s._live())
        src.add_session(keep[-1])
    for r in outcomes:
        h = r._live()
        keep.append(h)
        result = None
        if scores and instrument_available(r.current_instrument):
            result = _c.hip_outcome_result()
            h.score(result)
            keep.append(result)
        src.add_outcome(h, result)
    for a in assessments:
        src.add_assessment(fill(a, _c.hip_assess_result(), "assessment"))   # copied
    return src, keep


def fhir_pain(entry: PainEntry, patient: str, **options: Any) -> str:
    """One pain entry as an Observation (JSON text)."""
    e = fill(entry, _c.hip_pain_entry(), "entry")
    cfg = _config(patient, options)
    return export_text(lambda buf: _c.hip_export_fhir_pain(e, cfg, buf))


def fhir_pain_id(entry: PainEntry, patient: str) -> str:
    """The id (a UUID) that the exports give this entry; its fullUrl is ``urn:uuid:`` + id."""
    e = fill(entry, _c.hip_pain_entry(), "entry")
    buf = bytearray(FHIR_ID_CAP)
    _c.hip_export_fhir_pain_id(e, _config(patient, {}), buf)
    return buf[:buf.index(0)].decode("ascii")


def fhir_session(session: Session, patient: str, catalog: Optional[Catalog] = None,
                 **options: Any) -> str:
    """One finished session as an Observation (:class:`StateError` while it runs); exercise
    names come from ``catalog`` when given."""
    cfg = _config(patient, options)
    h = session._live()
    cat = catalog._live() if catalog is not None else None
    return export_text(lambda buf: _c.hip_export_fhir_session(h, cat, cfg, buf))


def fhir_questionnaire(response: OutcomeResponse, patient: str, **options: Any) -> str:
    """One dated administration as a QuestionnaireResponse (item linkIds are the item ids)."""
    cfg = _config(patient, options)
    h = response._live()
    return export_text(lambda buf: _c.hip_export_fhir_questionnaire(h, cfg, buf))


def fhir_assessment(result: AssessResult, patient: str, **options: Any) -> str:
    """One movement assessment result as an Observation (:class:`InvalidArgumentError` for a
    result that :meth:`AssessmentHistory.add` would refuse)."""
    r = fill(result, _c.hip_assess_result(), "result")
    cfg = _config(patient, options)
    return export_text(lambda buf: _c.hip_export_fhir_assessment(r, cfg, buf))


def fhir_bundle(patient: str, *, painlog: Optional[PainLog] = None, sessions: Iterable[Session] = (),
                outcomes: Iterable[OutcomeResponse] = (), catalog: Optional[Catalog] = None,
                from_day: Optional[dates.DateLike] = None, to_day: Optional[dates.DateLike] = None,
                scores: bool = True, assessments: Iterable[AssessResult] = (),
                **options: Any) -> str:
    """A Bundle of the records whose local day is in ``from_day..to_day``: pain Observations,
    session Observations, per outcome its QuestionnaireResponse and (``scores``) one
    Observation per scored scale, then the assessment results (an
    :class:`AssessmentHistory` iterates as results). Outcomes need a date; sessions must be
    finished."""
    cfg = _config(patient, options)
    lo, hi = _range(from_day, to_day)
    src, keep = _sources(painlog, sessions, outcomes, catalog, scores, assessments)
    text = export_text(lambda buf: src.fhir_bundle(lo, hi, cfg, buf))
    del keep
    return text


def csv_pain(painlog: PainLog, from_day: Optional[dates.DateLike] = None,
             to_day: Optional[dates.DateLike] = None) -> str:
    """The pain entries of the range as CSV, one row per entry."""
    lo, hi = _range(from_day, to_day)
    src, keep = _sources(painlog=painlog)
    text = export_text(lambda buf: src.csv_pain(lo, hi, buf))
    del keep
    return text


def csv_sessions(sessions: Iterable[Session], catalog: Optional[Catalog] = None,
                 from_day: Optional[dates.DateLike] = None,
                 to_day: Optional[dates.DateLike] = None) -> str:
    """The finished sessions of the range as CSV, one row per set (FitNotes/Strong-like)."""
    lo, hi = _range(from_day, to_day)
    src, keep = _sources(sessions=sessions, catalog=catalog)
    text = export_text(lambda buf: src.csv_sessions(lo, hi, buf))
    del keep
    return text


def import_fhir_pain(log: PainLog, text: Union[str, bytes]) -> None:
    """Replaces the log's entries with the pain Observations of an Observation or Bundle (other
    resources are skipped); all or nothing, :class:`FormatError` naming the field path."""
    data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
    log._live().import_fhir_pain(data)


def import_csv_pain(log: PainLog, text: Union[str, bytes]) -> None:
    """Replaces the log's entries with the rows of a pain CSV; all or nothing,
    :class:`FormatError` naming line and column."""
    data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
    log._live().import_csv_pain(data)


__all__ = ["FHIR_ID_CAP", "FhirBundleType", "FhirPainValue", "fhir_pain", "fhir_pain_id",
           "fhir_session", "fhir_questionnaire", "fhir_assessment", "fhir_bundle", "csv_pain", "csv_sessions",
           "import_fhir_pain", "import_csv_pain"]
