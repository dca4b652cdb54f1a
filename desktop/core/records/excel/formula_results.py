"""Formulas that carry their result: the value our core computed is stored as the formula's cached value.

openpyxl writes a formula with an empty ``<v>``, so a viewer that does not recalculate (file
previewers, pandas, ``openpyxl`` with ``data_only=True``, mail previews) shows nothing. Each formula we
write is registered here with the value ``verdicts.py`` computed; after openpyxl has saved the
workbook, ``result_patches`` writes those values into the sheets' ``<v>`` elements (the same place
Excel keeps the result of its last calculation). Excel and LibreOffice still recalculate on edit.
"""
from __future__ import annotations

import zipfile
from collections.abc import Callable
from datetime import date, datetime
from functools import partial
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


def result_patches(wb: Workbook) -> dict:
    """{sheet title: the change that puts the registered results into its formulas}, for ``patch_sheets``."""
    present = {id(ws) for ws in wb.worksheets}
    return {ws.title: partial(_patched_sheet, values=values, epoch=wb.epoch)
            for ws, values in results(wb).items() if id(ws) in present and values}


def patch_sheets(path: Path, patches: dict[str, Callable[[bytes], bytes]]) -> None:
    """Rewrite the workbook just saved at ``path`` with each sheet named in ``patches`` changed by its function
    (one sheet in memory at a time)."""
    if not patches:
        return
    with zipfile.ZipFile(path) as source:
        parts = {part: patches[title] for title, part in _sheet_parts(source).items() if title in patches}
        rewritten = path.with_name(path.name + ".part")
        with zipfile.ZipFile(rewritten, "w", zipfile.ZIP_DEFLATED) as target:
            for item in source.infolist():
                data = source.read(item.filename)
                target.writestr(item, parts[item.filename](data) if item.filename in parts else data)
    rewritten.replace(path)


def cached_value(value, epoch) -> tuple[str | None, str]:
    """(the cell's type attribute, the text of its ``<v>``) for a formula whose result is ``value``."""
    if isinstance(value, bool):
        return "b", "1" if value else "0"
    if isinstance(value, (int, float)):
        return None, repr(float(value)) if isinstance(value, float) else str(value)
    if isinstance(value, (date, datetime)):
        return None, repr(float(to_excel(value, epoch)))
    if value in ERROR_CODES:  # #DIV/0! and the like, kept from a workbook appended to
        return "e", value
    return "str", str(value)  # a formula's text result


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
        kind, text = cached_value(values[coordinate], epoch)
        cached = cell.find(f"{{{_MAIN}}}v")
        if cached is None:
            cached = etree.SubElement(cell, f"{{{_MAIN}}}v")
        if kind is None:
            cell.attrib.pop("t", None)
        else:
            cell.set("t", kind)
        cached.text = text
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
