"""Convert a workbook with LibreOffice headless (to PDF to see how it prints, to .xlsx to have it recalculated).

Used by scripts/render_report_png.py and the rendering test; needs ``soffice`` (libreoffice-calc-nogui).
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(source: Path, to: str, out_dir: Path, profile: Path, timeout: float = 180) -> Path:
    """``source`` converted to ``to`` ("pdf", "xlsx") in ``out_dir``.

    A private profile: a running LibreOffice (or another test) would otherwise swallow the call.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    subprocess.run([soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", to,
                    "--outdir", str(out_dir), str(source)], check=True, capture_output=True, timeout=timeout)
    return out_dir / f"{source.stem}.{to}"
