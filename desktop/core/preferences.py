"""User preferences: a small, readable YAML file in the data folder.

Pure Python (no Qt). A missing file gives the defaults; a corrupt file or a bad value gives the
defaults for what is wrong plus a warning for the user, never an exception.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import yaml

from desktop.core.atomic_files import write_text_atomic
from desktop.core.paths import data_dir

log = logging.getLogger(__name__)

FILE_NAME = "preferences.yaml"
DEVICES = ("auto", "cpu", "gpu")
LANGUAGES = ("auto", "en", "zh_CN")
DET_SIZES = (640, 736, 960, 1280, 1600)
RESOLUTIONS = ((640, 480), (1280, 720), (1920, 1080))


@dataclass
class Preferences:
    device: str = "auto"          # auto | cpu | gpu
    model: str = "default"        # name in the model registry
    det_size: int = 960           # detection input: longest side in pixels
    stable_frames: int = 3        # live mode: consecutive agreeing frames before a reading is stable
    language: str = "auto"        # auto (system locale) | en | zh_CN
    data_folder: str = ""         # where sessions live; empty = the default user data folder
    camera_index: int = 0
    camera_source: str = ""       # a stream URL (IP camera, phone) or a video file; empty = camera_index
    camera_width: int = 1280
    camera_height: int = 720
    template: str = ""            # instrument template; empty = automatic
    low_confidence: float = 0.80  # readings below this score stand out
    record_number: str = "LCD-{date:%Y%m%d}-{seq:04d}"  # calibration record numbers (records/numbering.py)
    # lab-wide certificate items (ISO/IEC 17025 7.8.2.1, 7.8.4.1), copied into each new record
    lab_name: str = ""
    lab_address: str = ""
    lab_traceability: str = ""    # the metrological traceability statement
    lab_signatory: str = ""       # authorised signatory's name
    lab_signatory_function: str = ""
    lab_accreditation: str = ""   # accreditation body and number (CNAS L1234); printed only when set
    lab_min_tur: str = "4"        # minimum test uncertainty ratio (limit / U); lower points are flagged
    certificate_title: str = "record"  # record (校准原始记录) | certificate (校准证书)
    # the lab store: empty = this PC's SQLite file; postgresql://user@host/db?sslmode=verify-full = the
    # lab's server. Never a password: it is kept in libpq's password file (labstore/passwords.py)
    lab_database: str = ""

    def session_dir(self) -> Path:
        path = Path(self.data_folder).expanduser() if self.data_folder else data_dir()
        path.mkdir(parents=True, exist_ok=True)
        return path


_DEFAULTS = Preferences()


# One check per preference: it returns the value as kept, or raises ValueError with the reason (the
# warning says "Preference 'name' = value <reason>; using <default>."). A new preference needs its line
# here: a test checks that every field has one.
Check = Callable[[Any], Any]


def _one_of(choices: tuple[str, ...], reason: str = "") -> Check:
    def check(value: Any) -> Any:
        if value not in choices:
            raise ValueError(reason or f"must be one of {', '.join(choices)}")
        return value
    return check


def _whole(low: int, high: int) -> Check:
    def check(value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ValueError(f"must be a whole number between {low} and {high}")
        return value
    return check


def _text(value: Any) -> str:
    """Free text; an empty YAML entry (None) is empty text."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError("must be text")
    return value


def _fraction(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise ValueError("must be a number between 0 and 1")
    return float(value)


def _ratio_above_zero(value: Any) -> str:
    """Kept as text (the record copies it as written), a number above 0 either way."""
    if not isinstance(value, (str, int, float)) or isinstance(value, bool) or not _positive(str(value)):
        raise ValueError("must be a number above 0, such as 4")
    return str(value)


def _positive(text: str) -> bool:
    try:
        return float(text) > 0
    except ValueError:
        return False


def _record_number(value: Any) -> str:
    """A record number pattern that formats (records/numbering.py)."""
    from datetime import date

    from desktop.core.records.numbering import format_number

    if not isinstance(value, str):
        raise ValueError("must be text")
    try:
        format_number(value, date.today(), 1)
    except (ValueError, IndexError, KeyError) as exc:
        raise ValueError(str(exc)) from None
    return value


def _database_url(value: Any) -> str:
    """Empty, or a PostgreSQL URL without a password (labstore/passwords.py)."""
    from desktop.core.labstore.passwords import check_database_url

    if not isinstance(value, str):
        raise ValueError("must be text")
    check_database_url(value)
    return value


CHECKS: dict[str, Check] = {
    "device": _one_of(DEVICES),
    "model": _text,
    "det_size": _whole(320, 4096),
    "stable_frames": _whole(1, 30),
    "language": _one_of(LANGUAGES),
    "data_folder": _text,
    "camera_index": _whole(0, 16),
    "camera_source": _text,
    "camera_width": _whole(160, 8192),
    "camera_height": _whole(160, 8192),
    "template": _text,
    "low_confidence": _fraction,
    "record_number": _record_number,
    "lab_name": _text,
    "lab_address": _text,
    "lab_traceability": _text,
    "lab_signatory": _text,
    "lab_signatory_function": _text,
    "lab_accreditation": _text,
    "lab_min_tur": _ratio_above_zero,
    "certificate_title": _one_of(("record", "certificate"), "must be record or certificate"),
    "lab_database": _database_url,
}


def validate(raw: dict[Any, Any]) -> tuple[Preferences, list[str]]:
    """Build preferences from a mapping; invalid or unknown entries become warnings."""
    prefs = Preferences()
    warnings: list[str] = []
    for name, value in raw.items():
        if name not in CHECKS:
            warnings.append(f"Unknown preference '{name}' ignored.")
            continue
        try:
            setattr(prefs, name, CHECKS[name](value))
        except ValueError as exc:
            default = getattr(_DEFAULTS, name)
            warnings.append(f"Preference '{name}' = {value!r} {exc}; using {default!r}.")
    return prefs, warnings


def default_path() -> Path:
    return data_dir() / FILE_NAME


def load_preferences(path: Path | None = None) -> tuple[Preferences, list[str]]:
    """Read the preferences; never raises. Returns (preferences, warnings for the user)."""
    path = Path(path) if path else default_path()
    if not path.exists():
        return Preferences(), []
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        log.warning("preferences %s unreadable: %s", path, exc)
        return Preferences(), [f"The preferences file {path} could not be read; using the defaults."]
    if raw is None:
        return Preferences(), []
    if not isinstance(raw, dict):
        return Preferences(), [f"The preferences file {path} is not a mapping; using the defaults."]
    prefs, warnings = validate(raw)
    for warning in warnings:
        log.warning(warning)
    return prefs, warnings


def save_preferences(prefs: Preferences, path: Path | None = None) -> Path:
    """Write the preferences atomically (a temp file, fsync, rename: ``atomic_files``)."""
    path = Path(path) if path else default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "# LCD Reader preferences (edit with care; invalid values fall back to defaults)\n"
    text += yaml.safe_dump(asdict(prefs), allow_unicode=True, sort_keys=False)
    write_text_atomic(path, text)
    return path
