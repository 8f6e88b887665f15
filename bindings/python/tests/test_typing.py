"""The package's annotations and stubs satisfy mypy (strict), and so does typed client code."""
import os
import subprocess
import sys

import pytest

import hiptrack

CLIENT = '''
import numpy as np
import hiptrack

cat: hiptrack.Catalog = hiptrack.Catalog()
ex: hiptrack.Exercise = cat["squat"]
t, x, truth = hiptrack.simulate(ex, seed=1)
with hiptrack.RepDetector(exercise=ex) as det:
    ev: np.ndarray = det.process(t, x)
cols: dict[str, np.ndarray] = hiptrack.columns(ev)
first: hiptrack.RepEvent = next(hiptrack.iter_events(ev))
n: int = first.index
try:
    cat["nope"]
except hiptrack.NotFoundError as e:
    code: "hiptrack.Status | int" = e.code

s = hiptrack.Session()
s.start(1772440200000000000, 60)
i: int = s.add_exercise("squat", prescribed_sets=1, prescribed_reps=5)
s.add_set(i)
s.add_reps(ev)
summary: hiptrack.SessionSummary = s.finish(1772440300000000000)
pct: "float | None" = summary.set_completion_pct
adh = hiptrack.Adherence("2026-03-02", sessions=[s], plan=[hiptrack.AdherencePlan(0, 3, 30)])
streak: int = adh.day_streak("2026-03-02")
habit: "int | None" = adh.habit_point("2026-03-02")
r = hiptrack.HoosJrResponse({"P5": 1, "P10": None})
answer: "int | None" = r["P5"]
res: hiptrack.OutcomeResult = r.score()
value: "float | None" = res.value(hiptrack.OutcomeScale.HOOS_JR)
change: hiptrack.OutcomeChange = hiptrack.compare(res, res)
log = hiptrack.PainLog([hiptrack.PainEntry(t_ns=1, nrs=3, context=hiptrack.PainContext.AVG_24H)])
flares: "list[hiptrack.PainFlare]" = log.flares()
band: hiptrack.PainBand = hiptrack.pain_band(4)
rules: hiptrack.RuleSet = hiptrack.RuleSet.builtin()
rules.set_param("pain_acceptable", 4)
try:
    hiptrack.RuleSet.parse("rule a when")
except hiptrack.RuleSyntaxError as err:
    where: "tuple[int, int]" = (err.line, err.column)
program = hiptrack.Program()
with program.draft("2026-03-02", 3):
    program.add(hiptrack.Prescription.for_exercise("squat"))
history = hiptrack.History(program, catalog=cat, sessions=[s], painlog=log,
                           checkins=[hiptrack.CheckIn.on("2026-03-03", hiptrack.CheckinAnswer.FEVER)])
decisions: "list[hiptrack.Decision]" = rules.evaluate(history, "2026-03-08")
rule_id: "str | None" = decisions[0].rule_id
inputs: "tuple[hiptrack.DecisionInput, ...]" = decisions[0].inputs
rows: "list[hiptrack.DryRunRow]" = hiptrack.progression.dry_run(rules, history, "2026-03-02", 2)
new_version: "hiptrack.ProgramVersion | None" = hiptrack.progression.apply(decisions[0], program, cat)
'''


def test_mypy_accepts_package_and_client(tmp_path):
    pytest.importorskip("mypy")
    client = tmp_path / "client.py"
    client.write_text(CLIENT)
    pkg = os.path.dirname(hiptrack.__file__)
    for target in (["-p", "hiptrack"], [str(client)]):
        r = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental",
                            "--cache-dir", str(tmp_path / "cache"), *target],
                           capture_output=True, text=True, cwd=tmp_path)
        assert r.returncode == 0, r.stdout + r.stderr
    assert os.path.exists(os.path.join(pkg, "py.typed"))
