"""Progression rules through Python: rule sets, params, parse errors, check-ins and red flags,
evaluation with explanations, the dry run and apply (docs/progression.md, examples/c/dry_run.c)."""
import dataclasses

import pytest

import hiptrack
from hiptrack import (CheckIn, CheckinAnswer, Decision, History, PainContext, PainEntry, PainLog,
                      PainMoment, Prescription, Program, ProgressionAction, ProgressionAgg,
                      ProgressionClass, ProgressionCmp, ProgressionWindow, RedFlagTier, RuleSet,
                      RuleSyntaxError, Session, Side)
from hiptrack import progression

START = hiptrack.dates.parse("2026-11-02")      # a Monday
NS = 1_000_000_000


class World:
    """Squat, bridge and left clamshell 3 x 10 from START, sessions Mon/Wed/Fri, a 24-h pain every
    evening and the next-morning pain after each session (as examples/c/dry_run.c)."""

    def __init__(self, catalog):
        self.catalog = catalog
        self.program = Program()
        with self.program.draft(START, 3, note="initial prescription"):
            for ex in ("squat", "bridge", "clamshell"):
                side = Side.LEFT if ex == "clamshell" else Side.BOTH
                self.program.add(Prescription.for_exercise(ex, side=side))
        self.log = PainLog()
        self.sessions = []
        self.checkins = []

    def pain(self, day, nrs, context=PainContext.AVG_24H, hour=21):
        self.log.add(PainEntry(t_ns=((START + day) * 86400 + hour * 3600) * NS, nrs=nrs,
                               context=context))

    def session(self, day, during=3, after=2, extra_reps=0, rpe=6):
        s = Session()
        start = ((START + day) * 86400 + 18 * 3600) * NS
        s.start(start, 0)
        version = self.program.version_on(START + day)
        s.plan_program(self.program, version.number - 1)
        for i, ex in enumerate(s.exercises):
            for k in range(ex.prescribed_sets):
                s.add_set(i, rpe=rpe)
                reps = ex.prescribed_reps or 1
                if k + 1 == ex.prescribed_sets and ex.prescribed_reps:
                    reps += extra_reps
                for _ in range(reps):
                    s.add_rep()
        s.set_pain(PainMoment.DURING, during)
        s.set_pain(PainMoment.AFTER, after)
        s.finish(start + 40 * 60 * NS)
        self.sessions.append(s)

    def week(self, w, during=3, extra_reps=0, rpe=6, daily=2, morning=2):
        for wd in range(7):
            day = 7 * w + wd
            self.pain(day, daily)
            if wd in (0, 2, 4):
                self.session(day, during=during(day) if callable(during) else during,
                             extra_reps=extra_reps, rpe=rpe)
                self.pain(day + 1, morning, PainContext.NEXT_MORNING, hour=7)

    def history(self, **kw):
        fields = dict(program=self.program, catalog=self.catalog, sessions=self.sessions,
                      painlog=self.log, checkins=self.checkins)
        fields.update(kw)
        return History(**fields)


@pytest.fixture
def world(catalog):
    return World(catalog)


def end_of_week(w):
    return START + 7 * w + 6


# ---- rule sets ------------------------------------------------------------------------------

