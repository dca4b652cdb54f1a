"""Make the installer icons from resources/icons/app.svg: lcdreader.png (256 px, Linux) and lcdreader.ico (Windows).

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icon.py

The stroke-drawn 24 px app icon is rendered large on a light rounded tile so it reads on any desktop.
Without QtSvg it falls back to drawing a similar LCD glyph with Pillow. The outputs are committed;
run this again only when app.svg changes.
"""
from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
SVG = HERE.parent / "resources" / "icons" / "app.svg"
SIZE = 256
BLUE = (31, 95, 153, 255)  # the stroke colour of app.svg


def tile() -> Image.Image:
    img = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    ImageDraw.Draw(img).rounded_rectangle((8, 8, SIZE - 8, SIZE - 8), radius=44, fill=(236, 243, 250, 255),
                                          outline=BLUE, width=6)
    return img


def render_svg(svg: Path, size: int) -> Image.Image | None:
    try:
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
        from PySide6.QtGui import QGuiApplication, QImage, QPainter
        from PySide6.QtSvg import QSvgRenderer
    except ImportError:
        return None
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (keeps Qt alive)
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        return None
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(data))).convert("RGBA")


def draw_fallback(size: int) -> Image.Image:
    """An LCD with a seven-segment '8.' in app.svg's colour, for machines without QtSvg."""
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    s = size / 24.0
    w = max(2, round(2 * s))
    d.rounded_rectangle((2.5 * s, 5 * s, 21.5 * s, 19 * s), radius=2 * s, outline=BLUE, width=w)
    for x0, y0, x1, y1 in ((6, 9, 6, 15), (6, 9, 9, 9), (6, 12, 9, 12), (13, 9, 17, 9), (13, 9, 13, 15),
                           (17, 9, 17, 15), (13, 15, 17, 15), (13, 12, 17, 12)):
        d.line((x0 * s, y0 * s, x1 * s, y1 * s), fill=BLUE, width=w)
    d.ellipse((10.4 * s, 14.4 * s, 11.6 * s, 15.6 * s), fill=BLUE)
    return img


def main() -> int:
    glyph_size = 200
    glyph = render_svg(SVG, glyph_size) if SVG.exists() else None
    if glyph is None:
        glyph = draw_fallback(glyph_size)
    icon = tile()
    offset = (SIZE - glyph_size) // 2
    icon.alpha_composite(glyph, (offset, offset))
    icon.save(HERE / "lcdreader.png")
    icon.save(HERE / "lcdreader.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128),
                                             (256, 256)])
    print(f"wrote {HERE / 'lcdreader.png'} and {HERE / 'lcdreader.ico'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
