"""What a correction leaves on the image's boxes: the box whose crop becomes the training sample (with
the crop itself), and the box labels with the technician's table corrections written in."""
from __future__ import annotations

import logging
from collections.abc import Callable

import numpy as np

from desktop.ui.image_convert import encode_png

log = logging.getLogger(__name__)


def box_with(boxes: list, reading, original: str) -> int | None:
    """The box of the reading whose text holds the corrected text: its crop is the training sample.
    None when no box holds it (no sample: a crop of another box would teach a wrong label)."""
    for i in reading.boxes or []:
        if 0 <= i < len(boxes) and original and original in boxes[i].text:
            return i
    return None


def crop_png(load_image: Callable[[], np.ndarray | None], boxes: list, box_index: int | None) -> bytes | None:
    """The box's crop as PNG, None when there is no box or picture (the picture is loaded only for a
    box); a failure loses the sample only."""
    image = load_image() if box_index is not None and 0 <= box_index < len(boxes) else None
    if image is None:
        return None
    from desktop.core.ocr.crop import crop_text_region

    try:
        return encode_png(crop_text_region(image, boxes[box_index].points))
    except Exception:  # a crop failure must not lose the correction itself
        log.exception("crop failed for box %s", box_index)
        return None


def corrected_labels(boxes: list, corrections) -> dict[int, str]:
    """Per box whose reading was corrected in the table, its text with the corrections in it
    ("377 A" -> "3.77 A"), in the order they were made: what the photo's box label shows."""
    labels: dict[int, str] = {}
    for c in corrections:
        if c.kind == "reading" and c.box_index is not None and 0 <= c.box_index < len(boxes):
            text = labels.get(c.box_index, boxes[c.box_index].text)
            labels[c.box_index] = text.replace(c.original, c.corrected, 1) if c.original else text
    return labels
