"""Render the example report through LibreOffice: one PNG per certificate page in docs/screenshots/.

Exports resources/examples/records.json with photos, converts it to PDF with soffice headless,
rasterises every page after the summary with pdftoppm, names each after the record it belongs to
(certificate-<number>-p<page>.png) and trims the white paper margin; the first record's first page
is also docs/screenshots/report.png (the README shows it).
Needs LibreOffice (libreoffice-calc-nogui) and poppler-utils. Run from the repository root.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageChops

from desktop.core.records.excel.libreoffice import convert, soffice
from desktop.core.records.excel.report import export_report
from desktop.core.records.json_io import load_records

EXAMPLE = Path("resources/examples/records.json")
OUT = Path("docs/screenshots")
DPI = 110


def main() -> int:
    if not soffice() or not shutil.which("pdftoppm"):
        print("needs soffice (libreoffice-calc-nogui) and pdftoppm (poppler-utils)", file=sys.stderr)
        return 1
    records = load_records(EXAMPLE)
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        pdf = convert(export_report(records, work / "report.xlsx", photos=True), "pdf", work, work / "profile")
        subprocess.run(["pdftoppm", "-r", str(DPI), "-png", str(pdf), str(work / "page")], check=True)
        pages = sorted(work.glob("page-*.png"))[1:]  # page 1 is the summary sheet
        written, counts = [], {}
        for page in pages:
            number = page_record(pdf, int(page.stem.split("-")[-1]), [r.number for r in records])
            counts[number] = counts.get(number, 0) + 1
            target = OUT / f"certificate-{number}-p{counts[number]}.png"
            trimmed(Image.open(page).convert("RGB")).save(target, optimize=True)
            written.append(target)
    shutil.copyfile(written[0], OUT / "report.png")
    for path in written:
        print(path)
    return 0


def page_record(pdf: Path, page: int, numbers: list[str]) -> str:
    text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(pdf), "-"],
                          check=True, capture_output=True, text=True).stdout
    return next(n for n in numbers if n in text)


def trimmed(page: Image.Image, margin: int = 24) -> Image.Image:
    content = ImageChops.difference(page, Image.new("RGB", page.size, "white")).getbbox()
    return page.crop((max(content[0] - margin, 0), max(content[1] - margin, 0),
                      min(content[2] + margin, page.width), min(content[3] + margin, page.height)))


if __name__ == "__main__":
    sys.exit(main())
