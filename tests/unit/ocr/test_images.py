"""Image decoding: every odd file a technician may open gives BGR uint8 or a clear ImageError."""
import io

import numpy as np
import pytest
from PIL import Image

from desktop.core.ocr.images import MAX_PIXELS, decode_image_bytes, find_images, load_image
from desktop.core.ocr.types import ImageError


def png_bytes(image: Image.Image, **kwargs) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=kwargs.pop("format", "PNG"), **kwargs)
    return buffer.getvalue()


def test_rgb_png_becomes_bgr():
    data = png_bytes(Image.new("RGB", (4, 3), (255, 0, 0)))
    array = decode_image_bytes(data, "red.png")
    assert array.shape == (3, 4, 3) and array.dtype == np.uint8
    assert tuple(array[0, 0]) == (0, 0, 255)


def test_grayscale_png_gets_three_channels():
    array = decode_image_bytes(png_bytes(Image.new("L", (5, 5), 128)), "grey.png")
    assert array.shape == (5, 5, 3) and (array == 128).all()


def test_rgba_transparent_pixels_become_white():
    array = decode_image_bytes(png_bytes(Image.new("RGBA", (2, 2), (0, 0, 0, 0))), "alpha.png")
    assert (array == 255).all()


def test_16_bit_png_is_stretched_to_8_bit():
    values = np.array([[0, 1000], [2000, 4000]], dtype=np.uint16)
    array = decode_image_bytes(png_bytes(Image.fromarray(values)), "deep.png")
    assert array.dtype == np.uint8
    assert array[0, 0, 0] == 0 and array[1, 1, 0] == 255


def test_exif_rotation_is_applied():
    image = Image.new("RGB", (40, 20), (10, 20, 30))
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90 degrees clockwise to display
    array = decode_image_bytes(png_bytes(image, format="JPEG", exif=exif), "phone.jpg")
    assert array.shape[:2] == (40, 20)


def test_non_ascii_path(tmp_path):
    path = tmp_path / "大气压 屏幕.png"
    path.write_bytes(png_bytes(Image.new("RGB", (8, 8))))
    assert load_image(path).shape == (8, 8, 3)


@pytest.mark.parametrize(
    "content, cause",
    [(b"", "empty"), (b"this is a text file", "not an image"), ],
)
def test_bad_bytes_name_the_file_and_cause(tmp_path, content, cause):
    path = tmp_path / "bad.png"
    path.write_bytes(content)
    with pytest.raises(ImageError, match=rf"bad\.png.*{cause}"):
        load_image(path)


def test_truncated_png(tmp_path):
    data = png_bytes(Image.effect_noise((200, 200), 50).convert("RGB"))
    path = tmp_path / "cut.png"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ImageError, match="cut.png.*(damaged|truncated)"):
        load_image(path)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ImageError, match="not found"):
        load_image(tmp_path / "nope.png")
    with pytest.raises(ImageError, match="folder"):
        load_image(tmp_path)


def test_huge_image_is_refused_before_decoding():
    side = 20000
    assert side * side > MAX_PIXELS
    # A 1-bit 20000 x 20000 PNG is tiny on disk; decoding it as RGB would need 1.2 GB.
    data = png_bytes(Image.new("1", (side, side)), optimize=True)
    with pytest.raises(ImageError, match="huge.png: image is too large"):
        decode_image_bytes(data, "huge.png")


def test_large_image_over_our_limit_names_its_size():
    data = png_bytes(Image.new("1", (10000, 7000)), optimize=True)
    with pytest.raises(ImageError, match="too large.*10000 x 7000"):
        decode_image_bytes(data, "big.png")


def test_find_images_recurses_and_keeps_named_files(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("b.png", "a.jpg", "sub/c.PNG", "notes.txt"):
        (tmp_path / name).write_bytes(b"x")
    found = find_images([str(tmp_path), str(tmp_path / "notes.txt")])
    assert [p.name for p in found] == ["a.jpg", "b.png", "c.PNG", "notes.txt"]
