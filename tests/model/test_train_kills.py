"""`lcdreader train` killed (SIGKILL) at 20 random moments, each kill followed by a resume: after every
kill the registry holds no orphan folder and whatever it holds is whole and verified; the job ends with
its one registered, verified, active version.

The kills fall on one chain of runs of a tiny job (2 recognition steps on 2 synthetic screens): a run
is killed at a moment drawn over a whole run's length, the next resumes it. Once the job is through,
later kills land on re-runs that replace its registered version (the resumed-job case). Twenty whole
runs, one per kill, would take five minutes or more on two cores; this took 92 s (two shared cores,
load average 6)."""
import json
import random
import subprocess
import time

import pytest

from desktop.core.models import registry
from desktop.core.training.launch import train_command

pytestmark = [pytest.mark.model, pytest.mark.slow]
KILLS = 20
FIRST_GUESS_S = 10.0  # a whole run on two idle cores is 8-10 s (the first also converts the base model)
NAME = "kill-test"


def payload(tmp_path, name: str = NAME) -> str:
    job = {"name": name, "base_model": "pp-ocrv4", "tasks": ["rec"], "synthetic_screens": 2,
           # a rate at which two steps keep the starting score: each run registers its version
           "rec": {"steps": 2, "batch_size": 2, "learning_rate": 3e-5}, "eval_every": 1, "device": "cpu", "activate": "always",
           "work_dir": str(tmp_path / f"work-{name}")}
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(job), encoding="utf-8")
    return str(path)


def run(path: str, kill_after: float | None = None) -> tuple[int, list[dict], float]:
    start = time.perf_counter()
    process = subprocess.Popen(train_command(path), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    if kill_after is not None:
        try:
            process.wait(timeout=kill_after)
        except subprocess.TimeoutExpired:
            process.kill()
    out, _ = process.communicate(timeout=300)
    events = [json.loads(line) for line in out.decode().splitlines() if line.startswith("{")]
    return process.returncode, events, time.perf_counter() - start


def registry_orphans() -> list[str]:
    return [p.name for p in registry.user_models_dir().iterdir() if p.name.startswith(".") and p.name != ".lock"]


def test_training_killed_at_random_moments_resumes_to_one_verified_version(tmp_path):
    seed = random.randrange(1 << 30)
    moments = random.Random(seed)
    path = payload(tmp_path)
    full = FIRST_GUESS_S  # how long a whole run takes: learnt from each run that ends before its moment
    killed = []
    for kill in range(KILLS):
        code, events, took = run(path, kill_after=moments.uniform(0.3, full))
        killed.append(code == -9)
        if code != -9:  # done before its moment came: runs are this short now (resumed, base converted)
            full = took
        where = f"kill {kill}, seed {seed}"
        versions = [v for v in registry.list_versions() if not v.bundled]  # as the next start: recovery first
        assert all(c.ok for v in versions for c in registry.verify_version(v)), where
        assert registry.resolve_model("default"), where
        assert not registry_orphans(), (where, registry_orphans())
    code, events, _ = run(path)
    assert code == 0 and events[-1]["event"] == "done" and events[-1]["model"] == NAME, (seed, events[-3:])
    [version] = [v for v in registry.list_versions() if v.name == NAME and not v.bundled]
    assert all(c.ok for c in registry.verify_version(version)) and registry.resolve_model("default").name == NAME
    leftovers = registry_orphans() + [p.name for p in (tmp_path / f"work-{NAME}" / "checkpoints" / "rec").glob(".*")]
    assert not leftovers, (seed, leftovers)
    assert sum(killed) >= KILLS // 2, f"only {sum(killed)} runs were still going when killed (seed {seed})"