def test_builtin_rules_and_params():
    with RuleSet.builtin() as rules:
        assert len(rules) == 15 and len(RuleSet()) == 15
        ids = [r.id for r in rules]
        assert ids[0] == "red_flag" and "pm1_pain_during" in ids and "two_for_two" in ids
        assert rules.rules == list(rules)
        r = rules.rule("red_flag")
        assert r.priority == 1000 and r.rule_class == ProgressionClass.REFER and r.line >= 1
        assert rules.rule("two_for_two").rule_class == ProgressionClass.PROGRESS
        assert rules.rule("pm1_pain_during").alternative_count >= 2
        assert rules.find("red_flag") == 0 and "pm1_pain_during" in rules
        assert "nope" not in rules and 5 not in rules
        with pytest.raises(hiptrack.NotFoundError):
            rules.find("nope")
        with pytest.raises(hiptrack.NotFoundError):
            rules.rule("nope")
        params = rules.params
        p = params["pain_acceptable"]
        assert p.value == p.default_value == 5 and p.min_value <= 4 <= p.max_value
        assert rules.get_param("pain_acceptable") == 5
        rules.set_param("pain_acceptable", 4)
        assert rules.get_param("pain_acceptable") == 4 and rules.params["pain_acceptable"].value == 4
        assert params["pain_window_days"].integer is True
        assert repr(rules).startswith("<hiptrack.RuleSet 15 rules")
    assert rules.closed and repr(rules) == "<hiptrack.RuleSet closed>"
    with pytest.raises(hiptrack.StateError):
        len(rules)


def test_bad_params():
    rules = RuleSet.builtin()
    with pytest.raises(hiptrack.NotFoundError, match="nope"):
        rules.set_param("nope", 1)
    with pytest.raises(hiptrack.NotFoundError):
        rules.get_param("nope")
    with pytest.raises(hiptrack.OutOfRangeError, match="pain_window_days") as e:
        rules.set_param("pain_window_days", 400)
    assert isinstance(e.value, ValueError) and "pain_window_days" in rules.last_error
    with pytest.raises(hiptrack.OutOfRangeError):
        rules.set_param("pain_window_days", 0)
    assert rules.get_param("pain_window_days") == 7         # a refused call changes nothing
    p = rules.params["pain_window_days"]
    assert (p.min_value, p.max_value, p.integer) == (1, 366, True)


def test_config():
    empty = RuleSet(include_builtin=False)
    assert len(empty) == 0 and empty.params == {} and empty.export_text() == ""
    with pytest.raises(hiptrack.InvalidArgumentError, match="no field"):
        RuleSet(nope=1)
    with pytest.raises(hiptrack.InvalidArgumentError):
        RuleSet(usual_window_days=0)


TEXT = '''
# A PT's own rules.
param pain_max = 4
rule hurts priority 800
  when max pain_during over last 7 days > pain_max
  then sets -1 min 1 else reps -2 min 5
  say "pain during exercise was above 4"
rule few_sessions priority 300
  when sessions over last 14 days < 3
  then keep
'''


def test_parse_export_and_add():
    rules = RuleSet.parse(TEXT)
    assert [r.id for r in rules] == ["hurts", "few_sessions"]
    assert rules.rule("hurts").alternative_count == 2 and rules.rule("hurts").line == 4
    assert rules.get_param("pain_max") == 4
    text = rules.export_text()
    again = RuleSet.parse(text)
    assert again.export_text() == text and [r.id for r in again] == ["hurts", "few_sessions"]
    both = RuleSet.parse(TEXT, include_builtin=True)
    assert len(both) == 17
    assert hiptrack.builtin_text().count("rule ") >= 15
    assert RuleSet.parse(hiptrack.builtin_text()).export_text() == RuleSet().export_text()
    more = RuleSet(include_builtin=False)
    more.add(b"rule always when reps >= 0 then keep")
    assert [r.id for r in more] == ["always"] and more.error_position == (0, 0)


@pytest.mark.parametrize("text,line,column,words", [
    ("rule a when reps > 1 then jump", 1, 27, "expected an action"),
    ("param x = 1\nrule b when pain_during > nope then keep", 2, 27, "nope"),
    ("rule c when reps > 1 then", 1, 26, "end of text"),
])
def test_parse_error_has_line_and_column(text, line, column, words):
    rules = RuleSet(include_builtin=False)
    with pytest.raises(RuleSyntaxError) as e:
        rules.add(text)
    err = e.value
    assert isinstance(err, hiptrack.FormatError) and isinstance(err, ValueError)
    assert err.code == hiptrack.Status.ERR_FORMAT
    assert (err.line, err.column) == (line, column) == rules.error_position
    assert f"line {line}, column {column}" in str(err) and words in str(err)
    assert len(rules) == 0                                   # all or nothing


