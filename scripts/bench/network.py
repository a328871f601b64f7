#!/usr/bin/python3
"""The network benchmark's reference: the same dense network trained in numpy (float32), with
the same epochs, batch size, optimiser (Adam: lr, beta1 0.9, beta2 0.999, epsilon 1e-7 as
tfjs) and per-epoch work as fitbook's session (mini-batch steps in a seeded random order, then
the log loss and accuracy on all rows). Called by scripts/bench/network.mjs once per sample:

  /usr/bin/python3 scripts/bench/network.py DATA ROWS COLS HIDDEN ACTIVATION BATCH EPOCHS LR

DATA: little-endian float32, ROWS x COLS inputs row-major, then ROWS 0/1 targets.
HIDDEN: units per hidden layer, comma-separated ("8,8"). Prints one JSON line:
{"ms": training time, "loss": final log loss, "accuracy": final accuracy}.
"""
import json
import sys
import time

import numpy as np


def act(name, z):
    if name == "relu":
        return np.maximum(z, 0)
    if name == "tanh":
        return np.tanh(z)
    if name == "sigmoid":
        return 1 / (1 + np.exp(-z))
    return z


def act_grad(name, a):
    """Derivative of the activation, from its output a."""
    if name == "relu":
        return (a > 0).astype(a.dtype)
    if name == "tanh":
        return 1 - a * a
    if name == "sigmoid":
        return a * (1 - a)
    return np.ones_like(a)


def init(rng, widths, activation):
    params = []
    for i in range(len(widths) - 1):
        fan_in, fan_out = widths[i], widths[i + 1]
        hidden = i < len(widths) - 2
        if hidden and activation == "relu":
            W = rng.normal(0, np.sqrt(2 / fan_in), (fan_in, fan_out))  # He normal
        else:
            limit = np.sqrt(6 / (fan_in + fan_out))  # Glorot uniform
            W = rng.uniform(-limit, limit, (fan_in, fan_out))
        params += [W.astype(np.float32), np.zeros(fan_out, np.float32)]
    return params


def forward(params, x, activation):
    outs = [x]
    h = x
    layers = len(params) // 2
    for i in range(layers):
        z = h @ params[2 * i] + params[2 * i + 1]
        h = act(activation, z) if i < layers - 1 else z
        outs.append(h)
    return outs


def loss_and_accuracy(params, X, y, activation):
    z = forward(params, X, activation)[-1][:, 0]
    loss = np.mean(np.logaddexp(0, z) - y * z)
    return float(loss), float(np.mean((z > 0) == (y > 0.5)))


def main():
    path, rows, cols, hidden, activation, batch, epochs, lr = sys.argv[1:9]
    rows, cols, batch, epochs, lr = int(rows), int(cols), int(batch), int(epochs), float(lr)
    raw = np.fromfile(path, dtype="<f4")
    X = raw[: rows * cols].reshape(rows, cols)
    y = raw[rows * cols : rows * cols + rows]
    widths = [cols] + [int(u) for u in hidden.split(",") if u] + [1]
    rng = np.random.default_rng(1)
    params = init(rng, widths, activation)
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    b1, b2, eps = 0.9, 0.999, 1e-7
    t = 0
    start = time.perf_counter()
    for _ in range(epochs):
        order = rng.permutation(rows)
        for s in range(0, rows, batch):
            idx = order[s : s + batch]
            xb, yb = X[idx], y[idx]
            outs = forward(params, xb, activation)
            z = outs[-1]
            # d(mean log loss)/dz = (sigmoid(z) - y) / n
            delta = (1 / (1 + np.exp(-z)) - yb[:, None]) / len(idx)
            grads = [None] * len(params)
            for i in reversed(range(len(params) // 2)):
                grads[2 * i] = outs[i].T @ delta
                grads[2 * i + 1] = delta.sum(axis=0)
                if i > 0:
                    delta = (delta @ params[2 * i].T) * act_grad(activation, outs[i])
            t += 1
            for k, g in enumerate(grads):
                m[k] = b1 * m[k] + (1 - b1) * g
                v[k] = b2 * v[k] + (1 - b2) * g * g
                mhat = m[k] / (1 - b1**t)
                vhat = v[k] / (1 - b2**t)
                params[k] -= (lr * mhat / (np.sqrt(vhat) + eps)).astype(np.float32)
        loss, accuracy = loss_and_accuracy(params, X, y, activation)
    ms = (time.perf_counter() - start) * 1000
    print(json.dumps({"ms": ms, "loss": loss, "accuracy": accuracy}))


if __name__ == "__main__":
    main()
