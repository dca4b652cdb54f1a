"""Make the small screen photos that resources/examples/records.json points to.

They stand in for the technician's camera shots: an LCD with the reading inside the crop box
[40, 60, 240, 90] that the example records give. Run from the repository root.
"""
from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

OUT = Path("resources/examples/photos")
SCREENS = {  # file stem: (top line, reading, unit)
    "sampler_pressure": ("ATM PRESS", "101.39", "kPa"),
    "sampler_flow_20": ("FLOW", "20.3", "L/min"),
    "sampler_flow_30": ("FLOW", "30.5", "L/min"),
    "sampler_flow_40": ("FLOW", "39.4", "L/min"),
}


def screen(label: str, reading: str, unit: str) -> Image.Image:
    photo = Image.new("RGB", (320, 210), (58, 62, 66))  # the instrument's dark case around the LCD
    draw = ImageDraw.Draw(photo)
    draw.rounded_rectangle((20, 20, 300, 190), radius=10, fill=(170, 188, 160))  # backlit LCD glass
    draw.text((34, 28), label, fill=(40, 48, 40), font=ImageFont.load_default(18))
    draw.text((270, 160), unit, fill=(40, 48, 40), font=ImageFont.load_default(18), anchor="rs")
    draw.text((270, 105), reading, fill=(25, 30, 25), font=ImageFont.load_default(64), anchor="rm")
    return photo.filter(ImageFilter.GaussianBlur(0.8))  # a camera is never quite in focus


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for stem, texts in SCREENS.items():
        screen(*texts).save(OUT / f"{stem}.png", optimize=True)
        print(OUT / f"{stem}.png")


if __name__ == "__main__":
    main()
