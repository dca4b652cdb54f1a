"""A small model folder the registry accepts (no Paddle needed to register or check it)."""
from pathlib import Path


def model_folder(root: Path, weights: bytes = b"weights") -> Path:
    (root / "rec").mkdir(parents=True)
    (root / "rec" / "inference.json").write_text("{}", encoding="utf-8")
    (root / "rec" / "inference.pdiparams").write_bytes(weights)
    return root


def flip_bytes(path: Path, offsets=(0,)) -> None:
    data = bytearray(path.read_bytes())
    for offset in offsets:
        data[offset] ^= 0xFF
    path.write_bytes(bytes(data))