def test_parse_duplicate_is_all_or_nothing():
    rules = RuleSet.parse(TEXT)
    with pytest.raises(RuleSyntaxError, match="line 1") as e:
        rules.add("rule hurts when reps > 1 then keep")
    assert e.value.line == 1
    with pytest.raises(RuleSyntaxError) as e:
        rules.add("rule new_one when reps > 1 then keep\nrule hurts when reps > 1 then keep")
    assert e.value.line == 2 and "new_one" not in rules and len(rules) == 2
    with pytest.raises(RuleSyntaxError):
        RuleSet.parse("rule x when")


# ---- check-ins and red flags --------------------------------------------------------------------

def test_checkin_red_flags():
    c = CheckIn.on("2026-11-12", CheckinAnswer.NUMBNESS_WEAKNESS)
    assert c.day == START + 10 and c.date.isoformat() == "2026-11-12"
    assert c.rest_pain is None and c.cleared is False
    mask, tier = c.red_flags()
    assert mask and tier > RedFlagTier.NONE and hiptrack.red_flag_ids(mask)
    assert CheckIn(START).red_flags() == (0, RedFlagTier.NONE)
    mask, tier = CheckIn(START, CheckinAnswer.FEVER | CheckinAnswer.HIP_PAIN).red_flags()
    assert "RF-01" in hiptrack.red_flag_ids(mask)
    rest = CheckIn(START, CheckinAnswer.REST_PAIN_PERSISTS, rest_pain=9)
    mask, tier = rest.red_flags()
    assert hiptrack.red_flag_ids(mask) == ["RF-16"]
    assert rest.red_flags(rest_pain_red_flag=10) == (0, RedFlagTier.NONE)
    assert rest.red_flags(red_flags_enabled=0) == (0, RedFlagTier.NONE)
    with pytest.raises(hiptrack.OutOfRangeError):
        CheckIn(START, rest_pain=11).red_flags()
    with pytest.raises(hiptrack.InvalidArgumentError):
        CheckIn(START, CheckinAnswer(1 << 24)).red_flags()
    assert hiptrack.red_flag_ids(progression.RED_FLAG_ALL) == [f"RF-{n:02d}" for n in range(1, 17)]


def test_load_step():
    assert hiptrack.load_step(10, 5, 0.5, 10) == (10.5, True)
    new, within = hiptrack.load_step(4, 5, 0.5, 10)        # 4 -> 4.5 is +12.5 %: over the cap
    assert new == 4.5 and within is False
    with pytest.raises(hiptrack.OutOfRangeError):
        hiptrack.load_step(0, 5, 0.5, 10)


# ---- evaluation -------------------------------------------------------------------------------

def test_quiet_week_keeps_and_explains(world):
    world.week(0)
    rules = RuleSet.builtin()
    decisions = rules.evaluate(world.history(), end_of_week(0))
    assert [d.exercise_id for d in decisions] == ["squat", "bridge", "clamshell"]
    for i, d in enumerate(decisions):
        assert isinstance(d, Decision) and d.exercise_index == i and d.program_version == 1
        assert d.day == end_of_week(0) and d.effective_day == d.day + 1
        assert d.effective_date == d.date + (d.effective_date - d.date)
        assert d.action == ProgressionAction.KEEP and not d.changes and d.after == d.before
        assert d.red_flags == 0 and d.red_flag_tier == RedFlagTier.NONE
        assert d.text and d.explanation == d.text
    assert rules.decide(world.history(), end_of_week(0), 1) == decisions[1]


