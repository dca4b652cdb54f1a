"""Detection finetuning: a DB-style loss (DB's balanced BCE + Dice, every labeled region weighing the
same) on the probability map against shrunk text masks; the exported graph has no threshold branch,
so the map itself is what we teach."""
from __future__ import annotations

import random
from dataclasses import replace

import cv2
import numpy as np
import pyclipper
from rapidocr_paddle.ch_ppocr_det.utils import DetPreProcess

from desktop.core.label_files import IGNORED_TEXT, DetRegion
from desktop.core.models.model_files import DetInput
from desktop.core.models.predictor import Infer
from desktop.core.ocr.detector import TextDetector
from desktop.core.ocr_metrics.metrics import DetCounts, intersection_area, match_detections, polygon_area
from desktop.core.training.augment import photometric
from desktop.core.training.events import group_key
from desktop.core.training.samples import DetItem

SHRINK_RATIO = 0.4  # DB's r: the kernel is the text polygon shrunk by A * (1 - r^2) / L
# Kernels keep at least this short side in whole pixels (so they fill 5 rows): the post-processing
# drops a kernel whose contour is under min_size (3 px; 4 filled rows can come out of minAreaRect as
# 2.9999995). DB's own rule shrank text under about 10 px tall below that: taught as undetectable.
MIN_KERNEL = 4
# Photos of one instrument are taken from about the same distance: text is taught at the size the
# detector sees it at inference, give or take this much (0.6-1.3 made tiny values smaller still).
SCALE_JITTER = (0.9, 1.1)
# A base-detector box less covered than this by labeled boxes is text the technician did not box.
LABELED_COVER = 0.2
# A base box holding one labeled region, less of it than this within the region's reach (the region
# unclipped as DB draws its boxes), shows more than the label: the `MΩ` beside the boxed `2840`.
BEYOND_LABEL = 0.75
BASE_TEXT = ""  # a kept find of the base detector: taught as text, never read (it names no text)
# DB's balanced BCE: every text pixel, and only the hardest background pixels, this many per text
# pixel. Averaged over all pixels, a 20x15 px unit beside 150 px digits weighs nothing against the
# background, and the detector learned to leave it out.
NEGATIVE_RATIO = 3


def shrink_polygon(points: np.ndarray) -> np.ndarray | None:
    area, perimeter = polygon_area(points), cv2.arcLength(points.astype(np.float32), True)
    if area < 1 or perimeter < 1:
        return None
    distance = area * (1 - SHRINK_RATIO ** 2) / perimeter
    path = [tuple(map(int, p)) for p in np.round(points)]
    while distance > 0:
        offset = pyclipper.PyclipperOffset()
        offset.AddPath(path, pyclipper.JT_ROUND, pyclipper.ET_CLOSEDPOLYGON)
        shrunk = offset.Execute(-distance)
        kernel = np.array(shrunk[0], np.int32) if shrunk else None
        if kernel is not None and min(cv2.minAreaRect(kernel.astype(np.float32))[1]) >= MIN_KERNEL:
            return kernel
        distance -= 0.5
    return np.array(path, np.int32)  # small text: the whole box is its kernel


def text_maps(shape: tuple[int, int], polygons: list[np.ndarray], ignored: list[bool],
              base_text: np.ndarray | None = None):
    """(target, weight): 1 inside shrunk text kernels; weight 0 over ignored and degenerate regions.
    A labeled region keeps its weight where an ignored one overlaps it. Every kernel weighs the same in
    all (PixelLink's instance balance): a small unit beside big digits is not a rounding error.
    ``base_text`` (base_kernels(), this window's size): the base detector's kernels, text too; one that
    overlaps a labeled kernel joins it (the `V` the base read with the boxed `221.6`)."""
    target = np.zeros(shape, np.float32)
    weight = np.ones(shape, np.float32)
    for polygon in (p for p, ignore in zip(polygons, ignored) if ignore):
        cv2.fillPoly(weight, [np.round(polygon).astype(np.int32)], 0.0)
    instances = np.zeros(shape, np.int32)  # which kernel each text pixel belongs to (0: none)
    labeled = (p for p, ignore in zip(polygons, ignored) if not ignore)
    for number, polygon in enumerate(labeled, start=1):
        kernel = shrink_polygon(polygon)
        cv2.fillPoly(weight, [np.round(polygon).astype(np.int32)], 0.0 if kernel is None else 1.0)
        if kernel is not None:
            cv2.fillPoly(target, [kernel], 1.0)
            cv2.fillPoly(instances, [kernel], number)
    if base_text is not None:
        _join_base_kernels(target, instances, base_text)
    areas = np.bincount(instances.ravel())[1:]
    text = instances > 0
    if text.any():  # the text weight is kept, shared evenly among the kernels in the window
        share = areas.sum() / np.count_nonzero(areas)
        weight[text] = share / areas[instances[text] - 1]
    return target, weight


