import type { SparseVector } from '../hashed-features';
import { sigmoid } from '../linear-model';

/**
 * Logistic regression by AdaGrad SGD over sparse hashed vectors. Deterministic: examples are
 * visited in an order shuffled by a seeded generator, so the same rows give the same model.
 */
export interface TrainingOptions {
  hashBits: number;
  epochs: number;
  learningRate: number;
  /** L2 penalty, applied to the weights an example touches. */
  l2: number;
  seed: number;
  /** Positives weigh (negatives / positives)^this: 0 = plain, 0.5 helps themes with few examples. */
  positiveBalance: number;
}

export const DEFAULT_TRAINING: TrainingOptions = { hashBits: 18, epochs: 12, learningRate: 0.3, l2: 1e-6, seed: 13, positiveBalance: 0 };

/** Binary model: y[i] is 1 when example i has the label. */
export function trainBinary(vectors: SparseVector[], y: Uint8Array, options: TrainingOptions): { weights: Float32Array; bias: number } {
  const size = 1 << options.hashBits;
  const weights = new Float32Array(size);
  const squares = new Float32Array(size);
  let bias = 0;
  let biasSquares = 0;
  const positives = y.reduce((sum, label) => sum + label, 0);
  const positiveWeight = positives > 0 ? ((y.length - positives) / positives) ** options.positiveBalance : 1;
  for (const i of visitingOrder(vectors.length, options)) {
    const vector = vectors[i];
    let score = bias;
    for (let k = 0; k < vector.indices.length; k++) score += weights[vector.indices[k]] * vector.values[k];
    const gradient = (sigmoid(score) - y[i]) * (y[i] ? positiveWeight : 1);
    biasSquares += gradient * gradient;
    bias -= (options.learningRate * gradient) / Math.sqrt(biasSquares + 1e-8);
    for (let k = 0; k < vector.indices.length; k++) {
      const index = vector.indices[k];
      const g = gradient * vector.values[k] + options.l2 * weights[index];
      squares[index] += g * g;
      weights[index] -= (options.learningRate * g) / Math.sqrt(squares[index] + 1e-8);
    }
  }
  return { weights, bias };
}

/** Multinomial (softmax) model: y[i] is the class index of example i. */
export function trainSoftmax(
  vectors: SparseVector[],
  y: Uint8Array,
  classes: number,
  options: TrainingOptions,
): { weights: Float32Array[]; bias: number[] } {
  const size = 1 << options.hashBits;
  const weights = Array.from({ length: classes }, () => new Float32Array(size));
  const squares = Array.from({ length: classes }, () => new Float32Array(size));
  const bias = new Array<number>(classes).fill(0);
  const biasSquares = new Array<number>(classes).fill(0);
  for (const i of visitingOrder(vectors.length, options)) {
    const vector = vectors[i];
    const scores = weights.map((row, c) => {
      let score = bias[c];
      for (let k = 0; k < vector.indices.length; k++) score += row[vector.indices[k]] * vector.values[k];
      return score;
    });
    const max = Math.max(...scores);
    const exps = scores.map((s) => Math.exp(s - max));
    const total = exps.reduce((a, b) => a + b, 0);
    for (let c = 0; c < classes; c++) {
      const gradient = exps[c] / total - (y[i] === c ? 1 : 0);
      biasSquares[c] += gradient * gradient;
      bias[c] -= (options.learningRate * gradient) / Math.sqrt(biasSquares[c] + 1e-8);
      const row = weights[c];
      const rowSquares = squares[c];
      for (let k = 0; k < vector.indices.length; k++) {
        const index = vector.indices[k];
        const g = gradient * vector.values[k] + options.l2 * row[index];
        rowSquares[index] += g * g;
        row[index] -= (options.learningRate * g) / Math.sqrt(rowSquares[index] + 1e-8);
      }
    }
  }
  return { weights, bias };
}

/** Every example once per epoch, each epoch in its own seeded shuffle. */
function* visitingOrder(count: number, options: TrainingOptions): Generator<number> {
  const random = mulberry32(options.seed);
  const order = Array.from({ length: count }, (_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    yield* order;
  }
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
