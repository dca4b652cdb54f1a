"""Screen-photo thumbnails for the measurement table (the crop of the reading when known)."""
from __future__ import annotations

import io
from pathlib import Path

from openpyxl.drawing.image import Image as SheetImage
from openpyxl.drawing.spreadsheet_drawing import AnchorMarker, OneCellAnchor
from openpyxl.drawing.xdr import XDRPositiveSize2D
from openpyxl.utils.units import pixels_to_EMU
from PIL import Image, UnidentifiedImageError

MAX_WIDTH_PX = 140  # fits the photo column (20 characters wide)
MAX_PIXELS = 100_000_000  # a 100-megapixel photo is the largest a lab camera takes; beyond that, refuse


class PhotoError(ValueError):
    """A point's photo is missing or unreadable; the message names the file."""


def thumbnail_image(photo: str, crop: tuple[int, int, int, int] | None, row_height_pt: float) -> SheetImage:
    """A PNG thumbnail sized to sit inside one table row (the photo itself is never embedded full size).

    Anchor it with ``centre_in_cell``.
    """
    path = Path(photo)
    try:
        with Image.open(path) as source:
            if source.width * source.height > MAX_PIXELS:  # checked before decoding: memory
                raise PhotoError(f"screen photo too large: {path} is {source.width} x {source.height} pixels; "
                                 f"at most {MAX_PIXELS // 1_000_000} megapixels")
            if crop:
                x, y, width, height = crop
                if x >= source.width or y >= source.height or width <= 0 or height <= 0:
                    raise PhotoError(f"crop {list(crop)} of {path} lies outside the photo "
                                     f"({source.width} x {source.height} pixels)")
                source = source.crop((x, y, min(x + width, source.width), min(y + height, source.height)))
            picture = source.convert("RGB")
    except FileNotFoundError:
        raise PhotoError(f"screen photo not found: {path}") from None
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        raise PhotoError(f"screen photo cannot be read: {path} ({exc})") from None
    max_height_px = int(row_height_pt * 96 / 72) - 6  # points -> pixels, with a margin
    picture.thumbnail((MAX_WIDTH_PX, max_height_px))
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    image = SheetImage(buffer)
    image.width, image.height = picture.size
    return image


def centre_in_cell(image: SheetImage, column: int, row: int, column_width_chars: float, row_height_pt: float) -> None:
    """Anchor the image in the middle of a cell (1-based column and row) rather than at its corner."""
    cell_width_px = column_width_chars * 7 + 5  # Excel's character width to pixels at 96 dpi
    cell_height_px = row_height_pt * 96 / 72
    image.anchor = OneCellAnchor(
        _from=AnchorMarker(col=column - 1, colOff=pixels_to_EMU(max(0, (cell_width_px - image.width) // 2)),
                           row=row - 1, rowOff=pixels_to_EMU(max(0, (cell_height_px - image.height) // 2))),
        ext=XDRPositiveSize2D(pixels_to_EMU(image.width), pixels_to_EMU(image.height)))
