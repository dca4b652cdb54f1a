"""Write the demo sample screens (made by our own renderer) to resources/samples/, with samples.json.

Deterministic: running it twice gives the same files. Usage: python scripts/make_samples.py [out_dir]
"""
from __future__ import annotations

import dataclasses
import json
import random
import re
import sys
from pathlib import Path

import cv2

from desktop.core.training.synth.fonts import system_fonts
from desktop.core.training.synth.looks import LOOKS
from desktop.core.training.synth.screen import Field, ScreenSpec, render_screen
from desktop.core.training.synth.segments import SegmentStyle

# Mild looks for the demo: faint ghost segments on the LCDs so stock models get a fair chance.
LCD_GREEN = dataclasses.replace(LOOKS["lcd_green"], ghost=0.05)
LCD_BLUE = dataclasses.replace(LOOKS["lcd_blue"], ghost=0.06)
LCD_GREY = dataclasses.replace(LOOKS["lcd_grey"], ghost=0.05)
SEVEN = SegmentStyle(kind="seven", stroke=0.12, width=0.52, gap=0.012, spacing=0.16, slant=4.0)
SEVEN_LED = SegmentStyle(kind="seven", stroke=0.15, width=0.55, gap=0.02, spacing=0.2, slant=5.0)

SAMPLES: dict[str, ScreenSpec] = {
    "sampler_lcd.png": ScreenSpec(
        rows=((Field("100.07", "大气压", "kPa"),), (Field("23.5", "干球温度", "℃"),),
              (Field("-1.25", "计前压力", "kPa"),), (Field("30.0", "流量", "L/min"),)),
        look=LCD_GREEN, style=SEVEN, title="烟尘采样器", unit_align="middle"),
    "thermo_hygrometer_blue.png": ScreenSpec(
        rows=((Field("23.5", "温度", "℃"),), (Field("45.2", "湿度", "%RH"),)),
        look=LCD_BLUE, style=SEVEN, title="温湿度计"),
    "pressure_gauge_white.png": ScreenSpec(
        rows=((Field("0.254", "压力", "MPa"),), (Field("21.8", "温度", "℃"),)),
        look=LOOKS["white_on_black"], style=SEVEN, title="数字压力计"),
    "panel_meter_red_led.png": ScreenSpec(
        rows=((Field("12.34", None, "V", cells=5),),), look=LOOKS["led_red"], style=SEVEN_LED,
        unit_scale=0.4, window=0.9),
    "insulation_tester.png": ScreenSpec(
        rows=((Field("778", "绝缘电阻", "MΩ", glued=True),),), look=LCD_GREY, style=SEVEN,
        title="绝缘电阻测试仪", unit_scale=0.45),
    "flow_meter_green_led.png": ScreenSpec(
        rows=((Field("12.6", "流量", "L/min"),), (Field("3.45", "流速", "m/s"),)),
        look=LOOKS["led_green"], style=SEVEN_LED),
}


def main(out_dir: Path) -> None:
    fonts = system_fonts()
    if fonts.cjk is None:
        sys.exit("No CJK font found (install fonts-noto-cjk or fonts-wqy-microhei): samples need Chinese keys.")
    out_dir.mkdir(parents=True, exist_ok=True)
    index = {}
    for name, spec in SAMPLES.items():
        screen = render_screen(spec, fonts, random.Random(name))
        cv2.imwrite(str(out_dir / name), screen.image, [cv2.IMWRITE_PNG_COMPRESSION, 9])
        index[name] = {
            "readings": [{"key": k, "value": v, "unit": u} for k, v, u in screen.readings],
            "regions": [r.to_json() for r in screen.regions],
        }
    text = json.dumps(index, ensure_ascii=False, indent=1)
    text = re.sub(r"\[\s+(-?[\d.]+),\s+(-?[\d.]+)\s+\]", r"[\1, \2]", text)  # one point per line
    text = re.sub(r"\[\s+(\[[^\n]+\]),\s+(\[[^\n]+\]),\s+(\[[^\n]+\]),\s+(\[[^\n]+\])\s+\]",
                  r"[\1, \2, \3, \4]", text)  # one box per line
    (out_dir / "samples.json").write_text(text + "\n", encoding="utf-8")
    print(f"wrote {len(index)} samples to {out_dir}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "resources" / "samples")
