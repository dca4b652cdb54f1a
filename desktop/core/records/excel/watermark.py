"""The DRAFT watermark: a faint diagonal word placed on every printed page of a record that is not issued.

Excel has no watermark; a picture behind the text is what labs use. One picture is anchored at the top of
each page (row 1 and the row after every page break), so each page shows it wherever the breaks fall.
The word is ASCII so Pillow's bundled font draws it on any PC; the title and page header say it in both
languages.
"""
from __future__ import annotations

import io

from openpyxl.drawing.image import Image as SheetImage
from PIL import Image, ImageDraw, ImageFont

WORD = "DRAFT"
SIZE_PX = (520, 360)


def _picture() -> bytes:
    layer = Image.new("RGBA", (900, 260), (0, 0, 0, 0))
    ImageDraw.Draw(layer).text((20, 10), WORD, font=ImageFont.load_default(size=220), fill=(192, 0, 0, 48))
    tilted = layer.rotate(30, expand=True, resample=Image.Resampling.BICUBIC).resize(SIZE_PX)
    buffer = io.BytesIO()
    tilted.save(buffer, format="PNG")
    return buffer.getvalue()


def add_draft_watermark(ws, first_rows: list[int], column: str = "B") -> None:
    """One watermark picture on each page; ``first_rows``: the first row of every page."""
    picture = _picture()
    for row in first_rows:
        image = SheetImage(io.BytesIO(picture))
        image.width, image.height = SIZE_PX
        ws.add_image(image, f"{column}{row + 1}")  # high on the page: a short last page still shows it
