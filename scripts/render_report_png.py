"""Render the example report through LibreOffice to docs/screenshots/report.png (the README shows it).

Exports resources/examples/records.json with photos, converts it to PDF with soffice headless,
rasterises the first record sheet's page with pdftoppm and trims the white paper margin.
Needs LibreOffice (libreoffice-calc-nogui) and poppler-utils. Run from the repository root.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageChops

from desktop.core.records.excel.report import export_report
from desktop.core.records.json_io import load_records

EXAMPLE = Path("resources/examples/records.json")
OUT = Path("docs/screenshots/report.png")
RECORD_PAGE = 2  # page 1 is the summary sheet
DPI = 110


def main() -> int:
    soffice, pdftoppm = shutil.which("soffice"), shutil.which("pdftoppm")
    if not soffice or not pdftoppm:
        print("needs soffice (libreoffice-calc-nogui) and pdftoppm (poppler-utils)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        report = export_report(load_records(EXAMPLE), work / "report.xlsx", photos=True)
        subprocess.run([soffice, f"-env:UserInstallation=file://{work / 'profile'}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(work), str(report)], check=True, capture_output=True)
        subprocess.run([pdftoppm, "-r", str(DPI), "-png", "-f", str(RECORD_PAGE), "-l", str(RECORD_PAGE),
                        "-singlefile", str(work / "report.pdf"), str(work / "page")], check=True)
        page = Image.open(work / "page.png").convert("RGB")
    content = ImageChops.difference(page, Image.new("RGB", page.size, "white")).getbbox()
    margin = 24
    page = page.crop((max(content[0] - margin, 0), max(content[1] - margin, 0),
                      min(content[2] + margin, page.width), min(content[3] + margin, page.height)))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    page.save(OUT, optimize=True)
    print(f"{OUT} ({page.width} x {page.height})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
