"""Plain result types of the OCR engine: what every other layer consumes."""
from __future__ import annotations

from dataclasses import dataclass, field

Point = tuple[float, float]


@dataclass(frozen=True)
class TextBox:
    """One detected and recognised text region.

    ``points`` are the four corners in image pixels, clockwise from top-left.
    """

    points: tuple[Point, Point, Point, Point]
    text: str
    score: float

    @property
    def x_min(self) -> float:
        return min(p[0] for p in self.points)

    @property
    def x_max(self) -> float:
        return max(p[0] for p in self.points)

    @property
    def y_min(self) -> float:
        return min(p[1] for p in self.points)

    @property
    def y_max(self) -> float:
        return max(p[1] for p in self.points)

    @property
    def height(self) -> float:
        return self.y_max - self.y_min

    @property
    def center(self) -> Point:
        return (sum(p[0] for p in self.points) / 4, sum(p[1] for p in self.points) / 4)

    def to_json(self) -> dict:
        return {
            "points": [[round(x, 1), round(y, 1)] for x, y in self.points],
            "text": self.text,
            "score": round(self.score, 4),
        }

    @classmethod
    def from_json(cls, data: dict) -> TextBox:
        (x0, y0), (x1, y1), (x2, y2), (x3, y3) = data["points"]
        points = ((float(x0), float(y0)), (float(x1), float(y1)), (float(x2), float(y2)), (float(x3), float(y3)))
        return cls(points=points, text=data["text"], score=float(data["score"]))


@dataclass
class OcrResult:
    """Everything the engine read from one image."""

    width: int
    height: int
    device: str
    model: str
    boxes: list[TextBox]
    timings_ms: dict[str, float] = field(default_factory=dict)

    @property
    def elapsed_ms(self) -> float:
        return sum(self.timings_ms.values())


class OcrError(Exception):
    """Base of the engine's errors: the message is meant for the user."""


class ImageError(OcrError):
    """An image could not be read (missing, not an image, truncated, too large)."""
