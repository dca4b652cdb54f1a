"""A whole phone photo of an instrument: the front panel takes only part of the frame, a desk or a control
panel around it, sometimes a printed test sheet beside it, the camera's light and lens, and the camera
app's date stamp burned into a corner. Regions move with the pixels; text cut by the frame is dropped.
"""
from __future__ import annotations

import dataclasses
import math
import random

import cv2
import numpy as np

from desktop.core.label_files import IGNORED_TEXT
from desktop.core.training.synth.fonts import FontSet
from desktop.core.training.synth.looks import paint
from desktop.core.training.synth.panel import Panel
from desktop.core.training.synth.photo import (
    camera_light_and_lens,
    jpeg_roundtrip,
    surroundings,
    warp_points,
)
from desktop.core.training.synth.printing import random_camera_stamp, random_paper_line
from desktop.core.training.synth.screen import Region, SyntheticScreen

# Phone photos as the real ones come: mostly 508x381 (4:3), sometimes the phone's larger sizes.
PHOTO_SIZES = ((508, 381), (640, 480), (800, 600), (1016, 762))
PHOTO_SIZE_WEIGHTS = (0.7, 0.14, 0.08, 0.08)
STAMP_COLOURS = ((0, 140, 255), (40, 200, 255), (60, 220, 240), (235, 235, 235), (80, 230, 255))


def photo_size(rng: random.Random) -> tuple[int, int]:
    return rng.choices(PHOTO_SIZES, weights=PHOTO_SIZE_WEIGHTS)[0]


def _placement(panel: Panel, width: int, height: int, rng: random.Random, strength: float) -> np.ndarray:
    """A homography putting the panel into the frame, slightly turned and in perspective, every reading inside."""
    pw, ph = panel.width, panel.height
    src = np.float32([[0, 0], [pw, 0], [pw, ph], [0, ph]])
    must = [r.points for r in panel.regions if r.reading is not None] or [r.points for r in panel.regions]
    keep = np.concatenate(must) if must else src
    angle = math.radians(rng.uniform(-5, 5) * strength)
    scale = rng.uniform(0.92, 1.05)
    for _ in range(12):
        rot = np.float32([[math.cos(angle), -math.sin(angle)], [math.sin(angle), math.cos(angle)]]) * scale
        jitter = 0.05 * strength * min(pw, ph)
        dst = (src - [pw / 2, ph / 2]) @ rot.T
        dst += np.float32([[rng.uniform(-jitter, jitter), rng.uniform(-jitter, jitter)] for _ in range(4)])
        m = cv2.getPerspectiveTransform(src, dst.astype(np.float32))
        inner = warp_points(keep, m)
        lo, hi = inner.min(axis=0), inner.max(axis=0)
        margin = 0.03 * min(width, height)
        free_x, free_y = width - 2 * margin - (hi[0] - lo[0]), height - 2 * margin - (hi[1] - lo[1])
        if free_x > 0 and free_y > 0:
            # Centre the whole panel when it can, else slide it as far as the readings allow.
            cx = rng.uniform(0.35, 0.65) * width - (dst[:, 0].min() + dst[:, 0].max()) / 2
            cy = rng.uniform(0.35, 0.6) * height - (dst[:, 1].min() + dst[:, 1].max()) / 2
            tx = float(np.clip(cx, margin - lo[0], width - margin - hi[0]))
            ty = float(np.clip(cy, margin - lo[1], height - margin - hi[1]))
            shift = np.float32([[1, 0, tx], [0, 1, ty], [0, 0, 1]])
            return shift @ m
        scale *= 0.9
    raise ValueError("panel readings do not fit the photo")


def _warp_onto(canvas: np.ndarray, panel: Panel, matrix: np.ndarray, rng: random.Random,
               shadow: float) -> np.ndarray:
    """Paint the panel warped by ``matrix`` over ``canvas`` (in place), after the shadow it casts with chance
    ``shadow``; returns the coverage mask."""
    h, w = canvas.shape[:2]
    warped = cv2.warpPerspective(panel.image * panel.alpha[..., None], matrix, (w, h), flags=cv2.INTER_LINEAR,
                                 borderValue=(0, 0, 0))
    cover = cv2.warpPerspective(panel.alpha, matrix, (w, h), flags=cv2.INTER_LINEAR)
    if rng.random() < shadow:
        reach = rng.uniform(0.005, 0.03) * w
        offset = np.float32([[1, 0, rng.uniform(-1, 1) * reach], [0, 1, rng.uniform(0.3, 1) * reach]])
        cast = cv2.GaussianBlur(cv2.warpAffine(cover, offset, (w, h)), (0, 0), reach * 0.6 + 0.5)
        canvas *= (1.0 - rng.uniform(0.3, 0.7) * cast)[..., None]
    paint(canvas, cover, (0, 0, 0))
    canvas += warped
    return cover


