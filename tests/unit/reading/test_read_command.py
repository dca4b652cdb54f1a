"""`lcdreader read` reads with the image size, so template regions work in the CLI as in the app."""
import cv2
import numpy as np

from desktop.commands.read import read_one
from desktop.core.ocr.types import OcrResult
from desktop.core.reading import load_template


class BoxesEngine:
    """Returns fixed boxes for any image, with the image's real size."""

    def __init__(self, boxes):
        self.boxes = boxes

    def read(self, image):
        return OcrResult(width=image.shape[1], height=image.shape[0], device="cpu", model="fixed", boxes=self.boxes)


def test_read_one_uses_template_regions_and_marks_the_main_value(tmp_path, box):
    image = tmp_path / "screen.png"
    cv2.imwrite(str(image), np.zeros((200, 200, 3), np.uint8))
    template = tmp_path / "dual.yaml"
    template.write_text("fields:\n  - {key: 温度, unit: ℃, region: [0, 0, 1, 0.5]}\n"
                        "  - {key: 湿度, unit: '%RH', region: [0, 0.5, 1, 1]}\n", encoding="utf-8")
    engine = BoxesEngine([box(10, 120, 100, 50, "45.2"), box(10, 10, 100, 60, "23.5")])
    record = read_one(engine, image, load_template(str(template)))
    readings = [(r["key"], r["value"], r["unit"], r["primary"]) for r in record["readings"]]
    assert readings == [("温度", "23.5", "℃", True), ("湿度", "45.2", "%RH", False)]