def _join_base_kernels(target: np.ndarray, instances: np.ndarray, base_text: np.ndarray) -> None:
    """Each base kernel taught as text: part of the labeled kernel it overlaps, else a kernel of its own."""
    count, components = cv2.connectedComponents(base_text.astype(np.uint8))
    next_number = int(instances.max()) + 1
    for number in range(1, count):
        pixels = components == number
        owners = instances[pixels]
        owners = owners[owners > 0]
        if owners.size:
            instances[pixels & (instances == 0)] = owners[0]
        else:
            instances[pixels] = next_number
            next_number += 1
        target[pixels] = 1.0


def base_kernels(prob: np.ndarray, labeled: list[np.ndarray], thresh: float) -> np.ndarray:
    """The base detector's kernels (its map above ``thresh``; ``labeled`` in the map's pixels) that hold
    at most one labeled region: a kernel that joins two merged them, and the labels teach them apart.
    Kept whole, a kernel keeps what the base read beyond a label: the `V` of `221.6 V`, where the label
    boxed `221.6` and the base's box ended inside the label's reach, so no box of it was kept (issue 27)."""
    text = (prob > thresh).astype(np.uint8)
    count, components = cv2.connectedComponents(text)
    regions_touched = np.zeros(count, np.int32)
    for polygon in labeled:
        inside = np.zeros_like(text)
        cv2.fillPoly(inside, [np.round(polygon).astype(np.int32)], 1)
        regions_touched[np.unique(components[inside > 0])] += 1
    kept = regions_touched <= 1
    kept[0] = False  # the background
    return kept[components].astype(np.uint8)


def with_base_text(item: DetItem, detections: list[np.ndarray], keep: bool = True,
                   unclip_ratio: float = 1.5) -> DetItem:
    """``item`` with the text the base detector finds and its labels leave out: people box the fields
    that matter, so text without a box is not background.

    ``keep``: the base's finds are taught as text (learning without forgetting). Left out of the loss
    instead (unknown), nothing held them: a detector finetuned on labels that box `2840` and not the
    `MΩ` beside it learnt to drop the unit and, on later photos, whole values (issue 27). Kept are the
    boxes labels leave uncovered, and a box that holds one labeled region and reaches well beyond it
    (the unit beside the boxed digits); a box holding several labeled regions merged them, and the
    labels are left to teach them apart. Not kept: every box labels leave uncovered is left out."""
    labeled = [np.array(r.points, np.float32) for r in item.regions if not r.ignored]
    # the labels as the base's boxes are drawn: DB unclips its kernels, labels are tight
    reach = [_unclipped(region, unclip_ratio) for region in labeled]
    added = []
    for box in detections:
        area = polygon_area(box)
        if area <= 0:
            continue
        covered = sum(intersection_area(box, region) for region in labeled) / area
        inside = sum(intersection_area(box, region) > 0.5 * polygon_area(region) for region in labeled)
        within_reach = min(sum(intersection_area(box, region) for region in reach) / area, 1.0)
        points = tuple(map(tuple, np.asarray(box).tolist()))
        if covered < LABELED_COVER:
            added.append(DetRegion(BASE_TEXT, points) if keep else DetRegion(IGNORED_TEXT, points, ignored=True))
        elif keep and inside == 1 and within_reach < BEYOND_LABEL:
            added.append(DetRegion(BASE_TEXT, points))
    return replace(item, regions=item.regions + tuple(added)) if added else item


def _unclipped(points: np.ndarray, ratio: float) -> np.ndarray:
    """A polygon grown as DB's post-processing grows its kernels."""
    distance = polygon_area(points) * ratio / max(cv2.arcLength(points, True), 1e-6)
    offset = pyclipper.PyclipperOffset()
    offset.AddPath([tuple(map(int, p)) for p in np.round(points)], pyclipper.JT_ROUND, pyclipper.ET_CLOSEDPOLYGON)
    grown = offset.Execute(distance)
    return np.array(grown[0], np.float32) if grown else points


def mark_base_text(items: list[DetItem], detector: TextDetector, keep: bool = True,
                   unclip_ratio: float = 1.5) -> list[DetItem]:
    """Every partly labeled item with the base detector's unlabeled text added (one detector pass per
    image): taught as text (``keep``: its boxes and its kernels) or left out of the loss."""
    return [item if item.complete else _with_base_finds(item, detector, keep, unclip_ratio) for item in items]


def _with_base_finds(item: DetItem, detector: TextDetector, keep: bool, unclip_ratio: float) -> DetItem:
    prob = detector.probability_map(item.image)
    height, width = item.image.shape[:2]
    marked = with_base_text(item, detector.boxes(prob, (height, width)), keep, unclip_ratio)
    if not keep or prob is None:
        return marked
    map_height, map_width = prob.shape[-2:]
    to_map = np.array([map_width / width, map_height / height], np.float32)
    labeled = [np.array(r.points, np.float32) * to_map for r in item.regions if not r.ignored]
    kernels = base_kernels(prob.reshape(map_height, map_width), labeled, detector.thresh)
    return replace(marked, base_text=kernels)  # at the map's scale: _sample() scales it with the picture


