"""Which live reading is which from frame to frame: its key, or for a reading without a key
(a bare number on the screen) its place among the keyless ones, so each settles on its own."""
from __future__ import annotations


def live_slots(readings: list) -> list[str]:
    slots, keyless = [], 0
    for reading in readings:
        if reading.key:
            slots.append(reading.key)
        else:
            keyless += 1
            slots.append(f"#{keyless}")  # "#" never starts a key: keys are words on the screen
    return slots
