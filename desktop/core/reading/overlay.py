"""Camera overlays: the date a phone or inspection camera burns into every photo is not a reading."""
from __future__ import annotations

import re

# A full date (with a year), optionally followed by a time: '2024-05-12 14:33', '2024/05/12', '2024年5月12日'.
# A bare time is NOT an overlay: a timer's '12:22' is a real reading.
_DATE = r"(19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
_TIME = r"\d{1,2}[:：]\d{2}([:：]\d{2})?(\s*[AaPp][Mm])?"
_OVERLAY = re.compile(rf"^\s*({_DATE})(\s*{_TIME})?\s*$|^\s*{_TIME}\s+({_DATE})\s*$")


def is_camera_overlay(text: str) -> bool:
    return bool(_OVERLAY.match(text))
