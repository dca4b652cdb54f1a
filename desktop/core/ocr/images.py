"""Decode image files into the BGR uint8 arrays the engine reads, with clear messages on bad input.

Phone photos carry EXIF rotation, lab scanners write 16-bit or grey PNGs, screenshots have alpha:
all of them become plain 3-channel 8-bit BGR here, so nothing downstream has to care.
"""
from __future__ import annotations

import io
import os
import warnings
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

# 64 megapixels: a 12000 x 5300 panorama still loads; a 20000 x 20000 image is refused before its
# pixels are decoded, so memory stays bounded whatever file a user drops on the app.
MAX_PIXELS = 64_000_000

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".webp"}


def load_image(path: str | Path) -> np.ndarray:
    """Read an image file (any path, non-ASCII included) as BGR uint8; raise ImageError naming the cause."""
    from desktop.core.ocr.types import ImageError

    path = Path(path)
    if not path.exists():
        raise ImageError(f"{path}: file not found")
    if path.is_dir():
        raise ImageError(f"{path}: is a folder, not an image")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImageError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    return decode_image_bytes(data, str(path))


def decode_image_bytes(data: bytes, name: str) -> np.ndarray:
    """Decode encoded image bytes (file content, clipboard, drag and drop) as BGR uint8."""
    from desktop.core.ocr.types import ImageError

    if not data:
        raise ImageError(f"{name}: the file is empty")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise ImageError(
                    f"{name}: image is too large ({width} x {height} pixels; "
                    f"the limit is {MAX_PIXELS // 1_000_000} megapixels). Scale it down and try again."
                )
            image.load()
            image = ImageOps.exif_transpose(image)
    except ImageError:
        raise
    except Image.DecompressionBombError as exc:  # PIL refuses the very largest before we see their size
        raise ImageError(f"{name}: image is too large (over {MAX_PIXELS // 1_000_000} megapixels). "
                         "Scale it down and try again.") from exc
    except UnidentifiedImageError as exc:
        raise ImageError(f"{name}: not an image file, or a format that cannot be read") from exc
    except (OSError, SyntaxError, ValueError) as exc:
        raise ImageError(f"{name}: the image is damaged or truncated ({exc})") from exc
    return _to_bgr8(image)


def _to_bgr8(image: Image.Image) -> np.ndarray:
    if image.mode in ("I;16", "I;16B", "I;16L", "I", "F"):
        array = np.asarray(image, dtype=np.float64)
        low, high = float(array.min()), float(array.max())
        scaled = (array - low) * (255.0 / (high - low)) if high > low else np.zeros_like(array)
        grey = scaled.astype(np.uint8)
        return np.repeat(grey[:, :, None], 3, axis=2)
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        # Transparent pixels become white, not black: dark text stays readable.
        rgba = image.convert("RGBA")
        canvas = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(canvas, rgba)
    rgb = np.asarray(image.convert("RGB"))
    return np.ascontiguousarray(rgb[:, :, ::-1])


def find_images(paths: list[str], unreadable: list[str] | None = None) -> list[Path]:
    """Expand files and folders (recursively, sorted) into the image files to read.

    Files named explicitly are kept whatever their suffix, so a bad one is reported, not skipped.
    A folder that cannot be listed is added to ``unreadable`` as "FOLDER: reason", not skipped silently.
    """
    found: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found.extend(sorted(_images_under(path, unreadable if unreadable is not None else [])))
        else:
            found.append(path)
    return found


def _images_under(folder: Path, unreadable: list[str]) -> list[Path]:
    def note(error: OSError) -> None:
        unreadable.append(f"{error.filename}: {error.strerror or error}")

    return [Path(root, name) for root, _dirs, files in os.walk(folder, onerror=note) for name in files
            if Path(name).suffix.lower() in IMAGE_SUFFIXES]
