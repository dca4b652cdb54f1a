"""Phone-photo degradation of a synthetic screen: the image AND its region points move together.

Perspective, rotation and scale warp the screen onto a random surrounding; then glare, vignetting,
lighting, blur, sensor noise, an optional camera date stamp and JPEG compression. Every random choice
comes from the ``random.Random`` passed in, so a seed gives the same photo.
"""
from __future__ import annotations

import dataclasses
import random

import cv2
import numpy as np

from desktop.core.training.synth.fonts import FontSet, text_mask
from desktop.core.training.synth.looks import paint
from desktop.core.training.synth.screen import Region, SyntheticScreen
from desktop.core.training.synth.segments import ink_bbox
from desktop.core.training.synth.text_sources import random_overlay_date


def random_homography(width: int, height: int, rng: random.Random, strength: float) -> np.ndarray:
    """A homography that maps the image corners to a smaller, rotated, skewed quad inside the frame."""
    src = np.float32([[0, 0], [width, 0], [width, height], [0, height]])
    scale = rng.uniform(1.0 - 0.35 * strength, 1.0 - 0.05 * strength)
    angle = np.radians(rng.uniform(-8, 8) * strength)
    skew = 0.08 * strength * min(width, height)
    for _ in range(20):
        centre = np.float32([width / 2, height / 2])
        rot = np.float32([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
        dst = (src - centre) * scale @ rot.T + centre
        dst += np.float32([[rng.uniform(-skew, skew), rng.uniform(-skew, skew)] for _ in range(4)])
        free_x = width - (dst[:, 0].max() - dst[:, 0].min())
        free_y = height - (dst[:, 1].max() - dst[:, 1].min())
        if free_x > 2 and free_y > 2:
            dst[:, 0] += rng.uniform(1, free_x - 1) - dst[:, 0].min()
            dst[:, 1] += rng.uniform(1, free_y - 1) - dst[:, 1].min()
            return cv2.getPerspectiveTransform(src, dst.astype(np.float32))
        scale *= 0.93
    return np.eye(3)


def warp_points(points: np.ndarray, matrix: np.ndarray) -> np.ndarray:
    return cv2.perspectiveTransform(np.asarray(points, np.float32).reshape(-1, 1, 2), matrix).reshape(-1, 2)


def surroundings(height: int, width: int, rng: random.Random, noise: np.random.Generator) -> np.ndarray:
    """Desk / casing / hand colours around the warped screen: a tinted gradient with texture."""
    grey = rng.uniform(25, 210)
    base = np.float32([grey * rng.uniform(0.75, 1.2) for _ in range(3)])
    yy = np.linspace(rng.uniform(0.6, 1.0), rng.uniform(0.8, 1.3), height, dtype=np.float32)[:, None, None]
    texture = cv2.GaussianBlur(noise.normal(0, 12, (height, width)).astype(np.float32), (0, 0), 3)
    return base[None, None, :] * yy + texture[..., None]


def _glare(h: int, w: int, rng: random.Random) -> np.ndarray:
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    cx, cy = rng.uniform(0, w), rng.uniform(0, h)
    sx, sy = rng.uniform(0.05, 0.3) * w, rng.uniform(0.05, 0.3) * h
    blob = np.exp(-(((xx - cx) / sx) ** 2 + ((yy - cy) / sy) ** 2) / 2)
    return blob * rng.uniform(0.25, 0.8)


def _vignette(h: int, w: int, amount: float) -> np.ndarray:
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    r2 = ((xx - w / 2) / (w / 2)) ** 2 + ((yy - h / 2) / (h / 2)) ** 2
    return 1.0 - amount * r2 / 2


def _motion_kernel(length: int, angle: float) -> np.ndarray:
    k = np.zeros((length, length), np.float32)
    k[length // 2, :] = 1.0
    rot = cv2.getRotationMatrix2D((length / 2 - 0.5, length / 2 - 0.5), angle, 1.0)
    k = cv2.warpAffine(k, rot, (length, length))
    return k / max(k.sum(), 1e-6)


def _blur(img: np.ndarray, rng: random.Random, strength: float) -> np.ndarray:
    choice = rng.random()
    if choice < 0.45:
        return cv2.GaussianBlur(img, (0, 0), rng.uniform(0.3, 0.6 + 1.2 * strength))
    if choice < 0.7 and strength > 0.3:
        return cv2.filter2D(img, -1, _motion_kernel(rng.randint(3, 3 + int(6 * strength)), rng.uniform(0, 180)))
    return img


def _date_stamp(img: np.ndarray, rng: random.Random, fonts: FontSet) -> Region | None:
    """Burn a camera date stamp into a corner; returns its region (kind 'overlay')."""
    text = random_overlay_date(rng)
    if fonts.latin is None:
        return None
    h, w = img.shape[:2]
    mask = text_mask(text, fonts.latin, max(10, int(h * rng.uniform(0.035, 0.06))))
    mh, mw = mask.shape
    if mw + 8 > w or mh + 8 > h:
        return None
    x = rng.choice([4, w - mw - 4])
    y = rng.choice([4, h - mh - 4])
    full = np.zeros((h, w), np.float32)
    full[y:y + mh, x:x + mw] = mask
    outline = cv2.dilate(full, np.ones((3, 3), np.uint8))
    paint(img, outline * rng.uniform(0.0, 0.8), (20, 20, 20))
    paint(img, full, rng.choice([(0, 140, 255), (40, 200, 255), (60, 220, 240), (235, 235, 235)]))
    x0, y0, x1, y1 = ink_bbox(full)
    pad = max(1.5, 0.12 * (y1 - y0))
    pts = np.float32([[x0 - pad, y0 - pad], [x1 + pad, y0 - pad], [x1 + pad, y1 + pad], [x0 - pad, y1 + pad]])
    return Region(text, np.clip(pts, 0, [w - 1, h - 1]), "overlay")


def camera_light_and_lens(img: np.ndarray, rng: random.Random, noise: np.random.Generator,
                          strength: float, blur: float = 1.0) -> np.ndarray:
    """Exposure, colour cast, glare, vignetting, gamma, blur (scaled by ``blur``) and sensor noise of a phone
    camera (float BGR)."""
    h, w = img.shape[:2]
    gain = rng.uniform(1 - 0.35 * strength, 1 + 0.25 * strength)
    cast = np.float32([rng.uniform(1 - 0.12 * strength, 1 + 0.12 * strength) for _ in range(3)])
    img = img * gain * cast + rng.uniform(-20, 20) * strength
    if rng.random() < 0.5 * strength:
        img += _glare(h, w, rng)[..., None] * 255
    if rng.random() < 0.6:
        img *= _vignette(h, w, rng.uniform(0.0, 0.6 * strength))[..., None]
    img = np.clip(img, 0, 255)
    gamma = rng.uniform(1 - 0.3 * strength, 1 + 0.3 * strength)
    img = 255.0 * (img / 255.0) ** gamma
    img = _blur(img, rng, strength * blur)
    img += noise.normal(0, rng.uniform(0.5, 1 + 8 * strength), img.shape).astype(np.float32)
    return img


def jpeg_roundtrip(img: np.ndarray, rng: random.Random, strength: float) -> np.ndarray:
    """The photo as uint8 after the camera's JPEG compression."""
    out = np.clip(img, 0, 255).astype(np.uint8)
    quality = int(rng.uniform(95 - 60 * strength, 97))
    ok, buf = cv2.imencode(".jpg", out, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if ok:
        out = cv2.imdecode(buf, cv2.IMREAD_COLOR)
    return out


def degrade(screen: SyntheticScreen, rng: random.Random, fonts: FontSet, strength: float = 1.0,
            date_stamp: float = 0.15) -> SyntheticScreen:
    """A phone photo of ``screen``; ``strength`` in [0, 1] scales every effect, ``date_stamp`` is its chance."""
    noise = np.random.default_rng(rng.getrandbits(32))
    img = screen.image.astype(np.float32)
    h, w = img.shape[:2]
    matrix = random_homography(w, h, rng, strength)
    warped = cv2.warpPerspective(img, matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=(0, 0, 0))
    cover = cv2.warpPerspective(np.ones((h, w), np.float32), matrix, (w, h), flags=cv2.INTER_LINEAR)
    img = surroundings(h, w, rng, noise)
    paint(img, cover, (0, 0, 0))
    img += warped
    regions = [dataclasses.replace(r, points=warp_points(r.points, matrix)) for r in screen.regions]

    img = camera_light_and_lens(img, rng, noise, strength)
    if rng.random() < date_stamp:
        stamp = _date_stamp(img, rng, fonts)
        if stamp is not None:
            regions.append(stamp)
    out = jpeg_roundtrip(img, rng, strength)
    return dataclasses.replace(screen, image=out, regions=regions, readings=list(screen.readings))