def test_pain_during_above_5_regresses_or_reduces(world):
    world.week(0)
    world.week(1, during=lambda day: 6 if day == 9 else 3)   # Wednesday of week 2
    rules = RuleSet.builtin()
    d = rules.decide(world.history(), end_of_week(1), 0)
    assert d.rule_id == "pm1_pain_during" and d.rule_class == ProgressionClass.REDUCE
    assert d.action in (ProgressionAction.REGRESS, ProgressionAction.CHANGE) and d.changes
    assert d.after != d.before and "squat" in d.text
    inp = d.inputs[0]
    assert inp.metric == "pain_during" and inp.aggregate == ProgressionAgg.MAX
    assert (inp.window, inp.window_unit) == (7, ProgressionWindow.DAYS)
    assert inp.known and inp.value == 6 and inp.comparison == ProgressionCmp.GT
    assert inp.threshold == 5 and inp.threshold_param == "pain_acceptable" and inp.result is True
    assert str(inp) == "max pain_during over last 7 days = 6 > 5 (pain_acceptable)"
    assert dataclasses.asdict(d)["inputs"][0]["metric"] == "pain_during"   # machine-readable
    # a higher threshold and the rule no longer fires
    rules.set_param("pain_acceptable", 6)
    assert rules.decide(world.history(), end_of_week(1), 0).rule_id != "pm1_pain_during"


def test_red_flag_refers_until_cleared(world):
    world.week(0)
    world.week(1)
    world.checkins.append(CheckIn(START + 9, CheckinAnswer.NUMBNESS_WEAKNESS))
    rules = RuleSet.builtin()
    for d in rules.evaluate(world.history(), end_of_week(1)):
        assert d.action == ProgressionAction.REFER and d.rule_id == "red_flag"
        assert d.rule_class == ProgressionClass.REFER and d.red_flags != 0
        assert d.red_flag_tier > RedFlagTier.NONE and d.after == d.before
        assert progression.apply(d, world.program) is None              # nothing to apply
    assert len(world.program) == 1
    # a custom rule set without a refer rule still cannot progress through a red flag
    custom = RuleSet.parse("rule up when reps >= 0 then reps +2 max 30")
    d = custom.decide(world.history(), end_of_week(1), 0)
    assert d.action == ProgressionAction.REFER and d.rule_id == "red_flag_guard"
    # cleared by a clinician: no longer refers
    world.checkins.append(CheckIn(START + 12, cleared=True))
    d = rules.decide(world.history(), end_of_week(1), 0)
    assert d.action != ProgressionAction.REFER and d.red_flags == 0
    assert custom.decide(world.history(), end_of_week(1), 0).rule_id == "up"


def test_no_rule_fired_gives_none_rule_id(world):
    world.week(0)
    rules = RuleSet.parse("rule never when reps > 1000 then keep")
    d = rules.decide(world.history(), end_of_week(0), 0)
    assert d.rule_id is None and d.action == ProgressionAction.KEEP and d.inputs == ()


def test_missing_data_is_unknown(world):
    rules = RuleSet.parse("rule p when max pain_during over last 7 days > 5 then pause\n"
                          "rule k when not known next_morning then keep")
    d = rules.decide(world.history(sessions=(), painlog=None), START + 3, 0)
    assert d.rule_id == "k"
    inp = d.inputs[0]
    assert inp.comparison == ProgressionCmp.KNOWN and inp.metric == "next_morning"
    assert inp.known is False and inp.value is None and inp.result is False   # "not" made it true
    assert str(inp) == "known last next_morning over last 1 sessions (unknown)"
    # unknown or true is true: the unknown comparison's result is None
    d = RuleSet.parse("rule u when pain_during > 5 or reps >= 0 then keep").decide(
        world.history(sessions=()), START + 3, 0)
    assert d.rule_id == "u" and d.inputs[0].value is None and d.inputs[0].result is None
    assert d.inputs[1].value == 10 and d.inputs[1].result is True
    rules2 = RuleSet.parse("rule p when max pain_during over last 7 days > 5 then pause")
    d = rules2.decide(History(world.program), START + 3, 0)
    assert d.rule_id is None and d.action == ProgressionAction.KEEP


