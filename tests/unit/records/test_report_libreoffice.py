"""Render the report through LibreOffice headless: the workbook opens and prints outside openpyxl."""
import shutil
import subprocess

import pytest

from desktop.core.records.excel.report import export_report

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: "
                                "apt-get install libreoffice-calc-nogui to render reports")


def _convert(source, out_dir, profile):
    # A private profile: a running LibreOffice (or another test) would otherwise swallow the call.
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(out_dir), str(source)], check=True, capture_output=True, timeout=120)
    return out_dir / (source.stem + ".pdf")


def test_report_renders_to_pdf_and_png(tmp_path, example_records):
    report = export_report(example_records, tmp_path / "report.xlsx", photos=True)
    pdf = _convert(report, tmp_path, tmp_path / "lo-profile")
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 20_000
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed: the PDF was checked, not the PNG")
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(tmp_path / "page")], check=True, timeout=60)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == 3  # summary + one page per record: nothing spills onto extra pages
    assert all(page.stat().st_size > 5_000 for page in pages)
