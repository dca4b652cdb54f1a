"""The ONNX weight reader: a hand-encoded model file (the protobuf wire format, as onnx writes it)."""
import numpy as np
import pytest

from desktop.core.models.errors import ModelError
from desktop.core.models.ppocrv6.onnx_weights import read_onnx


def varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte, value = value & 0x7F, value >> 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def field(number: int, payload: bytes) -> bytes:  # length-delimited
    return varint(number << 3 | 2) + varint(len(payload)) + payload


def number(number_: int, value: int) -> bytes:  # varint
    return varint(number_ << 3) + varint(value)


def tensor(name: str, array: np.ndarray, packed_dims: bool = True, raw: bool = True) -> bytes:
    dims = field(1, b"".join(varint(d) for d in array.shape)) if packed_dims else \
        b"".join(number(1, d) for d in array.shape)
    dtype = {np.float32: 1, np.int64: 7}[array.dtype.type]
    data = field(9, array.astype(array.dtype.newbyteorder("<")).tobytes()) if raw else \
        field(4, array.astype("<f4").tobytes())
    return dims + number(2, dtype) + field(8, name.encode()) + data


def model(*tensors: bytes, metadata: dict[str, str] | None = None) -> bytes:
    graph = field(1, b"node-bytes-ignored") + b"".join(field(5, t) for t in tensors)
    entries = b"".join(field(14, field(1, k.encode()) + field(2, v.encode())) for k, v in (metadata or {}).items())
    return number(1, 8) + field(7, graph) + entries


def test_reads_initializers_and_metadata(tmp_path):
    weights = np.arange(24, dtype=np.float32).reshape(2, 3, 4) / 7
    shape = np.array([1, -1, 48], np.int64)
    path = tmp_path / "m.onnx"
    path.write_bytes(model(tensor("conv.w_0", weights), tensor("shape", shape, packed_dims=False),
                           tensor("floats", weights[0], raw=False), metadata={"character": "a\nb\n℃"}))
    arrays, metadata = read_onnx(path)
    np.testing.assert_array_equal(arrays["conv.w_0"], weights)
    np.testing.assert_array_equal(arrays["shape"], shape)
    np.testing.assert_array_equal(arrays["floats"], weights[0])
    assert arrays["shape"].dtype == np.int64 and metadata == {"character": "a\nb\n℃"}


@pytest.mark.parametrize("damage", ["truncated", "empty", "garbage"])
def test_a_damaged_file_is_a_model_error_naming_it(tmp_path, damage):
    good = model(tensor("w", np.ones((4, 4), np.float32)))
    data = {"truncated": good[:-7], "empty": b"", "garbage": bytes(range(256)) * 3}[damage]
    path = tmp_path / "bad.onnx"
    path.write_bytes(data)
    with pytest.raises(ModelError, match="bad.onnx"):
        read_onnx(path)
