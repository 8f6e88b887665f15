"""hiptrack.export: FHIR R4 and CSV. The Bundle is parsed with json and checked against the shape
rules of CLINICAL.md §1.5 (a second opinion next to the C shape checker); both pain formats round-
trip; the CSVs parse with the csv module; errors name their place."""
import csv
import datetime
import io
import json
import re

import pytest

import hiptrack
from hiptrack import (FhirBundleType, FhirPainValue, PainContext, PainEntry, PainLocation, PainLog,
                      PainMoment, PainSide, PainSymptom, Session, export)

PATIENT = "Patient/123"
DATETIME = re.compile(
    r"^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])"
    r"(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|"
    r"14:00)))?)?)?$")
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def local(y, mo, d, hh, mi, offset_min):
    tz = datetime.timezone(datetime.timedelta(minutes=offset_min))
    return int(datetime.datetime(y, mo, d, hh, mi, tzinfo=tz).timestamp()) * 10**9


def sample_log():
    log = PainLog()
    log.add(t_ns=local(2026, 3, 25, 8, 5, 60), utc_offset_min=60, nrs=4, context=PainContext.AVG_24H,
            location=PainLocation.GROIN, side=PainSide.LEFT,
            symptoms=PainSymptom.STIFFNESS | PainSymptom.CLICKING, note='=SUM(A1), "worse"\nstairs')
    log.add(t_ns=local(2026, 3, 24, 23, 59, 60), utc_offset_min=60, nrs=0)
    log.add(t_ns=local(2026, 3, 26, 0, 0, -300), utc_offset_min=-300, nrs=10,
            context=PainContext.NEXT_MORNING, note="'quoted")
    return log


def sample_session(finish=True):
    s = Session()
    s.start(local(2026, 3, 25, 10, 0, 60), 60)
    i = s.add_exercise("bridge", prescribed_sets=2, prescribed_reps=3)
    s.set_pain(PainMoment.BEFORE, 2)
    s.add_set(i, load_kg=5.0)
    for _ in range(3):
        s.add_rep(concentric_s=1.0, eccentric_s=1.0)
    if finish:
        s.finish(local(2026, 3, 25, 10, 30, 60))
    return s


def sample_outcome():
    r = hiptrack.HoosJrResponse()
    for k, item in enumerate(r.item_ids):
        r[item] = k % 4
    r.date = datetime.date(2026, 3, 25)
    return r


def check_observation(o):
    assert o["status"] in ("final", "amended", "corrected")
    assert o["subject"] == {"reference": PATIENT}
    codings = o["code"]["coding"]
    assert codings and all(c["system"] and c["code"] for c in codings)
    assert sum(k.startswith("value") for k in o) <= 1
    for comp in o.get("component", []):
        assert comp["code"]["coding"][0]["system"].startswith("urn:libhip:")
        assert sum(k.startswith("value") for k in comp) == 1
    if codings[0]["code"] == "72514-3":
        assert codings[0]["system"] == "http://loinc.org"
        assert codings[0]["display"] == "Pain severity - 0-10 verbal numeric rating [Score] - Reported"
        assert o["category"][0]["coding"][0]["code"] == "survey"
        assert DATETIME.match(o["effectiveDateTime"]) and "T" in o["effectiveDateTime"]
        v = o.get("valueInteger")
        assert isinstance(v, int) and 0 <= v <= 10
        assert o["component"][0]["code"]["coding"][0]["system"] == "urn:libhip:pain-context"
        assert o["performer"] == [{"reference": PATIENT}]
        assert o["bodySite"]["text"]
    elif codings[0]["system"] == "urn:libhip:observation":
        assert codings[0]["code"] == "exercise-session"
        assert DATETIME.match(o["effectivePeriod"]["start"]) and DATETIME.match(o["effectivePeriod"]["end"])
    else:
        assert codings[0]["system"] == "urn:libhip:outcome-score"
        assert re.match(r"^[A-Z0-9]+(-[A-Z]+)?$", codings[0]["code"])
        assert isinstance(o["valueQuantity"]["value"], (int, float))


