"""Prove that a model runs before it is trusted: load it and read known sample screens.

Checksums only say that files arrived as they were sent; a model damaged before its checksums were
written (or with none) loads and reads ``100.07`` as ``匯.匯匯艰Pa``. The stock and shipped models read
5 of the 6 values of these two samples; a model that reads fewer than half of them is refused.
"""
from __future__ import annotations

import json

from desktop.core.models.model_files import ModelSet

SAMPLES = ("sampler_lcd.png", "thermo_hygrometer_blue.png")


def sample_problem(model_set: ModelSet) -> str:
    """Why ``model_set`` cannot be trusted to read (it does not load, or misreads the samples), or ''."""
    from desktop.core.ocr.engine import OcrEngine
    from desktop.core.ocr.images import load_image
    from desktop.core.reading import extract_readings
    from desktop.core.resources import resource_path

    expected_by_sample = json.loads(resource_path("samples", "samples.json").read_text(encoding="utf-8"))
    try:
        engine = OcrEngine(model_set, device="cpu")
        read, expected, seen = 0, 0, []
        for name in SAMPLES:
            result = engine.read(load_image(resource_path("samples", name)))
            values = [r.value for r in extract_readings(result.boxes, None, (result.width, result.height))]
            wanted = [r["value"] for r in expected_by_sample[name]["readings"]]
            read += sum(value in values for value in wanted)
            expected += len(wanted)
            seen += [box.text for box in result.boxes][:4]
    except Exception as exc:  # noqa: BLE001  (Paddle raises its own kinds for a model that cannot load or run)
        return f"it does not load or run ({type(exc).__name__}: {str(exc).strip()[:200]})"
    if read * 2 < expected:
        return (f"it misreads the sample screens: {read} of {expected} values read right "
                f"(it read {', '.join(repr(t) for t in seen[:6]) or 'nothing'})")
    return ""
