"""The lab store on one PostgreSQL server: 10 simulated PCs saving records at once, and finding one record
among 100,000 by number, by instrument serial and by customer.

    .venv/bin/python benchmarks/lab_store.py [--url postgresql://...] [--pcs 10] [--saves 100] [--records 100000]

Without ``--url`` it starts its own server in a temporary folder (initdb + pg_ctl, as the tests do).
Each PC is a process with its own connection: it takes a lab-wide number, saves the new record, then
saves an edit of it (each save: row-version check, history, instrument and standards), and times every
save. Targets: p95 save under 100 ms, every search under 200 ms.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from desktop.core.labstore.store import LabStore  # noqa: E402
from desktop.core.labstore.tables import records  # noqa: E402
from desktop.core.records.calibration_record import (  # noqa: E402
    CalibrationRecord,
    Environment,
    Instrument,
    MeasurementPoint,
    StandardUsed,
)
from desktop.core.records.json_io import record_to_dict  # noqa: E402
from desktop.core.records.repository import RecordRepository  # noqa: E402

DAY = date(2025, 3, 14)


def make_record(number: str, i: int) -> CalibrationRecord:
    return CalibrationRecord(
        number=number, customer=f"客户 {i % 2000:04d} 环境监测站",
        instrument=Instrument(name="烟尘采样器", model="3012H", manufacturer="崂应", serial=f"SN-{i:07d}"),
        calibration_date=DAY - timedelta(days=i % 3000),
        standards=[StandardUsed(name="数字式气压计", model="DPI 740", serial="740-1127", certificate="YL2024-08812",
                                due_date=date(2026, 9, 20))],
        procedure="JJG 680-2007", environment=Environment("21.6", "48", "101.32", "typed"), technician="张工",
        points=[MeasurementPoint("大气压", "kPa", f"{100 + k}.00", f"{100 + k}.07", "0.50", "0.02", ocr_text=f"{100 + k}.07")
                for k in range(8)])


def one_pc(url: str, index: int, saves: int, start, results) -> None:
    repository = RecordRepository(LabStore.open(url))
    start.wait()
    timings = []
    for i in range(saves // 2):
        number = repository.next_record_number(DAY, f"PC{index:02d}-{{date:%Y%m%d}}-{{seq:05d}}")
        record = make_record(number, index * 100_000 + i)
        began = time.perf_counter()
        repository.save_record(record)
        timings.append(time.perf_counter() - began)
        record.points[3].reading, record.remarks = "103.08", "point 4 read again"
        began = time.perf_counter()
        repository.save_record(record)
        timings.append(time.perf_counter() - began)
    results.put(timings)


def fill(store: LabStore, count: int) -> None:
    """``count`` records written straight into the table (their saves are not what is measured here)."""
    batch = []
    for i in range(count):
        record = make_record(f"BULK-{i:07d}", i)
        batch.append(dict(number=record.number, calibration_date=record.calibration_date.isoformat(),
                          instrument_serial=record.instrument.serial, customer=record.customer, revision=0,
                          issued_at="", data=json.dumps(record_to_dict(record), ensure_ascii=False),
                          updated_at=f"2025-01-01T00:00:00.{i:06d}+00:00", updated_by="bench", row_version=1))
        if len(batch) == 5000 or i == count - 1:
            with store.begin() as connection:
                connection.execute(records.insert(), batch)
            batch = []


def timed_search(repository: RecordRepository, repeats: int = 20, **by) -> tuple[float, int]:
    times, found = [], 0
    for _ in range(repeats):
        began = time.perf_counter()
        found = len(repository.find_records(**by))
        times.append(time.perf_counter() - began)
    return statistics.median(times), found


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a PostgreSQL lab store (default: start a server of our own)")
    parser.add_argument("--pcs", type=int, default=10)
    parser.add_argument("--saves", type=int, default=100, help="saves per PC (half new records, half edits)")
    parser.add_argument("--records", type=int, default=100_000, help="records in the store for the searches")
    args = parser.parse_args()
    server = None
    url = args.url
    if url is None:
        from postgres_server import PostgresServer, _binaries

        server = PostgresServer(_binaries())
        os.environ["PGPASSFILE"] = str(server.passfile)
        server.init()
        server.start()
        url = server.create_database()
    try:
        store = LabStore.open(url)
        context = multiprocessing.get_context("spawn")
        start, results = context.Event(), context.Queue()
        pcs = [context.Process(target=one_pc, args=(url, i, args.saves, start, results)) for i in range(args.pcs)]
        for pc in pcs:
            pc.start()
        time.sleep(2)  # every PC connected and ready
        began = time.perf_counter()
        start.set()
        timings = [t for _ in pcs for t in results.get(timeout=1200)]
        wall = time.perf_counter() - began
        for pc in pcs:
            pc.join()
        print(f"{args.pcs} PCs x {args.saves} saves on one PostgreSQL server: {len(timings)} saves in {wall:.1f} s; "
              f"save latency p50 {1000 * statistics.median(timings):.1f} ms, p95 {1000 * percentile(timings, 95):.1f} ms, "
              f"max {1000 * max(timings):.1f} ms (target p95 < 100 ms)")

        began = time.perf_counter()
        fill(store, args.records)
        print(f"filled {args.records} records in {time.perf_counter() - began:.1f} s")
        repository = RecordRepository(store)
        probe = args.records // 2 + 7
        probe_record = make_record(f"BULK-{probe:07d}", probe)
        for label, by in (("number", dict(number=probe_record.number)),
                          ("instrument serial", dict(serial=probe_record.instrument.serial)),
                          ("customer", dict(customer=probe_record.customer))):
            median, found = timed_search(repository, **by)
            print(f"find by {label} among {args.records + len(timings) // 2} records: {1000 * median:.1f} ms "
                  f"median of 20 ({found} found; target < 200 ms)")
        store.close()
    finally:
        if server is not None:
            server.stop()
            server.remove()
    return 0


if __name__ == "__main__":
    sys.exit(main())
