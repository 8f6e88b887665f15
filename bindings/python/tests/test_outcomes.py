"""Outcome questionnaires through Python, with CLINICAL.md §2 test vectors."""
import json

import pytest

import hiptrack
from hiptrack import (ChangeCriterion, HoosMissingRule, HoosPsDirection, Instrument, OutcomeScale,
                      OutcomeState)

M = None  # a missing answer
P_IDS = [f"P{i}" for i in range(1, 11)]
A_IDS = [f"A{i}" for i in range(1, 18)]


def hoos(**subscales):
    r = hiptrack.HoosResponse()
    for prefix, answers in subscales.items():
        ids = {"S": [f"S{i}" for i in range(1, 6)], "P": P_IDS, "A": A_IDS,
               "SP": [f"SP{i}" for i in range(1, 5)], "Q": [f"Q{i}" for i in range(1, 5)]}[prefix]
        r.update(dict(zip(ids, answers)))
    return r


@pytest.mark.parametrize("vector,subscale,answers,scale,expected", [
    ("H2", "S", [1, 2, 0, 3, 1], OutcomeScale.HOOS_SYMPTOMS, 65.0),
    ("H4", "P", [1, 1, 2, 2, 3, 0, 1, 2, 2, 1], OutcomeScale.HOOS_PAIN, 62.5),
    ("H5", "P", [1, 1, 2, M, 3, 0, M, 2, M, M], OutcomeScale.HOOS_PAIN, 62.5),
    ("H6", "P", [1, 1, 2, M, 3, M, M, M, M, 2], OutcomeScale.HOOS_PAIN, 55.0),
    ("H7", "P", [1, M, 2, M, 3, M, M, M, M, M], OutcomeScale.HOOS_PAIN, None),
    ("H10", "A", [3, 3, 2, 1, 4, 2, 3, 1, 4, 2, 4, 1, 3, 2, 2, 4, 1], OutcomeScale.HOOS_ADL, 100 - 25 * 42 / 17),
    ("H11", "A", [3, 3, 2, 1, 4, 2, 3, 1, 4] + [M] * 8, OutcomeScale.HOOS_ADL, 36.111111111111),
    ("H12", "A", [3, 3, 2, 1, 4, 2, 3, 1] + [M] * 9, OutcomeScale.HOOS_ADL, None),
    ("H14", "SP", [2, M, M, 1], OutcomeScale.HOOS_SPORT, 62.5),
    ("H17", "Q", [1, 2, M, 2], OutcomeScale.HOOS_QOL, 58.333333333333),
])
def test_hoos_vectors(vector, subscale, answers, scale, expected):
    res = hoos(**{subscale: answers}).score()
    s = res[scale]
    if expected is None:
        assert s.state == OutcomeState.NOT_SCOREABLE and s.value is None and not s.scored, vector
    else:
        assert s.state == OutcomeState.SCORED and s.value == pytest.approx(expected, abs=1e-9), vector
    assert len(res.scales) == 5 and res.instrument == Instrument.HOOS


def test_hoos_h8_legacy_rule_and_h18_range():
    answers = dict(zip(P_IDS, [1, 1, 2, M, 3, 0, M, 2, M, M]))
    legacy = hiptrack.HoosResponse(answers, hoos_missing_rule=HoosMissingRule.MISSING_2003)
    assert legacy.score()[OutcomeScale.HOOS_PAIN].state == OutcomeState.NOT_SCOREABLE
    r = hiptrack.HoosResponse()
    for bad in (5, -2, -1):
        with pytest.raises(hiptrack.OutOfRangeError, match="P3.*0..4"):
            r["P3"] = bad
        with pytest.raises(ValueError):
            r["P3"] = bad
    assert r["P3"] is None                                   # refused values changed nothing
    with pytest.raises(hiptrack.InvalidArgumentError, match="P3"):
        r["P3"] = 2.0  # type: ignore[assignment]
    with pytest.raises(hiptrack.InvalidArgumentError):
        r["P3"] = True  # type: ignore[assignment]
    with pytest.raises(hiptrack.NotFoundError, match="Z9"):
        r["Z9"] = 1
    with pytest.raises(LookupError):
        r["Z9"]
    with pytest.raises(hiptrack.InvalidArgumentError, match="no field"):
        hiptrack.HoosResponse(nope=1)


