"""core/live/slots.py: a live reading is known by its key, a keyless one by its place among the keyless."""
from types import SimpleNamespace

from desktop.core.live.slots import live_slots


def test_keys_name_their_slots_and_keyless_readings_are_numbered_among_themselves():
    readings = [SimpleNamespace(key=k) for k in ("", "电压", "", "电流")]
    assert live_slots(readings) == ["#1", "电压", "#2", "电流"]