def test_evaluate_errors(world):
    rules = RuleSet.builtin()
    with pytest.raises(hiptrack.NotFoundError, match="evaluate"):
        rules.decide(world.history(), START - 1, 0)
    assert rules.evaluate(world.history(), START) != []
    with pytest.raises(hiptrack.NotFoundError):
        rules.evaluate(world.history(), START - 1)
    with pytest.raises(hiptrack.OutOfRangeError, match="index"):
        rules.decide(world.history(), START, 3)
    with pytest.raises(hiptrack.FormatError):
        rules.decide(world.history(checkins=[CheckIn(START, rest_pain=12)]), START, 0)
    s = Session()
    s.close()
    with pytest.raises(hiptrack.StateError):
        rules.decide(world.history(sessions=[s]), START, 0)
    with pytest.raises(hiptrack.InvalidArgumentError, match="checkin"):
        rules.decide(world.history(checkins=[CheckIn(START, rest_pain="x")]), START, 0)


# ---- dry run and apply ------------------------------------------------------------------------

def test_dry_run_rows(world):
    for w in range(4):
        world.week(w, extra_reps=2, rpe=4)
    rules = RuleSet.builtin()
    rows = rules.dry_run(world.history(), START, 4)
    assert rows == progression.dry_run(rules, world.history(), "2026-11-02", 4)
    assert len(rows) == 4 * 3
    assert [r.week for r in rows] == [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]
    for r in rows:
        assert r.decision.day == end_of_week(r.week - 1) and r.decision.text
    # nothing is applied between weeks: the same prescription each week
    assert {r.decision.before for r in rows if r.decision.exercise_index == 0} == \
        {world.program[0].exercises[0]}
    assert any(r.decision.changes for r in rows)
    assert rules.dry_run(world.history(), START - 14, 2) == []       # before the first version
    # each week reads only what was known at its end: the same as evaluating on that day
    assert [r.decision for r in rows[3:6]] == rules.evaluate(world.history(), end_of_week(1))


def test_apply_creates_a_new_version_and_keeps_history(world):
    for w in range(2):
        world.week(w, extra_reps=2, rpe=4)
    rules = RuleSet.builtin()
    day = end_of_week(1)
    decisions = progression.evaluate(rules, world.history(), day)
    changing = [d for d in decisions if d.changes]
    assert changing, [d.text for d in decisions]
    first = world.program[0]
    for d in changing:
        version = progression.apply(d, world.program, world.catalog)
        assert version is not None and version.effective_day == day + 1
        assert version.note == d.text[:len(version.note)] and version.note
        assert version.exercises[d.exercise_index] == d.after
    assert len(world.program) == 1 + len(changing)
    assert world.program[0] == first                          # history is never edited
    assert world.program.version_on(day).number == 1
    assert world.program.version_on(day + 1).exercises[changing[0].exercise_index] == changing[0].after
    # applying again is a stale decision
    with pytest.raises(hiptrack.StateError, match="stale|before"):
        progression.apply(changing[0], world.program, world.catalog)
    # with a draft open
    world.program.begin(day + 2, 3)
    with pytest.raises(hiptrack.StateError):
        progression.apply(changing[-1], world.program)
    world.program.discard()
    # a KEEP decision has nothing to apply
    keep = dataclasses.replace(changing[0], action=ProgressionAction.KEEP)
    assert progression.apply(keep, world.program) is None


def test_apply_unknown_target(world, catalog):
    world.week(0)
    rules = RuleSet.builtin()
    d = rules.decide(world.history(), end_of_week(0), 0)
    bogus = dataclasses.replace(d, action=ProgressionAction.ADVANCE,
                                after=dataclasses.replace(d.before, exercise_id="no_such_exercise"))
    with pytest.raises(hiptrack.NotFoundError, match="catalog"):
        progression.apply(bogus, world.program, catalog)
    assert len(world.program) == 1