def test_missing_is_not_zero():
    r = hiptrack.HoosJrResponse()
    assert all(v is None for v in r.answers.values()) and r.answered == 0 and len(r) == 6
    r["P5"] = 0
    assert r["P5"] == 0 and r.answered == 1
    r["P5"] = None
    assert r["P5"] is None
    r["P5"] = 3
    del r["P5"]
    assert r["P5"] is None and "P5" in r and "S1" not in r and list(r) == r.item_ids


@pytest.mark.parametrize("vector,answers,expected", [
    ("T1-T4", {"P1": 1, "P4": 2, "P5": 2, "P7": 1, "A3": 2, "A4": 2, "A7": 3, "SP4": 1,
               "Q1": 3, "Q2": 2, "Q3": 2, "Q4": 3},
     {OutcomeScale.HOOS12_PAIN: 62.5, OutcomeScale.HOOS12_FUNCTION: 50.0,
      OutcomeScale.HOOS12_QOL: 37.5, OutcomeScale.HOOS12_SUMMARY: 50.0}),
    ("T5/T6", {"P1": 1, "P5": 3, "A3": 0, "A4": 1, "SP4": 2},
     {OutcomeScale.HOOS12_PAIN: 50.0, OutcomeScale.HOOS12_FUNCTION: 75.0,
      OutcomeScale.HOOS12_QOL: None, OutcomeScale.HOOS12_SUMMARY: None}),
    ("T7", {"P1": 1, "A3": 2, "A4": 2, "A7": 3, "SP4": 1, "Q1": 3, "Q2": 2, "Q3": 2, "Q4": 3},
     {OutcomeScale.HOOS12_PAIN: None, OutcomeScale.HOOS12_SUMMARY: None}),
])
def test_hoos12_vectors(vector, answers, expected):
    res = hiptrack.Hoos12Response(answers).score()
    for scale, value in expected.items():
        assert res.value(scale) == (None if value is None else pytest.approx(value)), (vector, scale)


@pytest.mark.parametrize("answers,raw,expected", [
    ([0, 0, 0, 0, 0, 0], 0, 100.0), ([4] * 6, 24, 0.0), ([1, 2, 1, 2, 2, 2], 10, 58.930),
    ([1, 0, 1, 1, 0, 1], 4, 76.776), ([4, 4, 4, 4, 4, 3], 23, 8.104), ([2, 2, M, 2, 2, 2], None, None),
])
def test_hoos_jr_vectors(answers, raw, expected):
    r = hiptrack.HoosJrResponse(dict(zip(["P5", "P10", "A3", "A5", "A12", "A14"], answers)))
    s = r.score()[OutcomeScale.HOOS_JR]
    if expected is None:
        assert s.state == OutcomeState.NOT_SCOREABLE and s.answered == 5
    else:
        assert s.raw_sum == raw and s.value == pytest.approx(expected, abs=1e-9)


