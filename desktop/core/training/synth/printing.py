"""Text that real photos carry besides the readings: camera-app stamps, case printing, paper sheets, HMI words.

Every word list here is what phone photos of instruments showed (see issue 16 / 17): the camera app's
``Jun 14, 2024 12:27:20 PM`` / ``Index number: 101``, maker and model names, range legends, button labels.
"""
from __future__ import annotations

import random
import string

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

MAKERS = ("HIOKI", "KYORITSU", "FLUKE", "MEGGER", "UNI-T", "SEW", "METRAVI", "MASTECH", "SELEC", "OMRON",
          "AUTONICS", "MECO", "RISH", "YOKOGAWA", "TESTO", "EXTECH", "VICTOR", "KUSAM", "MOTWANE", "SCOPE")
MODELS = ("MA302", "IR4056", "3007A", "DH48S", "H5CX", "MT4W", "KEW 3125", "HTC-1", "UT501A", "MIT420",
          "TC544A", "XL-2", "MA12", "DH485", "E5CC", "MM-2", "3125A", "IR4051", "MP-20", "CRM-100")
RANGE_VOLTS = ("50V", "100V", "125V", "250V", "500V", "1000V", "2500V", "5000V")
BUTTONS = ("0 ADJ", "LIGHT", "COMP", "LOCK", "TEST", "HOLD", "RANGE", "MODE", "SET", "RESET", "ENT", "MENU",
           "ESC", "POWER", "ON/OFF", "START", "STOP", "AUTO", "MAX/MIN", "REL", "SHIFT", "TIMER", "ALARM")
CASE_WORDS = ("INSULATION TESTER", "DIGITAL MULTIMETER", "CAT III 600V", "EARTH", "LINE", "GUARD", "COM",
              "DANGER", "HIGH VOLTAGE", "MADE IN JAPAN", "DIGITAL TIMER", "PANEL METER", "CLOCK/HUMIDITY",
              "THERMO-HYGROMETER", "AC 600V MAX", "CE", "DIGITAL AMMETER", "TIME SWITCH", "AC/DC")
LCD_SMALL = ("LOCK", "EARTH", "LIVE", "AC", "DC", "AUTO", "HOLD", "BATT", "REL", "MAX", "MIN", "APO", "COMP",
             "PI", "DAR", "TIMER", "MEM")
PAPER_WORDS = ("Device Name", "TEST DATA", "Picture", "Video", "Remarks", "Ref. PF. Test Sheet", "No.",
               "Speed", "Closing Speed/Opening", "Contact Res", "Date", "Signature", "Result", "Checked by",
               "Sl. No.", "Panel No.", "Make", "Model", "Sr. No.", "Range", "Accuracy", "Calibration Due",
               "Adjust", "Test Report", "Witnessed by", "Location", "Feeder", "Breaker", "OK", "Pass")
HMI_TITLES = ("CRM TEST RESULT", "TEST RESULT", "TIMING TEST RESULT", "DRM RESULT", "MEASUREMENT",
              "IR TEST RESULT")
HMI_SUBTITLES = ("Contact Resistance", "Closing Time", "Opening Time", "Insulation Resistance",
                 "Winding Resistance", "Result Summary")
HMI_HEADS = (("R-RES", "Y-RES", "B-RES"), ("R-PH", "Y-PH", "B-PH"), ("PH-A", "PH-B", "PH-C"),
             ("CH1", "CH2", "CH3"), ("R-Y", "Y-B", "B-R"), ("R", "Y", "B"))
HMI_UNITS = ("μΩ", "mΩ", "ms", "MΩ", "Ω")
HMI_BUTTONS = (("PRINT", "SAVE", "HEADER", "EXIT"), ("START", "STOP", "MENU", "BACK"),
               ("TEST", "RESULT", "SETUP", "HOME"), ("PRINT", "SAVE", "EXIT"))


def random_model(rng: random.Random) -> str:
    """A model name as printed on a case: a known one or the same shapes (letters, digits, a dash)."""
    if rng.random() < 0.5:
        return rng.choice(MODELS)
    letters = "".join(rng.choice(string.ascii_uppercase) for _ in range(rng.randint(1, 3)))
    digits = str(rng.randint(10, 9999))
    return rng.choice([letters + digits, f"{letters}-{digits}", digits + letters[0], f"{letters} {digits}"])


def random_camera_stamp(rng: random.Random) -> tuple[str, ...]:
    """The lines of a camera app's stamp, top to bottom, e.g. ('Jun 14, 2024 12:27:20 PM', 'Index number: 101')."""
    y, mo, d = rng.randint(2018, 2026), rng.randint(1, 12), rng.randint(1, 28)
    hh, mi, ss = rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)
    h12, ampm = (hh % 12) or 12, "AM" if hh < 12 else "PM"
    month = MONTHS[mo - 1]
    comma = rng.choice([", ", ","])
    lines = [rng.choice([
        f"{month} {d}{comma}{y} {h12}:{mi:02d}:{ss:02d} {ampm}",
        f"{month} {d}{comma}{y} {h12}:{mi:02d}:{ss:02d} {ampm}",
        f"{d:02d}/{mo:02d}/{y} {hh:02d}:{mi:02d}",
        f"{y}-{mo:02d}-{d:02d} {hh:02d}:{mi:02d}:{ss:02d}",
        f"{y}年{mo}月{d}日",
        f"{y}年{mo}月{d}日 {hh:02d}:{mi:02d}",
        f"{y}/{mo:02d}/{d:02d} {hh:02d}:{mi:02d}",
        f"{d:02d}.{mo:02d}.{y} {hh:02d}:{mi:02d}:{ss:02d}",
        f"{DAYS[rng.randrange(7)]}, {d} {month} {y} {h12}:{mi:02d} {ampm}",
    ])]
    roll = rng.random()
    if roll < 0.55:
        lines.append(f"Index number: {rng.randint(1, 2500)}")
    elif roll < 0.7:
        lat, lon = rng.uniform(-60, 60), rng.uniform(-170, 170)
        lines.append(rng.choice([f"Lat {lat:.5f} Long {lon:.5f}", f"GPS: {abs(lat):.4f}{'N' if lat >= 0 else 'S'} "
                                 f"{abs(lon):.4f}{'E' if lon >= 0 else 'W'}"]))
    return tuple(lines)


def random_paper_line(rng: random.Random) -> str:
    """One line of a printed test sheet: a heading, a field name with a value, or a number."""
    word = rng.choice(PAPER_WORDS)
    roll = rng.random()
    if roll < 0.45:
        return word
    if roll < 0.7:
        return f"{word}: {rng.choice([random_model(rng), str(rng.randint(1, 999)), rng.choice(MAKERS)])}"
    if roll < 0.85:
        return f"{rng.randint(1, 30)}. {word}"
    return f"{rng.uniform(0, 500):.{rng.randint(0, 2)}f} {rng.choice(['ms', 'μΩ', 'MΩ', 'V', 'A', 'mm'])}"
