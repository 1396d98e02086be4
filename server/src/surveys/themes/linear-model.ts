import { deflateSync, inflateSync } from 'node:zlib';
import type { SparseVector } from './hashed-features';

/**
 * A linear model over hashed features, one weight row per label. Stored quantised to 8 bits per
 * weight (with one scale per label) and deflated: most of the 2^hashBits rows are near zero, so the
 * file stays far below a megabyte while the scores move by < 1% of a weight.
 */
export interface LinearHead {
  labels: string[];
  bias: number[];
  weights: Float32Array[];
}

export interface StoredHead {
  labels: string[];
  bias: number[];
  /** Per label: weight = int8 × scale. */
  scales: number[];
  /** base64 of the deflated int8 rows, label after label. */
  weights: string;
}

export function scoreHead(head: LinearHead, vector: SparseVector): number[] {
  return head.weights.map((row, label) => {
    let sum = 0;
    for (let i = 0; i < vector.indices.length; i++) sum += row[vector.indices[i]] * vector.values[i];
    return head.bias[label] + sum;
  });
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export function softmax(scores: number[]): number[] {
  const max = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

export function storeHead(head: LinearHead): StoredHead {
  const size = head.weights[0]?.length ?? 0;
  const bytes = new Int8Array(size * head.labels.length);
  const scales = head.weights.map((row, label) => {
    const max = row.reduce((m, w) => Math.max(m, Math.abs(w)), 0);
    const scale = max > 0 ? max / 127 : 1;
    for (let i = 0; i < size; i++) bytes[label * size + i] = Math.round(row[i] / scale);
    return round(scale);
  });
  return {
    labels: head.labels,
    bias: head.bias.map(round),
    scales,
    weights: deflateSync(Buffer.from(bytes.buffer), { level: 9 }).toString('base64'),
  };
}

export function loadHead(stored: StoredHead, hashBits: number): LinearHead {
  const size = 1 << hashBits;
  const raw = inflateSync(Buffer.from(stored.weights, 'base64'));
  if (raw.length !== size * stored.labels.length) throw new Error('Theme model weights do not match their size');
  const bytes = new Int8Array(raw.buffer, raw.byteOffset, raw.length);
  const weights = stored.labels.map((_label, label) => {
    const row = new Float32Array(size);
    for (let i = 0; i < size; i++) row[i] = bytes[label * size + i] * stored.scales[label];
    return row;
  });
  return { labels: stored.labels, bias: stored.bias, weights };
}

/** Six significant digits keep the JSON file short and its diffs readable. */
function round(value: number): number {
  return Number(value.toPrecision(6));
}