def _desk_objects(img: np.ndarray, rng: random.Random) -> None:
    """A few out-of-focus things around the instrument (cables, edges of other boxes), no text (in place)."""
    h, w = img.shape[:2]
    for _ in range(rng.choice([0, 0, 1, 2, 3])):
        layer = np.zeros((h, w), np.float32)
        if rng.random() < 0.5:
            pts = np.int32([[rng.uniform(-0.2, 1.2) * w, rng.uniform(-0.2, 1.2) * h] for _ in range(4)])
            cv2.polylines(layer, [pts], False, 1.0, max(2, int(rng.uniform(0.01, 0.04) * h)), cv2.LINE_AA)
        else:
            x0, y0 = rng.uniform(-0.3, 0.9) * w, rng.uniform(-0.3, 0.9) * h
            cv2.rectangle(layer, (int(x0), int(y0)), (int(x0 + rng.uniform(0.1, 0.6) * w),
                                                      int(y0 + rng.uniform(0.1, 0.6) * h)), 1.0, -1)
        layer = cv2.GaussianBlur(layer, (0, 0), rng.uniform(0.8, 3.0))
        grey = rng.uniform(10, 220)   # muted: black cables, grey boxes, the odd coloured one
        paint(img, layer, tuple(grey * rng.uniform(0.7, 1.3) for _ in range(3)))


def _moved(regions: list[Region], matrix: np.ndarray) -> list[Region]:
    return [dataclasses.replace(r, points=warp_points(r.points, matrix)) for r in regions]


def _seen(region: Region, width: int, height: int, cover: np.ndarray | None = None) -> Region | None:
    """The region as the photo shows it: itself when whole, None when out of the frame or hidden under
    ``cover``, an ignored ('###') region clipped to the frame when only partly visible."""
    p = region.points
    (x0, y0), (x1, y1) = p.min(axis=0), p.max(axis=0)
    if x1 <= 0 or y1 <= 0 or x0 >= width - 1 or y0 >= height - 1:
        return None
    whole = x0 >= 0 and y0 >= 0 and x1 <= width - 1 and y1 <= height - 1
    if cover is not None:
        under = cover[max(0, int(y0)):int(y1) + 1, max(0, int(x0)):int(x1) + 1]
        if under.size and float(under.min()) > 0.95:
            return None
        whole = whole and (not under.size or float(under.max()) < 0.05)
    return region if whole else partly_seen(region, width, height)


def partly_seen(region: Region, width: int, height: int) -> Region:
    """Text cut by the frame or covered in part: an ignored region (no reading) that the detector may skip."""
    return Region(IGNORED_TEXT, np.clip(region.points, 0, [width - 1, height - 1]), region.kind)


def _paper_sheet(width: int, height: int, rng: random.Random, fonts: FontSet) -> Panel:
    """A printed test sheet: lines of small text, some ruled lines, photographed from above."""
    pw, ph = int(width * rng.uniform(0.35, 0.6)), int(height * rng.uniform(0.8, 1.3))
    tone = rng.uniform(200, 245)
    sheet = Panel(pw, ph, (tone * rng.uniform(0.93, 1.0), tone, tone * rng.uniform(0.98, 1.04)), rng, fonts, 2.0)
    ink = (rng.uniform(20, 70),) * 3
    size = height * rng.uniform(0.022, 0.034)
    y = rng.uniform(0.02, 0.08) * ph
    col2 = pw * rng.uniform(0.45, 0.7)
    while y < ph - 2 * size:
        first = sheet.text(random_paper_line(rng), pw * rng.uniform(0.04, 0.1), y, size, ink, "paper")
        if rng.random() < 0.3 and (first is None or first[2] < col2 - size):
            sheet.text(random_paper_line(rng), col2, y, size, ink, "paper")
        y += size * rng.uniform(1.5, 2.6)
        if rng.random() < 0.3:
            cv2.line(sheet.image, (0, int(y - size * 0.5)), (pw, int(y - size * 0.5)), ink, 1, cv2.LINE_AA)
    return sheet


def _sheet_matrix(sheet: Panel, width: int, height: int, rng: random.Random, left: bool) -> np.ndarray:
    src = np.float32([[0, 0], [sheet.width, 0], [sheet.width, sheet.height], [0, sheet.height]])
    angle = math.radians(rng.uniform(-8, 8))
    rot = np.float32([[math.cos(angle), -math.sin(angle)], [math.sin(angle), math.cos(angle)]])
    dst = (src - [sheet.width / 2, sheet.height / 2]) @ rot.T
    cx = (rng.uniform(0.05, 0.3) if left else rng.uniform(0.7, 0.95)) * width
    dst += [cx, rng.uniform(0.35, 0.65) * height]
    return cv2.getPerspectiveTransform(src, dst.astype(np.float32))


