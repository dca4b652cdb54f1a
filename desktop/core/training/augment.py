"""Random changes to training crops and screens that real phone photos of screens show anyway:
loose or tight boxes, tilt, blur, noise, exposure, colour casts, JPEG artefacts."""
from __future__ import annotations

import random

import cv2
import numpy as np


def jitter_margins(crop: np.ndarray, rng: random.Random, amount: float = 0.12) -> np.ndarray:
    """Grow or shrink each side a little: det boxes are never exactly the same twice."""
    h, w = crop.shape[:2]
    pads = [int(round(rng.uniform(-amount, amount) * h)) for _ in range(4)]  # top, bottom, left, right
    top, bottom, left, right = (max(p, 0) for p in pads)
    out = cv2.copyMakeBorder(crop, top, bottom, left, right, cv2.BORDER_REPLICATE)
    cut_t, cut_b, cut_l, cut_r = (max(-p, 0) for p in pads)
    cut_l, cut_r = min(cut_l, w // 8), min(cut_r, w // 8)  # never cut into the first or last character
    height, width = out.shape[:2]
    out = out[cut_t : height - cut_b, cut_l : width - cut_r]
    return out if out.size else crop


def tilt(image: np.ndarray, rng: random.Random, degrees: float = 2.5) -> np.ndarray:
    h, w = image.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), rng.uniform(-degrees, degrees), 1.0)
    return cv2.warpAffine(image, matrix, (w, h), borderMode=cv2.BORDER_REPLICATE)


def photometric(image: np.ndarray, rng: random.Random) -> np.ndarray:
    out = image.astype(np.float32)
    out = out * rng.uniform(0.7, 1.3) + rng.uniform(-30, 30)  # exposure
    if rng.random() < 0.3:
        out = out * np.array([rng.uniform(0.8, 1.2) for _ in range(3)], np.float32)  # colour cast
    if rng.random() < 0.4:
        sigma = rng.uniform(0.3, 1.4)
        out = cv2.GaussianBlur(out, (0, 0), sigma)
    if rng.random() < 0.5:
        out = out + np.random.default_rng(rng.randrange(1 << 30)).normal(0, rng.uniform(2, 9), out.shape)
    out = np.clip(out, 0, 255).astype(np.uint8)
    if rng.random() < 0.3:
        ok, encoded = cv2.imencode(".jpg", out, [cv2.IMWRITE_JPEG_QUALITY, rng.randint(35, 85)])
        if ok:
            out = cv2.imdecode(encoded, cv2.IMREAD_COLOR)
    return out


def augment_crop(crop: np.ndarray, rng: random.Random) -> np.ndarray:
    crop = jitter_margins(crop, rng)
    if rng.random() < 0.4:
        crop = tilt(crop, rng)
    return photometric(crop, rng)
