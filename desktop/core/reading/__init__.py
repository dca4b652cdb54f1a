"""Readings: from OCR boxes to checked key-value readings (``大气压 = 100.07 kPa``).

Pure core code (no Qt, no paddle). Data lives in ``resources/``: ``keys.yaml`` (key
dictionary), ``units.yaml`` (units and their OCR slips), ``templates/*.yaml``.
"""
from desktop.core.reading.checks import ISSUES, flag_repeated_keys, issue_message
from desktop.core.reading.edit import edit_reading, edit_value, validate_value
from desktop.core.reading.extract import extract_readings
from desktop.core.reading.reading import Reading
from desktop.core.reading.templates import Field, Template, TemplateError, list_templates, load_template

__all__ = [
    "ISSUES",
    "Field",
    "Reading",
    "Template",
    "TemplateError",
    "edit_reading",
    "edit_value",
    "extract_readings",
    "flag_repeated_keys",
    "issue_message",
    "list_templates",
    "load_template",
    "validate_value",
]
