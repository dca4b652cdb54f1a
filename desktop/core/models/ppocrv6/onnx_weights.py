"""Read the weights and metadata out of an ONNX file, with nothing but numpy.

An ONNX model is one protobuf message. We need two parts of it: the graph's initializers (the
weights) and ``metadata_props`` (where PP-OCRv6's recogniser keeps its character list). Reading the
wire format directly avoids a runtime dependency on the ``onnx`` package for a few dozen lines,
and reads data only: nothing in the file can run code.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

from desktop.core.models.errors import ModelError

# field numbers from onnx.proto
MODEL_GRAPH, MODEL_METADATA = 7, 14
GRAPH_INITIALIZER = 5
TENSOR_DIMS, TENSOR_DATA_TYPE, TENSOR_FLOAT_DATA, TENSOR_INT64_DATA, TENSOR_NAME, TENSOR_RAW_DATA = 1, 2, 4, 7, 8, 9
ENTRY_KEY, ENTRY_VALUE = 1, 2
DTYPES = {1: np.float32, 6: np.int32, 7: np.int64, 10: np.float16, 11: np.float64}
VARINT, FIXED64, LENGTH_DELIMITED, FIXED32 = 0, 1, 2, 5


def _varint(data: memoryview, pos: int) -> tuple[int, int]:
    result = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        if byte < 0x80:
            return result, pos
        shift += 7


def _fields(data: memoryview):
    """(field number, wire type, value) of one message; a length-delimited value is a memoryview."""
    pos, end = 0, len(data)
    while pos < end:
        key, pos = _varint(data, pos)
        number, wire = key >> 3, key & 7
        if wire == VARINT:
            value, pos = _varint(data, pos)
        elif wire == LENGTH_DELIMITED:
            size, pos = _varint(data, pos)
            value, pos = data[pos:pos + size], pos + size
        elif wire in (FIXED64, FIXED32):
            size = 8 if wire == FIXED64 else 4
            value, pos = data[pos:pos + size], pos + size
        else:
            raise ValueError(f"unsupported protobuf wire type {wire}")
        if pos > end:
            raise ValueError("truncated message")
        yield number, wire, value


def _integers(wire: int, value) -> list[int]:
    """A repeated integer field's values: one varint, or a packed run of them."""
    if wire != LENGTH_DELIMITED:
        return [value]
    values, pos = [], 0
    while pos < len(value):
        number, pos = _varint(value, pos)
        values.append(number)
    return values


def _tensor(data: memoryview) -> tuple[str, np.ndarray]:
    name, dims, dtype, raw, floats, ints = "", [], 1, None, [], []
    for number, wire, value in _fields(data):
        if number == TENSOR_DIMS:
            dims += _integers(wire, value)
        elif number == TENSOR_DATA_TYPE:
            dtype = value
        elif number == TENSOR_NAME:
            name = bytes(value).decode("utf-8")
        elif number == TENSOR_RAW_DATA:
            raw = bytes(value)
        elif number == TENSOR_FLOAT_DATA:
            floats.append(np.frombuffer(value, "<f4"))  # packed or one fixed32: the same bytes
        elif number == TENSOR_INT64_DATA:
            ints += _integers(wire, value)
    if dtype not in DTYPES:
        raise ValueError(f"initializer {name}: unsupported data type {dtype}")
    if raw is not None:
        array = np.frombuffer(raw, np.dtype(DTYPES[dtype]).newbyteorder("<"))
    elif floats:
        array = np.concatenate(floats)
    else:
        array = np.array(ints, DTYPES[dtype])
    return name, array.reshape(dims).astype(DTYPES[dtype], copy=True)


def read_onnx(path: Path) -> tuple[dict[str, np.ndarray], dict[str, str]]:
    """(initializer name -> array, metadata key -> value) of one ONNX file; a ModelError if it is damaged."""
    try:
        data = memoryview(Path(path).read_bytes())
        weights, metadata = {}, {}
        for number, _wire, value in _fields(data):
            if number == MODEL_GRAPH:
                for field, _w, item in _fields(value):
                    if field == GRAPH_INITIALIZER:
                        name, array = _tensor(item)
                        weights[name] = array
            elif number == MODEL_METADATA:
                entry = {field: bytes(item).decode("utf-8") for field, _w, item in _fields(value)}
                metadata[entry.get(ENTRY_KEY, "")] = entry.get(ENTRY_VALUE, "")
    except (OSError, ValueError, IndexError, UnicodeDecodeError) as exc:
        raise ModelError(f"{path}: not a readable ONNX model ({type(exc).__name__}: {exc})") from exc
    if not weights:
        raise ModelError(f"{path}: an ONNX model without weights")
    return weights, metadata
