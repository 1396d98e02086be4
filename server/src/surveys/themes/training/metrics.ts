/** Counts for one label, and the figures eval:themes prints. */
export interface BinaryCounts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export function countBinary(actual: boolean[], predicted: boolean[]): BinaryCounts {
  const counts = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  actual.forEach((isActual, i) => {
    if (isActual && predicted[i]) counts.truePositives++;
    else if (predicted[i]) counts.falsePositives++;
    else if (isActual) counts.falseNegatives++;
  });
  return counts;
}

export function precisionRecallF1(counts: BinaryCounts): { precision: number; recall: number; f1: number; support: number } {
  const { truePositives: tp, falsePositives: fp, falseNegatives: fn } = counts;
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, support: tp + fn };
}

/** The threshold on a probability that gives the best F1 (ties: the lower threshold). */
export function bestThreshold(probabilities: number[], actual: boolean[]): { threshold: number; f1: number } {
  let best = { threshold: 0.5, f1: -1 };
  for (let threshold = 0.05; threshold < 0.951; threshold += 0.025) {
    const { f1 } = precisionRecallF1(countBinary(actual, probabilities.map((p) => p >= threshold)));
    if (f1 > best.f1) best = { threshold: Number(threshold.toFixed(3)), f1 };
  }
  return best;
}