def test_hoos_ps_directions_and_score_as():
    ids = ["A1", "A13", "A14", "SP2", "SP3"]
    aligned = hiptrack.HoosPsResponse(dict(zip(ids, [2, 1, 0, 4, 3])))
    original = hiptrack.HoosPsResponse(dict(zip(ids, [2, 1, 0, 4, 3])),
                                       hoos_ps_direction=HoosPsDirection.ORIGINAL)
    assert aligned.score().value(OutcomeScale.HOOS_PS) == pytest.approx(62.3)
    o = original.score()[OutcomeScale.HOOS_PS]
    assert o.value == pytest.approx(37.7) and not o.higher_is_better
    with pytest.raises(hiptrack.InvalidArgumentError):
        hiptrack.compare(aligned.score(), original.score())
    full = hiptrack.HoosResponse({i: 1 for i in hiptrack.HoosResponse().item_ids})
    assert full.score_as(Instrument.HOOS_PS).value(OutcomeScale.HOOS_PS) == pytest.approx(80.0)
    assert full.score_as(Instrument.HOOS_JR).value(OutcomeScale.HOOS_JR) == pytest.approx(70.426)
    assert full.score_as(Instrument.HOOS12).value(OutcomeScale.HOOS12_SUMMARY) == pytest.approx(75.0)
    with pytest.raises(hiptrack.InvalidArgumentError):
        aligned.score_as(Instrument.HOOS)


def test_psfs_vectors_and_compare_with_mdc():
    before = hiptrack.PsfsResponse({"ACT1": 3, "ACT2": 5, "ACT3": 4}, date="2026-11-02")
    before.set_activity("ACT1", "climbing stairs")
    after = hiptrack.PsfsResponse({"ACT1": 6, "ACT2": 7, "ACT3": 6})
    b, a = before.score(), after.score()
    assert b.value(OutcomeScale.PSFS) == 4.0 and a.value(OutcomeScale.PSFS) == pytest.approx(19 / 3)
    assert [x.id for x in b.activities] == ["ACT1", "ACT2", "ACT3"] and b.day == hiptrack.dates.parse("2026-11-02")
    ch = hiptrack.compare(b, a)
    psfs = ch[OutcomeScale.PSFS]
    assert psfs.delta == pytest.approx(7 / 3) and psfs.improved and psfs.criterion == ChangeCriterion.MDC
    assert psfs.threshold == 2.0
    assert [(x.id, x.delta, x.improved) for x in ch.activities] == [("ACT1", 3, True), ("ACT2", 2, False),
                                                                     ("ACT3", 2, False)]
    small = hiptrack.compare(hiptrack.PsfsResponse({"ACT1": 2, "ACT2": 2, "ACT3": 3}).score(),
                             hiptrack.PsfsResponse({"ACT1": 3, "ACT2": 3, "ACT3": 4}).score())
    assert small[OutcomeScale.PSFS].delta == pytest.approx(1.0) and not small[OutcomeScale.PSFS].improved
    stricter = hiptrack.compare(b, a, thresholds={OutcomeScale.PSFS: (3.0, ChangeCriterion.MDC)},
                                psfs_activity_threshold=4)
    assert not stricter[OutcomeScale.PSFS].improved and not any(x.improved for x in stricter.activities)
    assert hiptrack.PsfsResponse().score()[OutcomeScale.PSFS].state == OutcomeState.NOT_SCOREABLE
    assert before.activities["ACT1"] == ("climbing stairs", 3)
    assert not hasattr(hiptrack.HoosResponse(), "set_activity")      # PSFS only
    with pytest.raises(hiptrack.StateError):
        hiptrack.HoosResponse()._live().set_activity_name("P1", "x")   # the C API agrees
    with pytest.raises(hiptrack.OutOfRangeError, match="ACT1"):
        after["ACT1"] = 11