def check_bundle(text):
    b = json.loads(text)
    assert b["resourceType"] == "Bundle" and b["type"] in ("collection", "transaction")
    assert UUID.match(b["id"])
    urls = [e["fullUrl"] for e in b.get("entry", [])]
    assert len(set(urls)) == len(urls)
    assert "56840-2" not in text
    for e in b.get("entry", []):
        r = e["resource"]
        assert e["fullUrl"] == "urn:uuid:" + r["id"] and UUID.match(r["id"])
        if b["type"] == "transaction":
            assert e["request"] == {"method": "PUT", "url": f"{r['resourceType']}/{r['id']}"}
        if r["resourceType"] == "Observation":
            check_observation(r)
            for ref in r.get("derivedFrom", []):
                assert ref["reference"] in urls
        else:
            assert r["resourceType"] == "QuestionnaireResponse"
            assert r["status"] == "completed" and r["questionnaire"].startswith("urn:libhip:questionnaire:")
            assert all(i["linkId"] and isinstance(i["answer"][0]["valueInteger"], int) for i in r["item"])
    return b


def test_bundle_shape_and_range():
    log, s, o = sample_log(), sample_session(), sample_outcome()
    text = export.fhir_bundle(PATIENT, painlog=log, sessions=[s], outcomes=[o],
                              catalog=hiptrack.Catalog())
    b = check_bundle(text)
    kinds = [e["resource"]["code"]["coding"][0]["code"] if "code" in e["resource"] else "QR"
             for e in b["entry"]]
    assert kinds == ["72514-3", "72514-3", "72514-3", "exercise-session", "QR", "HOOS-JR"]
    assert text == export.fhir_bundle(PATIENT, painlog=log, sessions=[s], outcomes=[o],
                                      catalog=hiptrack.Catalog())
    one_day = check_bundle(export.fhir_bundle(PATIENT, painlog=log, from_day="2026-03-24",
                                              to_day=datetime.date(2026, 3, 24)))
    assert len(one_day["entry"]) == 1
    assert "entry" not in check_bundle(export.fhir_bundle(PATIENT, painlog=log, from_day="2030-01-01"))
    tx = check_bundle(export.fhir_bundle(PATIENT, painlog=log, outcomes=[o], scores=False,
                                         bundle_type=FhirBundleType.TRANSACTION, pretty=True))
    assert len(tx["entry"]) == 4


def test_single_resources():
    log = sample_log()
    obs = json.loads(export.fhir_pain(log[0], PATIENT, snomed_body_site=True))
    check_observation(obs)
    assert obs["id"] == export.fhir_pain_id(log[0], PATIENT)
    assert any(c["system"] == "http://snomed.info/sct" for c in obs["bodySite"]["coding"])
    q = json.loads(export.fhir_pain(log[0], PATIENT, pain_value=FhirPainValue.QUANTITY))
    assert q["valueQuantity"]["code"] == "1"
    a = json.loads(export.fhir_pain(log[1], PATIENT, pain_value=FhirPainValue.ANSWER))
    assert a["valueCodeableConcept"]["coding"][0]["code"] == "LA6115-5"
    check_observation(json.loads(export.fhir_session(sample_session(), PATIENT)))
    qr = json.loads(export.fhir_questionnaire(sample_outcome(), PATIENT))
    assert [i["linkId"] for i in qr["item"]] == sample_outcome().item_ids


@pytest.mark.parametrize("mode", list(FhirPainValue))
def test_fhir_round_trip(mode):
    log = sample_log()
    back = PainLog()
    export.import_fhir_pain(back, export.fhir_bundle(PATIENT, painlog=log, sessions=[sample_session()],
                                                     outcomes=[sample_outcome()], pain_value=mode))
    assert list(back) == list(log)


def test_csv_round_trip_and_columns():
    log = sample_log()
    text = export.csv_pain(log)
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert [r["nrs"] for r in rows] == ["0", "4", "10"]
    assert rows[1]["note"] == "'=SUM(A1), \"worse\"\nstairs" and rows[2]["note"] == "''quoted"
    assert rows[1]["symptoms"] == "stiffness;clicking" and rows[2]["time"].endswith("-05:00")
    back = PainLog()
    export.import_csv_pain(back, text)
    assert list(back) == list(log)
    sess = list(csv.DictReader(io.StringIO(export.csv_sessions([sample_session()], hiptrack.Catalog()))))
    assert len(sess) == 1 and sess[0]["exercise_id"] == "bridge" and sess[0]["reps"] == "3"
    assert sess[0]["weight"] == "5" and sess[0]["weight_unit"] == "kg" and sess[0]["pain_before"] == "2"
    assert export.csv_sessions([], from_day="2026-01-01").startswith("date,time,utc_offset,")


