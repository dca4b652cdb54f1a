"""How long and how much memory exporting a lab's records takes.

    PYTHONPATH=. .venv/bin/python benchmarks/export_scale.py [--records 1000 5000] [--photos] [--profile]

Each size is exported in a fresh process (peak memory is per process) from copies of the example's
first record, each with its own number. Prints records, seconds (of which saving: openpyxl's save and
the record sheets' rows put in), peak RSS (MB, with the records loaded) and the workbook's size.

On the 2-core development machine shared with a training run (each under ``flock /tmp/heavy.lock``, the
before and after back to back), no photos:

    records   seconds   peak MB      before (an openpyxl cell object per cell, MergedCells)
       1000       5.6       125      16.7 s,  303 MB
       5000      31.4       403     116.5 s, 1302 MB

Of the 5,000 records' 31 s, about 19 s build the sheets (row heights, evaluation, the row buffer,
pagination) and 11 s save (openpyxl writing the sheets' frames and the 65,000-cell summary about 8 s,
putting the rows in and the summary's cached results about 2.5 s). Of the peak, about 120 MB is Python,
its libraries and the records loaded before the export, and 80 MB patching the summary's formulas
(lxml holds the whole summary sheet).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "resources" / "examples" / "records.json"


def records_file(folder: Path, count: int, photos: bool) -> Path:
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    first = document["records"][0]
    if not photos:
        first = dict(first, points=[dict(p, photo="") for p in first["points"]])
    document["records"] = [dict(first, number=f"LCD-20250314-{i:05d}") for i in range(count)]
    path = folder / f"records-{count}.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    for photo in (EXAMPLE.parent / "photos").iterdir():  # photo paths are relative to the records file
        (folder / "photos").mkdir(exist_ok=True)
        (folder / "photos" / photo.name).write_bytes(photo.read_bytes())
    return path


def export_once(records: Path, out: Path, photos: bool, profile: bool) -> None:
    """In this process: export and print seconds and peak RSS as JSON."""
    import resource

    from desktop.core.records.excel.report import export_report
    from desktop.core.records.json_io import load_records

    loaded = load_records(records)
    saving = _time_saving()
    start = time.perf_counter()
    if profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.runcall(export_report, loaded, out, photos=photos)
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(25)
    else:
        export_report(loaded, out, photos=photos)
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": round(seconds, 1), "saving": round(sum(saving), 1), "peak_mb": round(peak_kb / 1024)}))


def _time_saving() -> list[float]:
    """Time the export's save (openpyxl's and the patching after it): the seconds are appended to the list."""
    from desktop.core.records.excel import report

    seconds: list[float] = []
    save = report.save_workbook

    def timed(*args, **kwargs):
        start = time.perf_counter()
        try:
            return save(*args, **kwargs)
        finally:
            seconds.append(time.perf_counter() - start)

    report.save_workbook = timed  # this process only exports once
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--photos", action="store_true", help="embed each point's screen photo")
    parser.add_argument("--profile", action="store_true", help="print where the time goes (cProfile, stderr)")
    parser.add_argument("--child", nargs=2, metavar=("RECORDS", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        export_once(Path(args.child[0]), Path(args.child[1]), args.photos, args.profile)
        return 0
    print(f"{'records':>8} {'seconds':>8} {'saving':>8} {'peak MB':>8} {'xlsx MB':>8}")
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        for count in args.records:
            records, out = records_file(folder, count, args.photos), folder / f"report-{count}.xlsx"
            command = [sys.executable, __file__, "--child", str(records), str(out)]
            command += ["--photos"] * args.photos + ["--profile"] * args.profile
            proc = subprocess.run(command, capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=str(ROOT)))
            if proc.returncode != 0:
                print(proc.stderr, file=sys.stderr)
                return 1
            if args.profile:
                print(proc.stderr, file=sys.stderr)
            figures = json.loads(proc.stdout.strip().splitlines()[-1])
            print(f"{count:>8} {figures['seconds']:>8} {figures['saving']:>8} {figures['peak_mb']:>8} "
                  f"{out.stat().st_size / 1e6:>8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
