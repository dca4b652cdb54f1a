"""Render reports through LibreOffice: one PNG per certificate page in docs/screenshots/.

Four workbooks, each converted to PDF with soffice headless and rasterised with pdftoppm, the white
paper margin trimmed:
- the example records (resources/examples/records.json, with photos): certificate-<number>-p<page>.png;
  the first (issued) record's first page is report.png, the first draft's is report-draft.png;
- a superseded revision (the first record exported, then its next revision appended):
  report-superseded.png;
- a 200-point record: report-200-points.png (first page) and report-200-points-last.png.
``--all DIR`` also writes every page of every workbook to DIR, to look at them all.
Needs LibreOffice (libreoffice-calc-nogui) and poppler-utils. Run from the repository root.
"""
from __future__ import annotations

import argparse
import copy
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from PIL import Image, ImageChops

from desktop.core.records.calibration_record import CalibrationRecord
from desktop.core.records.excel.libreoffice import convert, soffice
from desktop.core.records.excel.report import export_report
from desktop.core.records.json_io import load_records
from desktop.core.records.revisions import issue, revise

EXAMPLE = Path("resources/examples/records.json")
OUT = Path("docs/screenshots")
DPI = 110


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", type=Path, metavar="DIR", help="also write every page here")
    args = parser.parse_args()
    if not soffice() or not shutil.which("pdftoppm"):
        print("needs soffice (libreoffice-calc-nogui) and pdftoppm (poppler-utils)", file=sys.stderr)
        return 1
    records = load_records(EXAMPLE)
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        examples = render(work / "examples", lambda path: export_report(records, path, photos=True), args.all)
        counts: dict[str, int] = {}
        for text, page in examples:
            number = next(r.number for r in records if r.number in text)
            counts[number] = counts.get(number, 0) + 1
            save(page, OUT / f"certificate-{number}-p{counts[number]}.png")
        save(examples[0][1], OUT / "report.png")
        save(next(page for text, page in examples if "DRAFT" in text), OUT / "report-draft.png")
        superseded = render(work / "superseded", lambda path: export_superseded(records[0], path), args.all)
        save(next(page for text, page in superseded if "已被替代" in text), OUT / "report-superseded.png")
        long = render(work / "long", lambda path: export_report([with_points(records[0], 200)], path), args.all)
        save(long[0][1], OUT / "report-200-points.png")
        save(long[-1][1], OUT / "report-200-points-last.png")
    return 0


def render(work: Path, export, every_page: Path | None) -> list[tuple[str, Image.Image]]:
    """(text, trimmed picture) of each record page of the workbook ``export(path)`` writes (not the summary)."""
    work.mkdir()
    pdf = convert(export(work / f"{work.name}.xlsx"), "pdf", work, work / "profile")
    subprocess.run(["pdftoppm", "-r", str(DPI), "-png", str(pdf), str(work / "page")], check=True)
    pages = []
    for path in sorted(work.glob("page-*.png"), key=lambda p: int(p.stem.split("-")[-1]))[1:]:
        number = int(path.stem.split("-")[-1])
        text = subprocess.run(["pdftotext", "-f", str(number), "-l", str(number), "-layout", str(pdf), "-"],
                              check=True, capture_output=True, text=True).stdout
        pages.append((text, trimmed(Image.open(path).convert("RGB"))))
        if every_page:
            every_page.mkdir(parents=True, exist_ok=True)
            pages[-1][1].save(every_page / f"{work.name}-p{number:03d}.png")
    return pages


def export_superseded(record: CalibrationRecord, path: Path) -> Path:
    """The issued record exported, then its next revision (a corrected reading) appended to the same report."""
    export_report([record], path)
    corrected = revise(record, "第 2 点示值抄录错误，更正 / reading of point 2 corrected")
    corrected.points[1].reading = "20.2"
    return export_report([issue(corrected, "李华", datetime(2025, 3, 20, 10, 0))], path, append=True)


def with_points(record: CalibrationRecord, count: int) -> CalibrationRecord:
    """The record with ``count`` points, its own points repeated over a range of standard values."""
    long = copy.deepcopy(record)
    long.number = f"{record.number}-L"
    long.points = []
    for i in range(count):
        point = copy.deepcopy(record.points[i % len(record.points)])
        point.photo, point.crop = "", None
        long.points.append(point)
    return long


def save(page: Image.Image, target: Path) -> None:
    page.save(target, optimize=True)
    print(target)


def trimmed(page: Image.Image, margin: int = 24) -> Image.Image:
    content = ImageChops.difference(page, Image.new("RGB", page.size, "white")).getbbox()
    return page.crop((max(content[0] - margin, 0), max(content[1] - margin, 0),
                      min(content[2] + margin, page.width), min(content[3] + margin, page.height)))


if __name__ == "__main__":
    sys.exit(main())