def test_errors():
    log = sample_log()
    with pytest.raises(hiptrack.InvalidArgumentError, match="patient"):
        export.fhir_bundle("123", painlog=log)
    with pytest.raises(hiptrack.InvalidArgumentError, match="from_day is after to_day"):
        export.fhir_bundle(PATIENT, painlog=log, from_day="2026-03-02", to_day="2026-03-01")
    with pytest.raises(hiptrack.InvalidArgumentError):
        export.fhir_pain(log[0], "")
    with pytest.raises(hiptrack.InvalidArgumentError, match="config: no field"):
        export.fhir_pain(log[0], PATIENT, nope=1)
    with pytest.raises(hiptrack.StateError, match="not finished"):
        export.fhir_bundle(PATIENT, sessions=[sample_session(finish=False)])
    with pytest.raises(hiptrack.StateError):
        export.fhir_session(sample_session(finish=False), PATIENT)
    undated = hiptrack.HoosJrResponse()
    with pytest.raises(hiptrack.InvalidArgumentError, match="without a date"):
        export.fhir_bundle(PATIENT, outcomes=[undated])
    before = list(log)
    with pytest.raises(hiptrack.FormatError, match=r"entry\[0\].resource.code.coding\[0\].code: expected 72514-3"):
        export.import_fhir_pain(log, json.dumps({"resourceType": "Bundle", "entry": [{"resource": {
            "resourceType": "Observation", "status": "final",
            "code": {"coding": [{"system": "http://loinc.org", "code": "38208-5"}]}}}]}))
    with pytest.raises(hiptrack.FormatError, match=r"line 2, column 27 \(nrs\)"):
        export.import_csv_pain(log, "time,nrs,context\n2026-01-02T09:00:00+01:00,11,current\n")
    with pytest.raises(hiptrack.AlreadyExistsError, match="line 3"):
        export.import_csv_pain(log, "time,nrs,context\n2026-01-02T09:00:00Z,1,current\n"
                                    "2026-01-02T09:00:00Z,1,current\n")
    assert list(log) == before


def test_assessment_observation_and_bundle():
    from hiptrack import AssessComp, AssessmentHistory, AssessPosture, AssessResult, AssessSide, AssessSource, RomMotion
    day = hiptrack.dates.to_day("2026-03-25")
    r = AssessResult(RomMotion.FLEXION, AssessSide.RIGHT, AssessSource.POSE, AssessPosture.STANDING, day,
                     5.0, 100.0, 95.0, 2.0, AssessComp.OUT_OF_PLANE, 12.0, 0.0, 0.0, 0.0, 0.9)
    obs = json.loads(export.fhir_assessment(r, PATIENT))
    assert obs["category"][0]["coding"][0]["code"] == "exam"
    assert obs["code"]["coding"][0] == {"system": "urn:libhip:observation", "code": "hip-rom-flexion",
                                        "display": "Hip flexion active range of motion"}
    assert obs["valueQuantity"] == {"value": 95, "unit": "deg", "system": "http://unitsofmeasure.org",
                                    "code": "deg"}
    assert obs["bodySite"]["coding"][0]["code"] == "hip-right"
    assert obs["effectiveDateTime"] == "2026-03-25"
    comps = {c["code"]["coding"][0]["code"]: c for c in obs["component"]}
    assert comps["start"]["valueQuantity"]["value"] == 5
    assert comps["compensation"]["valueCodeableConcept"]["coding"][0]["code"] == "out_of_plane"
    assert export.fhir_assessment(r, PATIENT) == export.fhir_assessment(r, PATIENT)
    h = AssessmentHistory()
    h.add(r)
    b = json.loads(export.fhir_bundle(PATIENT, painlog=sample_log(), assessments=h,
                                      from_day="2026-03-25", to_day="2026-03-25"))
    assert b["entry"][-1]["resource"]["id"] == obs["id"]
    b = json.loads(export.fhir_bundle(PATIENT, assessments=[r], from_day="2026-03-26"))
    assert "entry" not in b
    bad = AssessResult(**{**r.__dict__, "range_deg": 3.0})
    with pytest.raises(hiptrack.InvalidArgumentError):
        export.fhir_assessment(bad, PATIENT)
    with pytest.raises(hiptrack.InvalidArgumentError):
        export.fhir_bundle(PATIENT, assessments=[bad])
