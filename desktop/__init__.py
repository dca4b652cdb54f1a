"""LCD Reader: reads instrument screens with PP-OCR."""
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("lcdreader")
except PackageNotFoundError:  # frozen bundle or source tree without install
    __version__ = "0.1.0"
