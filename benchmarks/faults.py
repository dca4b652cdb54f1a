"""Concurrency and kill rounds against the real command line: does anything get lost?

    PYTHONPATH=. flock /tmp/heavy.lock .venv/bin/python benchmarks/faults.py [--rounds 20]

1. Appends: each round, two `lcdreader export --append` at once onto one workbook, each with a record of
   its own. Every record must be in the workbook afterwards.
2. Activate / delete: each round, `models activate race` and `models delete race` at once. Afterwards
   active.txt must name a model that exists.
3. Kills: an append killed (SIGKILL) at a random moment. The workbook must open with every record it
   had, and the next append must work (the lock dies with its process).
Prints one line per kind and exits 1 when anything was lost.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "resources" / "examples" / "records.json"


def cli(*args: str, env: dict) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "desktop.cli", *args], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def records_file(folder: Path, number: str) -> Path:
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    document["records"] = [dict(document["records"][0], number=number)]
    path = folder / f"{number}.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def record_sheets(workbook: Path) -> set[str]:
    return {name for name in load_workbook(workbook, read_only=True).sheetnames if name.startswith("LCD-")}


def append_rounds(folder: Path, rounds: int, env: dict) -> tuple[int, int, list[str]]:
    workbook = folder / "appends.xlsx"
    expected: set[str] = set()
    problems = []
    for r in range(rounds):
        numbers = [f"LCD-20250314-{2 * r + i + 1000:04d}" for i in range(2)]
        procs = [cli("export", "--append", "--records", str(records_file(folder, n)), "--xlsx", str(workbook),
                     env=env) for n in numbers]
        for proc in procs:
            _out, err = proc.communicate(timeout=600)
            if proc.returncode != 0:
                problems.append(f"round {r}: exit {proc.returncode}: {err.strip()}")
        expected |= set(numbers)
    kept = record_sheets(workbook)
    if expected - kept:
        problems.append(f"appends lost {len(expected - kept)} record(s): {', '.join(sorted(expected - kept)[:5])}")
    return len(expected & kept), len(expected), problems


def race_rounds(folder: Path, rounds: int, env: dict) -> tuple[int, list[str]]:
    from desktop.core.models import registry

    source = folder / "model"
    (source / "rec").mkdir(parents=True, exist_ok=True)
    (source / "rec" / "inference.json").write_text("{}", encoding="utf-8")
    (source / "rec" / "inference.pdiparams").write_bytes(b"weights")
    registry.add_version("keep", source, {})
    sound, problems = 0, []
    for r in range(rounds):
        registry.activate("keep")
        registry.add_version("race", source, {}, replace=True)
        procs = [cli("models", "activate", "race", env=env), cli("models", "delete", "race", env=env)]
        for proc in procs:
            proc.communicate(timeout=120)
        active = registry.active_model_name()
        names = {v.name for v in registry.list_versions()}
        if active in names:
            sound += 1
        else:
            problems.append(f"round {r}: active.txt names '{active}', which no longer exists")
        if "race" in names and active == "race":
            registry.activate("keep")
        if "race" in names:
            registry.delete_version("race")
    return sound, problems


def kill_rounds(folder: Path, rounds: int, env: dict) -> tuple[int, list[str]]:
    workbook = folder / "kills.xlsx"
    first = cli("export", "--records", str(records_file(folder, "LCD-20250314-5000")), "--xlsx", str(workbook),
                env=env)
    _out, err = first.communicate(timeout=600)
    if first.returncode != 0:
        return 0, [f"the first export failed: {err.strip()}"]
    sound, problems, had = 0, [], {"LCD-20250314-5000"}
    rng = random.Random(33)
    for r in range(rounds):
        number = f"LCD-20250314-{5001 + r}"
        proc = cli("export", "--append", "--records", str(records_file(folder, number)), "--xlsx", str(workbook),
                   env=env)
        time.sleep(rng.uniform(0.2, 2.0))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        proc.communicate()
        try:
            now = record_sheets(workbook)
        except Exception as exc:  # noqa: BLE001  (any failure to open is what this round looks for)
            problems.append(f"round {r}: the workbook no longer opens: {exc}")
            continue
        if not had <= now:
            problems.append(f"round {r}: lost {sorted(had - now)}")
            continue
        had = now
        follow = cli("export", "--append", "--records", str(records_file(folder, f"LCD-20250314-{6000 + r}")),
                     "--xlsx", str(workbook), env=env)
        _out, err = follow.communicate(timeout=600)
        if follow.returncode != 0:
            problems.append(f"round {r}: the next append failed: {err.strip()}")
            continue
        had = record_sheets(workbook)
        sound += 1
    leftovers = [p.name for p in folder.iterdir() if p.name.startswith(".kills.xlsx.") and p.name.endswith(".tmp.xlsx")]
    if leftovers:
        problems.append(f"temporary files left by killed exports: {len(leftovers)} ({', '.join(leftovers[:3])})")
    return sound, problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--kills", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        os.environ["LCDREADER_HOME"] = str(folder / "home")
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        start = time.perf_counter()
        kept, total, append_problems = append_rounds(folder, args.rounds, env)
        print(f"appends: {kept} of {total} records kept over {args.rounds} rounds of 2 concurrent appends")
        sound, race_problems = race_rounds(folder, args.rounds, env)
        print(f"activate/delete: {sound} of {args.rounds} rounds left active.txt naming a model that exists")
        survived, kill_problems = kill_rounds(folder, args.kills, env)
        print(f"kills: {survived} of {args.kills} appends killed at random left every record and a usable workbook")
        problems = append_problems + race_problems + kill_problems
        for problem in problems:
            print(f"  problem: {problem}")
        print(f"{'NOTHING LOST' if not problems else 'PROBLEMS FOUND'} ({time.perf_counter() - start:.0f} s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
