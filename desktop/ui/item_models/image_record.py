"""What the UI knows about one image of the session (plain data)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ImageRecord:
    image_id: int
    name: str
    source: str                      # file | folder | drop | clipboard | camera
    path: str | None = None
    status: str = "queued"           # queued | reading | done | error
    error: str | None = None
    boxes: list = field(default_factory=list)      # list[TextBox]
    readings: list = field(default_factory=list)   # list[Reading]
    width: int = 0
    height: int = 0
    device: str = ""
    model: str = ""
    elapsed_ms: float = 0.0
    corrections: int = 0
