"""User preferences: a small, readable YAML file in the data folder.

Pure Python (no Qt). A missing file gives the defaults; a corrupt file or a bad value gives the
defaults for what is wrong plus a warning for the user, never an exception.
"""
from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, fields
from pathlib import Path

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


def _positive(text: str) -> bool:
    try:
        return float(text) > 0
    except ValueError:
        return False


def _check(name: str, value):
    """Return the value if it is valid for ``name``, else raise ValueError with a reason."""
    if name in ("device",):
        if value not in DEVICES:
            raise ValueError(f"must be one of {', '.join(DEVICES)}")
    elif name == "language":
        if value not in LANGUAGES:
            raise ValueError(f"must be one of {', '.join(LANGUAGES)}")
    elif name == "lab_database":
        from desktop.core.labstore.passwords import check_database_url

        if not isinstance(value, str):
            raise ValueError("must be text")
        check_database_url(value)
    elif name == "certificate_title":
        if value not in ("record", "certificate"):
            raise ValueError("must be record or certificate")
    elif name == "lab_min_tur":
        if not isinstance(value, (str, int, float)) or isinstance(value, bool) or not _positive(str(value)):
            raise ValueError("must be a number above 0, such as 4")
        return str(value)
    elif name in ("model", "data_folder", "template", "camera_source") or name.startswith("lab_"):
        if value is None:
            return ""
        if not isinstance(value, str):
            raise ValueError("must be text")
    elif name == "det_size":
        if isinstance(value, bool) or not isinstance(value, int) or not 320 <= value <= 4096:
            raise ValueError("must be a whole number between 320 and 4096")
    elif name == "stable_frames":
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 30:
            raise ValueError("must be a whole number between 1 and 30")
    elif name == "camera_index":
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 16:
            raise ValueError("must be a whole number between 0 and 16")
    elif name in ("camera_width", "camera_height"):
        if isinstance(value, bool) or not isinstance(value, int) or not 160 <= value <= 8192:
            raise ValueError("must be a whole number between 160 and 8192")
    elif name == "record_number":
        from datetime import date

        from desktop.core.records.numbering import format_number

        if not isinstance(value, str):
            raise ValueError("must be text")
        try:
            format_number(value, date.today(), 1)
        except (ValueError, IndexError, KeyError) as exc:
            raise ValueError(str(exc)) from None
    elif name == "low_confidence":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            raise ValueError("must be a number between 0 and 1")
        value = float(value)
    return value


def validate(raw: dict) -> tuple[Preferences, list[str]]:
    """Build preferences from a mapping; invalid or unknown entries become warnings."""
    prefs = Preferences()
    warnings: list[str] = []
    known = {f.name for f in fields(Preferences)}
    for name, value in raw.items():
        if name not in known:
            warnings.append(f"Unknown preference '{name}' ignored.")
            continue
        try:
            setattr(prefs, name, _check(name, value))
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