def balanced_bce(pixel_loss, targets, weights):
    """Mean BCE over the text pixels (weighted) and NEGATIVE_RATIO times as many of the hardest background
    pixels."""
    import paddle

    positive, negative = targets * weights, (1 - targets) * weights
    positives = int(positive.sum())
    hard = min(int(negative.sum()), NEGATIVE_RATIO * positives)
    hard_loss = paddle.topk((pixel_loss * negative).flatten(), hard)[0].sum() if hard else 0.0
    return ((pixel_loss * positive).sum() + hard_loss) / (positives + hard + 1e-6)


class DetTask:
    stage = "det"
    metric = "hmean"
    input_spec_shape = [None, 3, None, None]

    def __init__(self, train: list[DetItem], val: list[DetItem], batch_size: int = 4, size: int = 480,
                 limit_side_len: int = 960, seed: int = 0,
                 run: DetInput = DetInput()):
        self.train, self.val = train, val
        self.batch_size, self.size, self.limit_side_len, self.seed = batch_size, size, limit_side_len, seed
        self.run = run  # how the base detector is run (model_files.read_det_input): trained and scored so
        self._normalise = DetPreProcess(limit_side_len, "max", list(run.mean), list(run.std))

    def _sample(self, item: DetItem, rng: random.Random):
        """A window of one screen at the scale inference gives it (a little jitter), with its target maps."""
        height, width = item.image.shape[:2]
        resized = self._normalise.resize(item.image)  # the detector's own resize: same size, same aliasing
        jitter = rng.uniform(*SCALE_JITTER)
        scale_x, scale_y = resized.shape[1] * jitter / width, resized.shape[0] * jitter / height
        image = cv2.resize(resized, (max(round(width * scale_x), 8), max(round(height * scale_y), 8)))
        polygons = [np.array(r.points, np.float32) * (scale_x, scale_y) for r in item.regions]
        x0 = rng.randint(0, max(image.shape[1] - self.size, 0))
        y0 = rng.randint(0, max(image.shape[0] - self.size, 0))
        window = image[y0 : y0 + self.size, x0 : x0 + self.size]
        # edges repeated, as the detector pads its canvas; the padding itself teaches nothing
        canvas = cv2.copyMakeBorder(window, 0, self.size - window.shape[0], 0, self.size - window.shape[1],
                                    cv2.BORDER_REPLICATE)
        polygons = [p - np.array([x0, y0], np.float32) for p in polygons]
        base_text = None
        if item.base_text is not None:  # the base's kernels, moved with the picture
            moved = cv2.resize(item.base_text, image.shape[1::-1], interpolation=cv2.INTER_NEAREST)
            base_text = np.zeros((self.size, self.size), np.uint8)
            window_text = moved[y0 : y0 + self.size, x0 : x0 + self.size]
            base_text[: window_text.shape[0], : window_text.shape[1]] = window_text
        target, weight = text_maps((self.size, self.size), polygons, [r.ignored for r in item.regions], base_text)
        weight[window.shape[0]:, :] = 0
        weight[:, window.shape[1]:] = 0
        tensor = self._normalise.permute(self._normalise.normalize(photometric(canvas, rng)))
        return tensor.astype(np.float32), target, weight

    def batch(self, step: int):
        rng = random.Random(self.seed * 100_003 + step)
        samples = [self._sample(rng.choice(self.train), rng) for _ in range(self.batch_size)]
        images, targets, weights = (np.stack(parts) for parts in zip(*samples))
        return images, targets[:, None], weights[:, None]

    def write_settings(self, folder) -> None:
        from desktop.core.models.model_files import write_det_input

        write_det_input(folder, self.run)

    def loss(self, model, batch):
        import paddle

        images, targets, weights = (paddle.to_tensor(a) for a in batch)
        prob = paddle.clip(model(images), 1e-6, 1 - 1e-6)
        bce = balanced_bce(paddle.nn.functional.binary_cross_entropy(prob, targets, reduction="none"),
                           targets, weights)
        dice = 1 - 2 * (prob * targets * weights).sum() / ((prob * weights).sum() + (targets * weights).sum() + 1e-6)
        return 5 * bce + dice

    def evaluate(self, infer: Infer) -> dict:
        """Scores on all validation pictures, and h-mean per group (instrument) apart."""
        detector = TextDetector(infer, self.limit_side_len, self.run)
        counts = DetCounts()
        groups: dict[str, DetCounts] = {}
        for item in self.val:
            boxes = detector.detect(item.image)
            found = match_detections([r.points for r in item.regions], [r.ignored for r in item.regions], boxes)
            counts.add(found)
            if item.group:
                groups.setdefault(item.group, DetCounts()).add(found)
        return {"hmean": counts.hmean, "precision": counts.precision, "recall": counts.recall,
                "samples": len(self.val),
                **{group_key("hmean", name): group.hmean for name, group in sorted(groups.items())}}
