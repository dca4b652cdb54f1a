"""What the synthetic screens say: instrument keys with matching units and plausible values."""
from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Quantity:
    key: str                    # Chinese key as printed on the instrument
    english: str                # key drawn instead when no CJK font is available
    units: tuple[str, ...]
    low: float
    high: float
    decimals: tuple[int, ...]   # typical numbers of decimal places


QUANTITIES: tuple[Quantity, ...] = (
    Quantity("大气压", "Baro", ("kPa",), 80, 106, (2, 1)),
    Quantity("干球温度", "Tdry", ("℃",), -10, 45, (1, 2)),
    Quantity("湿球温度", "Twet", ("℃",), -5, 40, (1, 2)),
    Quantity("计前温度", "Tm", ("℃",), -10, 60, (1,)),
    Quantity("计前压力", "Pm", ("kPa",), -20, 5, (2, 1)),
    Quantity("流量", "FLOW", ("L/min", "mL/min"), 0, 120, (1, 2)),
    Quantity("静压", "Ps", ("kPa", "Pa"), -5, 5, (2, 3)),
    Quantity("动压", "Pd", ("Pa",), 0, 900, (1, 0)),
    Quantity("全压", "Pt", ("kPa",), -5, 8, (2,)),
    Quantity("含湿量", "Xsw", ("%",), 0, 40, (1, 2)),
    Quantity("烟气温度", "Ts", ("℃",), 0, 400, (1, 0)),
    Quantity("流速", "Vs", ("m/s",), 0, 40, (1, 2)),
    Quantity("温度", "TEMP", ("℃",), -30, 80, (1, 2)),
    Quantity("湿度", "RH", ("%RH",), 5, 99, (1,)),
    Quantity("压力", "PRESS", ("kPa", "MPa", "Pa"), 0, 200, (2, 3, 1)),
    Quantity("电压", "VOLT", ("V", "mV"), 0, 500, (1, 2, 3)),
    Quantity("电流", "CURR", ("A", "mA"), 0, 20, (2, 3)),
    Quantity("绝缘电阻", "INSU", ("MΩ", "GΩ", "kΩ"), 0, 2000, (0, 1, 2)),
    Quantity("频率", "FREQ", ("Hz", "kHz"), 0, 1000, (1, 2)),
    Quantity("采样体积", "Vol", ("L",), 0, 2000, (1,)),
    Quantity("采样时间", "TIME", ("min",), 0, 999, (0,)),
)

BY_KEY = {q.key: q for q in QUANTITIES}

TITLES = ("烟尘采样器", "温湿度计", "数字压力计", "绝缘电阻测试仪", "智能流量计", "大气采样器", "测量",
          "实时数据", "工况参数", "设定值", "实测值", "通道1")
LATIN_TITLES = ("HOLD", "MAX", "MIN", "AUTO", "RUN", "SET", "CH1", "MODEL 3012H", "AVG", "REL")


def format_value(x: float, decimals: int, width: int = 0) -> str:
    """``x`` with ``decimals`` places, zero-padded to ``width`` digits before the point (sign kept)."""
    text = f"{abs(x):.{decimals}f}"
    if width:
        whole, _, frac = text.partition(".")
        text = whole.zfill(width) + ("." + frac if frac else "")
    return ("-" if x < 0 and float(text) != 0 else "") + text


def random_value(rng: random.Random, q: Quantity | None = None) -> str:
    """A value as an instrument shows it: 0-3 decimals, sometimes leading zeros, minus, big or small."""
    if q is None or rng.random() < 0.2:
        magnitude = rng.choice([1, 10, 100, 1000, 10000])
        low, high = (-magnitude if rng.random() < 0.2 else 0), magnitude
        decimals = rng.choice([0, 1, 2, 3])
    else:
        low, high, decimals = q.low, q.high, rng.choice(q.decimals)
    x = rng.uniform(low, high)
    if rng.random() < 0.1:
        x = 0.0
    width = rng.choice([2, 3, 4]) if rng.random() < 0.12 else 0
    text = format_value(x, decimals, width)
    while len(text.replace(".", "").replace("-", "")) > 6:
        text = text[:-1].rstrip(".")
    return text


def random_quantities(rng: random.Random, n: int) -> list[Quantity]:
    return rng.sample(QUANTITIES, n)


def random_unit(rng: random.Random, q: Quantity) -> str:
    return q.units[0] if rng.random() < 0.7 else rng.choice(q.units)


def random_overlay_date(rng: random.Random) -> str:
    """A camera date stamp such as '2024-05-12 14:33'."""
    y, m, d = rng.randint(2015, 2026), rng.randint(1, 12), rng.randint(1, 28)
    hh, mm = rng.randint(0, 23), rng.randint(0, 59)
    fmt = rng.choice(["{y}-{m:02d}-{d:02d} {hh:02d}:{mm:02d}", "{y}/{m:02d}/{d:02d} {hh:02d}:{mm:02d}",
                      "{y}-{m:02d}-{d:02d}", "{y}.{m:02d}.{d:02d} {hh:02d}:{mm:02d}:{mm:02d}"])
    return fmt.format(y=y, m=m, d=d, hh=hh, mm=mm)
