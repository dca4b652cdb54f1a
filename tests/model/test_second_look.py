"""The display's second look (ocr/second_look.py) with the default model: it finds what the first pass
missed, reads small table values exactly, and loses nothing the first pass read on the other looks."""
import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from desktop.core.ocr.open_engine import open_engine
from desktop.core.ocr.second_look import display_region
from desktop.core.reading import extract_readings
from desktop.core.training.synth.dataset import make_screen

pytestmark = pytest.mark.model

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


@pytest.fixture(scope="module")
def engine():
    return open_engine(device="cpu")


def values(engine, image, second_look):
    engine.second_look = second_look
    try:
        result = engine.read(image)
    finally:
        engine.second_look = True
    return {(r.value, r.unit) for r in extract_readings(result.boxes, image_size=(result.width, result.height))}


def test_a_clock_lcds_thin_segment_temperature_missed_by_the_first_pass_is_found(engine):
    """The issue's case: a 508x381 photo, the display a third of it, its big thin-segment digits not
    detected at the photo's size; shrunk to the detector's size, they are."""
    screen = make_screen("forgetting-clock_lcd-16", looks=["clock_lcd"])
    assert screen.image.shape[:2] == (381, 508) and ("", "17.9", "℃") in screen.readings
    assert ("17.9", "℃") not in values(engine, screen.image, False)
    assert {("17.9", "℃"), ("17", "%RH")} <= values(engine, screen.image, True)


def table_photo(texts: list[str]) -> np.ndarray:
    """A 508x381 photo of an HMI result table: heads and values in 13 px DejaVu (boxes about 37x17 px
    as PP-OCRv6 draws them), softened and JPEG-compressed as a phone photo is."""
    image = Image.new("RGB", (508, 381), (150, 150, 145))
    draw = ImageDraw.Draw(image)
    draw.rectangle((90, 80, 420, 300), fill=(20, 40, 110))
    font = ImageFont.truetype(FONT, 13)
    for column, head in enumerate(["R-RES", "Y-RES", "B-RES"]):
        draw.text((120 + column * 95, 100), head, font=font, fill=(255, 255, 255))
    for index, text in enumerate(texts):
        draw.text((120 + index % 3 * 95, 140 + index // 3 * 38), text, font=font, fill=(255, 255, 255))
    photo = cv2.GaussianBlur(np.asarray(image)[:, :, ::-1], (5, 5), 1.0)
    photo = np.clip(photo + np.random.default_rng(3).normal(0, 5, photo.shape), 0, 255).astype(np.uint8)
    return cv2.imdecode(cv2.imencode(".jpg", photo, [cv2.IMWRITE_JPEG_QUALITY, 70])[1], cv2.IMREAD_COLOR)


@pytest.mark.parametrize("closer", [False, True], ids=["default", "enlarged look"])
def test_small_table_values_are_read_exactly_with_their_decimal_points(engine, closer):
    texts = ["08.53", "04.00", "09.54", "82.60", "17.36", "00.13"]
    engine.enlarged_look = closer
    try:
        result = engine.read(table_photo(texts))
    finally:
        engine.enlarged_look = False
    boxes = {box.text: box for box in result.boxes}
    assert set(texts) <= set(boxes)
    width, height = np.ptp(np.array(boxes["08.53"].points), axis=0)
    # the 37x17 px as RapidOCR draws them; our first pass draws them a little looser, and the
    # look's tighter boxes are only read (the reading layer keeps the first pass's geometry)
    assert 30 <= width <= 48 and 13 <= height <= 22, (width, height)


@pytest.mark.parametrize("name", ["forgetting-led_panel-0", "forgetting-led_panel-1", "forgetting-thin_lcd-0",
                                  "forgetting-backlit_lcd-0", "forgetting-hmi_table-0"])
def test_the_second_look_loses_nothing_the_first_pass_read(engine, name):
    image = make_screen(name, looks=[name.split("-")[1]]).image
    assert values(engine, image, False) <= values(engine, image, True)


def test_a_live_frame_is_looked_at_again_within_the_detectors_shapes(engine):
    """Live frames (640x480 from a camera) take the same path; the look's inputs are among the shapes
    warmed up, so a live session never meets a new one."""
    frame = make_screen("forgetting-clock_lcd-0", looks=["clock_lcd"]).image
    assert frame.shape[:2] == (480, 640)
    shapes = set(engine.detector.input_shapes())
    seen = []
    detect = engine.detector._infer
    engine.detector._infer = lambda batch: seen.append(batch.shape) or detect(batch)
    try:
        result = engine.read(frame)
    finally:
        engine.detector._infer = detect
    assert len(seen) >= 1 and set(seen) <= shapes and "look" in result.timings_ms
    assert display_region([np.array(b.points, np.float32) for b in result.boxes], 480, 640) is not None
