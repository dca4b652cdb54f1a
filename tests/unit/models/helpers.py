"""A small model folder the registry accepts (no Paddle needed to register or check it)."""
from pathlib import Path

# The outline of a Paddle 3 program file (model_files.check_program), with nothing in it to run.
PIR_OUTLINE = '{"base_code": {"magic": "pir", "version": 3}, "program": {"regions": [{"#": "region_0", "blocks": []}]}}'


def model_folder(root: Path, weights: bytes = b"weights") -> Path:
    (root / "rec").mkdir(parents=True)
    (root / "rec" / "inference.json").write_text(PIR_OUTLINE, encoding="utf-8")
    (root / "rec" / "inference.pdiparams").write_bytes(weights)
    return root


def flip_bytes(path: Path, offsets=(0,)) -> None:
    data = bytearray(path.read_bytes())
    for offset in offsets:
        data[offset] ^= 0xFF
    path.write_bytes(bytes(data))


def reads_samples(model_set) -> str:
    """Imports of these dummy models skip reading the sample screens (tests/model/test_model_import.py
    imports real models with core/ocr_metrics/run_check.py)."""
    return ""