def test_compare_hoos12_against_mcid():
    ids = hiptrack.Hoos12Response().item_ids
    before = hiptrack.Hoos12Response({i: 3 for i in ids}).score()      # 25
    after = hiptrack.Hoos12Response({i: 2 for i in ids}).score()       # 50
    ch = hiptrack.compare(before, after)
    pain = ch[OutcomeScale.HOOS12_PAIN]
    assert pain.delta == 25.0 and pain.threshold == 24.0 and pain.criterion == ChangeCriterion.MCID
    assert pain.improved and not pain.worsened
    assert hiptrack.compare(after, before)[OutcomeScale.HOOS12_PAIN].worsened
    assert not hiptrack.compare(before, after, thresholds={OutcomeScale.HOOS12_PAIN: 28.1})[
        OutcomeScale.HOOS12_PAIN].improved
    defaults = hiptrack.default_thresholds()
    assert defaults[OutcomeScale.HOOS12_SUMMARY] == (24.0, ChangeCriterion.MCID)
    assert defaults[OutcomeScale.HOOS_JR] == (0.0, ChangeCriterion.NONE)
    partial = hiptrack.Hoos12Response({"P1": 1}).score()
    assert hiptrack.compare(partial, after)[OutcomeScale.HOOS12_PAIN].state == OutcomeState.NOT_EVALUABLE
    assert hiptrack.compare(partial, after)[OutcomeScale.HOOS12_PAIN].delta is None
    with pytest.raises(hiptrack.InvalidArgumentError):
        hiptrack.compare(before, hiptrack.PsfsResponse({"ACT1": 1}).score())
    with pytest.raises(hiptrack.InvalidArgumentError):
        hiptrack.compare(before, after, thresholds={OutcomeScale.HOOS12_PAIN: -1.0})
    with pytest.raises(KeyError):
        ch[OutcomeScale.PSFS]


def test_items_and_names():
    items = hiptrack.outcome_items(Instrument.HOOS)
    assert len(items) == 40 and items[0].id == "S1" and items[0].scale == OutcomeScale.HOOS_SYMPTOMS
    assert (items[0].min, items[0].max) == (0, 4) and items[0].topic
    assert [i.id for i in hiptrack.outcome_items(Instrument.HOOS_JR)] == ["P5", "P10", "A3", "A5", "A12", "A14"]
    assert hiptrack.outcome_items(Instrument.PSFS)[0].max == 10
    assert hiptrack.instrument_name(Instrument.HOOS_JR) == "hoos_jr"
    assert hiptrack.scale_name(OutcomeScale.HOOS_PAIN) == "hoos_pain"
    assert hiptrack.instrument_available(Instrument.HOOS)
    assert type(hiptrack.OutcomeResponse.for_instrument(Instrument.PSFS)) is hiptrack.PsfsResponse


@pytest.mark.parametrize("cls", [hiptrack.Ihot12Response, hiptrack.OxfordResponse])
def test_licensed_instruments(cls):
    r = cls()
    first = r.item_ids[0]
    r[first] = 1                                     # answers can be recorded
    if hiptrack.instrument_available(cls.instrument):
        r.score()
    else:
        with pytest.raises(hiptrack.UnsupportedError, match="licence"):
            r.score()
        with pytest.raises(NotImplementedError):
            r.score()


def test_json_round_trip_and_errors():
    r = hiptrack.PsfsResponse({"ACT1": 3, "ACT2": 0}, date="2026-11-02")
    r.set_activity("ACT2", "putting on socks")
    text = r.export_json()
    doc = json.loads(text)
    assert doc["instrument"] == "psfs" and doc["answers"] == {"ACT1": 3, "ACT2": 0}
    back = hiptrack.OutcomeResponse.from_json(text)
    assert isinstance(back, hiptrack.PsfsResponse) and back.answers == r.answers
    assert back.date == r.date and back.activity_name("ACT2") == "putting on socks"
    assert back.export_json() == text
    with pytest.raises(hiptrack.FormatError, match=r"answers\.ACT1"):
        back.import_json(text.replace('"ACT1": 3', '"ACT1": 11'))
    assert back.answers == r.answers                 # all or nothing
    jr = hiptrack.HoosJrResponse({"P5": 1})
    with pytest.raises(hiptrack.InvalidArgumentError, match="psfs"):
        jr.import_json(text)                         # another instrument
    assert jr.answers["P5"] == 1 and jr.current_instrument == Instrument.HOOS_JR
    with pytest.raises(hiptrack.FormatError):
        hiptrack.OutcomeResponse.from_json("{")
    r.date = None
    assert r.date is None
    r.clear()
    assert r.answered == 0 and r.activities == {}
    r.close()
    with pytest.raises(hiptrack.StateError, match="closed"):
        r["ACT1"]
