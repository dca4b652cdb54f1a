"""Formulas that carry their result: the value our core computed is stored as the formula's cached value.

openpyxl writes a formula with an empty ``<v>``, so a viewer that does not recalculate (file
previewers, pandas, ``openpyxl`` with ``data_only=True``, mail previews) shows nothing. Each formula we
write is registered here with the value ``evaluation.py`` computed; after openpyxl has saved the
workbook, ``store_results`` writes those values into the sheets' ``<v>`` elements (the same place
Excel keeps the result of its last calculation). Excel and LibreOffice still recalculate on edit.
"""
from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path, PurePosixPath

from lxml import etree
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.utils.datetime import to_excel
from openpyxl.workbook import Workbook

_ATTRIBUTE = "_lcdreader_formula_results"  # {worksheet: {coordinate: value}} kept on the workbook
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def write_formula(cell, formula: str, result) -> None:
    """Write one of our own formulas with the value it evaluates to (text, number, bool or None)."""
    if not formula.startswith("="):
        raise ValueError(f"not a formula: {formula!r}")
    cell.value = formula
    results(cell.parent.parent).setdefault(cell.parent, {})[cell.coordinate] = result


def keep_results(wb: Workbook, cached: Workbook) -> None:
    """Register the cached results of formulas already in a workbook read from disk (``cached`` is the
    same file opened with ``data_only=True``), so appending to it does not blank them."""
    for ws in wb.worksheets:
        if ws.title not in cached.sheetnames:
            continue
        values = cached[ws.title]
        found = results(wb).setdefault(ws, {})
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f" and cell.coordinate not in found:
                    found[cell.coordinate] = values[cell.coordinate].value


def results(wb: Workbook) -> dict:
    if not hasattr(wb, _ATTRIBUTE):
        setattr(wb, _ATTRIBUTE, {})
    return getattr(wb, _ATTRIBUTE)


def store_results(wb: Workbook, path: Path) -> None:
    """Put the registered results into the formulas of the workbook just saved at ``path``."""
    by_title = {ws.title: values for ws, values in results(wb).items() if ws in wb.worksheets and values}
    if not by_title:
        return
    with zipfile.ZipFile(path) as source:
        parts = _sheet_parts(source)
        patched = {parts[title]: _patched_sheet(source.read(parts[title]), values, wb.epoch)
                   for title, values in by_title.items() if title in parts}
        rewritten = path.with_name(path.name + ".part")
        with zipfile.ZipFile(rewritten, "w", zipfile.ZIP_DEFLATED) as target:
            for item in source.infolist():
                target.writestr(item, patched.get(item.filename) or source.read(item.filename))
    rewritten.replace(path)


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """{sheet title: part name in the archive}, from workbook.xml and its relationships."""
    workbook = etree.fromstring(archive.read("xl/workbook.xml"))
    rels = etree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target") for rel in rels.iter(f"{{{_RELS}}}Relationship")}
    parts = {}
    for sheet in workbook.iter(f"{{{_MAIN}}}sheet"):
        target = targets[sheet.get(f"{{{_DOC_RELS}}}id")]
        path = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
        parts[sheet.get("name")] = path
    return parts


def _patched_sheet(xml: bytes, values: dict, epoch) -> bytes:
    root = etree.fromstring(xml)
    for cell in root.iter(f"{{{_MAIN}}}c"):
        coordinate = cell.get("r")
        formula = cell.find(f"{{{_MAIN}}}f")
        if coordinate not in values or formula is None or values[coordinate] is None:
            continue
        value = values[coordinate]
        cached = cell.find(f"{{{_MAIN}}}v")
        if cached is None:
            cached = etree.SubElement(cell, f"{{{_MAIN}}}v")
        if isinstance(value, bool):
            cell.set("t", "b")
            cached.text = "1" if value else "0"
        elif isinstance(value, (int, float)):
            cell.attrib.pop("t", None)
            cached.text = repr(float(value)) if isinstance(value, float) else str(value)
        elif isinstance(value, (date, datetime)):
            cell.attrib.pop("t", None)
            cached.text = repr(float(to_excel(value, epoch)))
        elif value in ERROR_CODES:  # #DIV/0! and the like, kept from a workbook appended to
            cell.set("t", "e")
            cached.text = value
        else:
            cell.set("t", "str")  # a formula's text result
            cached.text = str(value)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