def _stamp_layer(lines: tuple[str, ...], corner: str, size: float, img_size: tuple[int, int],
                 rng: random.Random, fonts: FontSet) -> Panel:
    """The stamp's lines drawn white on black, right-aligned in a right corner, left-aligned in a left one."""
    w, h = img_size
    layer = Panel(w, h, (0, 0, 0), rng, fonts, texture=0)
    margin_x, margin_y = rng.uniform(0, 0.012) * w, rng.uniform(0, 0.01) * h
    step = size * rng.uniform(1.05, 1.3)
    top, right = corner[0] == "t", corner[1] == "r"
    variant = rng.choice(["", "", "bold", "condensed", "mono"])
    y = margin_y if top else h - margin_y
    for line in lines if top else lines[::-1]:
        layer.text(line, w - margin_x if right else margin_x, y, size, (1.0, 1.0, 1.0), "overlay",
                   anchor=(1.0 if right else 0.0, 0.0 if top else 1.0), variant=variant)
        y += step if top else -step
    return layer


def _overlaps(a: Region, b: Region) -> bool:
    (ax0, ay0), (ax1, ay1) = a.points.min(axis=0), a.points.max(axis=0)
    (bx0, by0), (bx1, by1) = b.points.min(axis=0), b.points.max(axis=0)
    return ax0 < bx1 and bx0 < ax1 and ay0 < by1 and by0 < ay1


def camera_stamp(img: np.ndarray, rng: random.Random, fonts: FontSet, avoid: list[Region] = ()) -> list[Region]:
    """Burn a camera app's stamp (one or two lines) into a corner, mostly the bottom right, in a corner where it
    covers none of the ``avoid`` regions (the readings); no stamp when every corner would."""
    h, w = img.shape[:2]
    lines = random_camera_stamp(rng)
    size = h * rng.uniform(0.04, 0.058)
    colour = rng.choice(STAMP_COLOURS)
    shadow = rng.uniform(0.0, 0.9)
    first = rng.choices(["br", "bl", "tr", "tl"], weights=[0.8, 0.08, 0.07, 0.05])[0]
    for corner in dict.fromkeys([first, "br", "bl", "tr", "tl"]):
        layer = _stamp_layer(lines, corner, size, (w, h), rng, fonts)
        if layer.regions and not any(_overlaps(s, r) for s in layer.regions for r in avoid):
            break
    else:
        return []
    corners = np.concatenate([r.points for r in layer.regions])
    (x0, y0), (x1, y1) = np.clip(corners.min(axis=0) - 3, 0, None).astype(int), corners.max(axis=0).astype(int) + 4
    mask, window = layer.image[y0:y1, x0:x1, 0], img[y0:y1, x0:x1]     # only where the stamp is: cheap
    paint(window, cv2.dilate(mask, np.ones((3, 3), np.uint8)) * shadow, (20, 20, 20))
    paint(window, mask, colour)
    return [dataclasses.replace(r, points=np.clip(r.points, 0, [w - 1, h - 1])) for r in layer.regions]


def compose_photo(panel: Panel, scene: str, rng: random.Random, fonts: FontSet, *, size: tuple[int, int],
                  strength: float = 1.0, stamp: float = 0.7, paper: float = 0.25) -> SyntheticScreen:
    """The phone photo of ``panel``: ``stamp`` and ``paper`` are the chances of a camera stamp and a test sheet."""
    width, height = size
    noise = np.random.default_rng(rng.getrandbits(32))
    img = surroundings(height, width, rng, noise)
    _desk_objects(img, rng)
    regions: list[Region] = []
    matrix = _placement(panel, width, height, rng, max(strength, 0.2))
    if rng.random() < paper:
        sheet = _paper_sheet(width, height, rng, fonts)
        centre = warp_points(np.float32([[panel.width / 2, panel.height / 2]]), matrix)[0]
        sheet_m = _sheet_matrix(sheet, width, height, rng, left=centre[0] > width / 2)   # on the free side
        _warp_onto(img, sheet, sheet_m, rng, shadow=0.3)
        regions += _moved(sheet.regions, sheet_m)
    cover = _warp_onto(img, panel, matrix, rng, shadow=0.7)
    regions = [_seen(r, width, height, cover) for r in regions]      # paper text under the instrument
    regions = [r for r in regions + [_seen(r, width, height) for r in _moved(panel.regions, matrix)] if r]
    if strength > 0:
        # Whole photos are phone pictures scaled down: sharper than a screen filling the frame.
        img = camera_light_and_lens(img, rng, noise, strength, blur=0.5)
    if rng.random() < stamp:
        stamp_regions = camera_stamp(img, rng, fonts, avoid=[r for r in regions if r.reading is not None])
        # Text the stamp covers is no longer readable as itself.
        regions = [partly_seen(r, width, height) if any(_overlaps(r, s) for s in stamp_regions) else r
                   for r in regions] + stamp_regions
    image = jpeg_roundtrip(img, rng, strength) if strength > 0 else np.clip(img, 0, 255).astype(np.uint8)
    return SyntheticScreen(image=image, regions=regions, readings=list(panel.readings), scene=scene)
