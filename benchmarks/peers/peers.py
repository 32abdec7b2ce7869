"""netc's peers on the five workloads of docs/performance.md, timed in this process with one thread count.

PyTorch (torch.nn, as its tutorials write a model) and NumPy in the style of the digits write-up (matmul, ReLU,
stable softmax, backpropagation by matmul, in-place updates), both in float32 as netc computes. The shapes, batch
sizes and learning rates are those of the JMH benchmarks in benchmarks/src/main/java/dev/netc/benchmarks:

  iris               4-8(tanh)-8(relu)-3(softmax), one sample per call, inference
  digits-train-sgd   784-512(relu)-256(relu)-128(relu)-10(softmax), one step on a batch of 32, SGD lr 0.01
  digits-train-adam  the same with Adam (lr 0.001, PyTorch's defaults)
  digits-infer-256   the digits network, inference on a batch of 256
  digits-infer-1     the digits network, inference on one sample

Each workload is warmed up, then timed in rounds; the result is the median speed of the rounds, in samples per
second. Data are random (the time of a dense layer does not depend on the values), from fixed seeds.

Usage: /usr/bin/python3 peers.py --threads N --out FILE.json [--quick]
The thread count applies to PyTorch's intra-op pool and to the BLAS (OpenMP and OpenBLAS variables are set before
either library is loaded). benchmarks/peers/run calls this once per thread count.
"""

import argparse
import json
import os
import statistics
import sys
import time


def parse_arguments():
    parser = argparse.ArgumentParser(description="Time netc's peers (PyTorch, NumPy) on netc's benchmark workloads.")
    parser.add_argument("--threads", type=int, required=True, help="intra-op and BLAS threads")
    parser.add_argument("--out", required=True, help="JSON file to write the medians to")
    parser.add_argument("--quick", action="store_true", help="short warm-up and few rounds, to check the script")
    return parser.parse_args()


ARGS = parse_arguments()
for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[variable] = str(ARGS.threads)

try:
    import numpy as np
    import torch
except ImportError as missing:
    sys.exit(f"peers.py: {missing.name} is not installed for {sys.executable}; "
             "install Debian's packages: apt-get install python3-torch python3-numpy libopenblas0-pthread")

WARMUP_SECONDS = 0.5 if ARGS.quick else 3.0
ROUNDS = 3 if ARGS.quick else 10
ROUND_SECONDS = 0.3 if ARGS.quick else 1.0

DIGITS = [784, 512, 256, 128, 10]
IRIS = [4, 8, 8, 3]
BATCHES = 16


def measure(call, samples_per_call):
    """Median samples per second of `call` over timed rounds, after a warm-up."""
    end = time.perf_counter() + WARMUP_SECONDS
    calls = 0
    while time.perf_counter() < end or calls < 2:
        call()
        calls += 1
    start = time.perf_counter()
    call()
    per_call = max(time.perf_counter() - start, 1e-7)
    calls_per_round = max(1, int(ROUND_SECONDS / per_call))
    speeds = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        for _ in range(calls_per_round):
            call()
        speeds.append(calls_per_round * samples_per_call / (time.perf_counter() - start))
    return statistics.median(speeds)


def batches(rng, batch, inputs, classes):
    """BATCHES batches of random pixels in [0, 1) and random class indices."""
    xs = [rng.random((batch, inputs), dtype=np.float32) for _ in range(BATCHES)]
    ys = [rng.integers(0, classes, size=batch) for _ in range(BATCHES)]
    return xs, ys


# ---------------------------------------------------------------- PyTorch

