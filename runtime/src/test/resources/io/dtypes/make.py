#!/usr/bin/env python3
"""Writes the safetensors files of SafetensorsDtypesTest and the floats each must load as.

The XOR network of io/specs/xor.yaml as an nn.Sequential (0.weight [2, 3], 0.bias [2], 2.weight [1, 2], 2.bias [1])
in F16, BF16 and F64, with NumPy's conversions as the expected float32 values: numpy.float16 -> float32 for F16,
the upper 16 bits of a float32 for BF16 (rounded to nearest even, as torch.bfloat16 rounds), float64 -> float32
(rounded to nearest even) for F64. The values include zeros of both signs, a subnormal half, the largest half and
values that F16 and BF16 must round.

Run from this directory: python3 make.py (NumPy only; no PyTorch or safetensors package needed).
"""
import json
import struct

import numpy as np

SHAPES = [("0.weight", [2, 3]), ("0.bias", [2]), ("2.weight", [1, 2]), ("2.bias", [1])]
VALUES = np.array([0.0, -0.0, 1.0, -2.5, 3.0e-6, 65504.0, 0.1, -1.0 / 3.0, 1234.5678, 7.0e-8, -0.2], dtype=np.float64)


def bf16_bits(values):
    bits = values.astype(np.float32).view(np.uint32).astype(np.uint64)
    rounded = (bits + 0x7FFF + ((bits >> 16) & 1)) >> 16
    return rounded.astype(np.uint16)


def encode(dtype):
    if dtype == "F16":
        stored = VALUES.astype(np.float16)
        return stored.astype("<f2").tobytes(), stored.astype(np.float32)
    if dtype == "BF16":
        bits = bf16_bits(VALUES)
        return bits.astype("<u2").tobytes(), (bits.astype(np.uint32) << 16).view(np.float32)
    if dtype == "F64":
        return VALUES.astype("<f8").tobytes(), VALUES.astype(np.float32)
    raise ValueError(dtype)


def write(dtype):
    data, expected = encode(dtype)
    size = len(data) // len(VALUES)
    header, offset, at = {}, 0, 0
    for name, shape in SHAPES:
        count = int(np.prod(shape))
        header[name] = {"dtype": dtype, "shape": shape, "data_offsets": [offset, offset + count * size]}
        offset += count * size
        at += count
    text = json.dumps(header, separators=(",", ":"))
    text += " " * (-(len(text)) % 8)
    with open("xor-" + dtype.lower() + ".safetensors", "wb") as out:
        out.write(struct.pack("<Q", len(text)) + text.encode("utf-8") + data)
    return [float(v) for v in expected]


if __name__ == "__main__":
    expected = {dtype: write(dtype) for dtype in ("F16", "BF16", "F64")}
    with open("expected.json", "w") as out:
        json.dump(expected, out, indent=1)
        out.write("\n")