def torch_model(sizes, hidden):
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(torch.nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2:
            layers.append(hidden[i]())
    layers.append(torch.nn.Softmax(dim=1))
    return torch.nn.Sequential(*layers)


def torch_inference(sizes, hidden, batch, seed):
    torch.manual_seed(seed)
    model = torch_model(sizes, hidden).eval()
    x = torch.rand(batch, sizes[0])

    def call():
        with torch.inference_mode():
            return model(x)

    return measure(call, batch)


def torch_training(optimizer_name, seed):
    torch.manual_seed(seed)
    model = torch_model(DIGITS, [torch.nn.ReLU] * 3)[:-1]  # logits: CrossEntropyLoss applies the softmax
    loss_function = torch.nn.CrossEntropyLoss()
    if optimizer_name == "sgd":
        optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    else:
        optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    xs, ys = batches(np.random.default_rng(seed), 32, DIGITS[0], DIGITS[-1])
    xs = [torch.from_numpy(x) for x in xs]
    ys = [torch.from_numpy(y) for y in ys]
    step = [0]

    def call():
        b = step[0] % BATCHES
        step[0] += 1
        optimizer.zero_grad(set_to_none=True)
        loss = loss_function(model(xs[b]), ys[b])
        loss.backward()
        optimizer.step()
        return loss

    return measure(call, 32)


# ---------------------------------------------------------------- NumPy, in the style of the digits write-up

def relu(z):
    return np.maximum(0, z)


def safe_softmax(z):
    shifted_z = z - np.max(z, keepdims=True, axis=1)
    e_z = np.exp(shifted_z)
    return e_z / np.sum(e_z, keepdims=True, axis=1)


def he_parameters(sizes, rng):
    W = [(rng.standard_normal((sizes[i], sizes[i + 1])) * np.sqrt(2.0 / sizes[i])).astype(np.float32)
         for i in range(len(sizes) - 1)]
    B = [np.zeros((1, sizes[i + 1]), dtype=np.float32) for i in range(len(sizes) - 1)]
    return W, B


def forward_prop(X, W, B, hidden):
    """The write-up's forward_prop_multiclass, with hidden[i] the activation of hidden layer i."""
    z, a = [], []
    curr_a_i = X
    for i in range(len(W)):
        z_i = np.matmul(curr_a_i, W[i]) + B[i]
        z.append(z_i)
        if i != len(W) - 1:
            curr_a_i = hidden[i](z_i)
            a.append(curr_a_i)
        else:
            a.append(safe_softmax(z_i))
    return z, a


def gradients(X, y, W, a, z):
    """The write-up's backward_prop_multiclass, returning the gradients instead of applying them."""
    m = y.shape[0]
    dW, dB = [None] * len(W), [None] * len(W)
    prev_delta = None
    for i in range(len(W) - 1, -1, -1):
        if i == len(W) - 1:
            delta = a[i] - y
        else:
            delta = np.matmul(prev_delta, W[i + 1].T) * (z[i] > 0).astype(np.float32)
        inputs = X if i == 0 else a[i - 1]
        dW[i] = np.matmul(inputs.T, delta * np.float32(1 / m))
        dB[i] = np.mean(delta, keepdims=True, axis=0)
        prev_delta = delta
    return dW, dB


def numpy_inference(sizes, hidden, batch, seed):
    rng = np.random.default_rng(seed)
    W, B = he_parameters(sizes, rng)
    X = rng.random((batch, sizes[0]), dtype=np.float32)
    return measure(lambda: forward_prop(X, W, B, hidden)[1][-1], batch)


def numpy_training(optimizer_name, seed):
    rng = np.random.default_rng(seed)
    W, B = he_parameters(DIGITS, rng)
    xs, labels = batches(rng, 32, DIGITS[0], DIGITS[-1])
    ys = [np.eye(DIGITS[-1], dtype=np.float32)[label] for label in labels]
    parameters = W + B
    alpha = np.float32(0.01 if optimizer_name == "sgd" else 1e-3)
    beta1, beta2, epsilon = np.float32(0.9), np.float32(0.999), np.float32(1e-8)
    m = [np.zeros_like(p) for p in parameters]
    v = [np.zeros_like(p) for p in parameters]
    step = [0]

    def call():
        b = step[0] % BATCHES
        step[0] += 1
        z, a = forward_prop(xs[b], W, B, [relu] * 3)
        dW, dB = gradients(xs[b], ys[b], W, a, z)
        if optimizer_name == "sgd":
            for i in range(len(W)):
                W[i] -= dW[i] * alpha
                B[i] -= dB[i] * alpha
            return
        t = step[0]
        step_size = np.float32(alpha / (1 - 0.9 ** t))
        correction2_root = np.float32(np.sqrt(1 - 0.999 ** t))
        for p, g, m_p, v_p in zip(parameters, dW + dB, m, v):
            m_p *= beta1
            m_p += (1 - beta1) * g
            v_p *= beta2
            v_p += (1 - beta2) * g * g
            p -= step_size * m_p / (np.sqrt(v_p) / correction2_root + epsilon)

    return measure(call, 32)


def blas_library():
    """The BLAS shared library this process loaded (NumPy's and PyTorch's), read from /proc/self/maps."""
    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            paths = {line.split()[-1] for line in maps if "blas" in line.lower() and "/" in line}
    except OSError:
        return "unknown"
    return ", ".join(sorted(os.path.realpath(p) for p in paths)) or "none found"


def main():
    torch.set_num_threads(ARGS.threads)
    results = []

    def record(workload, peer, speed):
        results.append({"workload": workload, "peer": peer, "samples_per_second": speed})
        print(f"  {workload:18} {peer:8} {ARGS.threads} thread(s): {speed:14,.0f} samples/s", flush=True)

    iris_hidden_torch = [torch.nn.Tanh, torch.nn.ReLU]
    digits_hidden_torch = [torch.nn.ReLU] * 3
    record("iris", "PyTorch", torch_inference(IRIS, iris_hidden_torch, 1, 1))
    record("iris", "NumPy", numpy_inference(IRIS, [np.tanh, relu], 1, 1))
    for name in ("sgd", "adam"):
        record(f"digits-train-{name}", "PyTorch", torch_training(name, 2))
        record(f"digits-train-{name}", "NumPy", numpy_training(name, 2))
    for batch in (256, 1):
        record(f"digits-infer-{batch}", "PyTorch", torch_inference(DIGITS, digits_hidden_torch, batch, 3))
        record(f"digits-infer-{batch}", "NumPy", numpy_inference(DIGITS, [relu] * 3, batch, 3))
    report = {
        "threads": ARGS.threads,
        "torch_version": torch.__version__,
        "numpy_version": np.__version__,
        "torch_threads": torch.get_num_threads(),
        "blas": blas_library(),
        "results": results,
    }
    with open(ARGS.out, "w", encoding="utf-8") as out:
        json.dump(report, out, indent=2)
        out.write("\n")
    print(f"  PyTorch {torch.__version__}, NumPy {np.__version__}, BLAS {report['blas']}")


if __name__ == "__main__":
    main()
