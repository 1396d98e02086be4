/*
 * The generating model of Huifang's synthetic data (the demo and the benchmark), written down so the
 * early-warning evaluation (`npm run eval:phases`) means something on it (issue #14, item 5):
 *
 * 1. Every patient has a latent loyalty L in [0, 1), fixed for life (`syntheticLoyalty`, from their id).
 * 2. A visit's experience is its wait: waits are log-normal per department, longer on Monday mornings.
 * 3. Satisfaction follows the experience and the patient: CSAT falls with long waits and rises with L;
 *    NPS follows CSAT (each generator's survey answers).
 * 4. Whether the patient comes back for an expected return (`syntheticReturnChance`) falls with a
 *    low L, with a long wait at the visit that set it, and with a long interval (the rhythm): a loyal
 *    patient with short waits on a monthly rhythm nearly always returns; an unloyal one after an hour's
 *    wait on a three-month rhythm often does not.
 * Nothing else decides who stays: so a model that sees visits, waits and answers can predict it, and
 * one that sees none cannot.
 */

/** `app_setting` key the generators set ('demo' or 'benchmark'): evaluations over the data say it is synthetic. */
export const SYNTHETIC_DATA_KEY = 'data.synthetic';

/** A patient's latent loyalty in [0, 1), from their id (the same in every generator and run). */
export function syntheticLoyalty(patientId: number): number {
  let h = (patientId * 2654435761) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 2246822507) >>> 0;
  h ^= h >>> 13;
  return (h >>> 0) / 4294967296;
}

/** How much a patient's loyalty lifts their satisfaction on a 1-5 scale (-1 … +1). */
export function syntheticSatisfactionShift(patientId: number): number {
  return 2 * syntheticLoyalty(patientId) - 1;
}

/** The chance the patient keeps an expected return set at a visit with this wait, `intervalDays` ahead. */
export function syntheticReturnChance(patientId: number, waitMinutes: number, intervalDays: number): number {
  const loyalty = syntheticLoyalty(patientId);
  const waitPenalty = waitMinutes >= 60 ? 0.25 : waitMinutes >= 40 ? 0.12 : waitMinutes >= 25 ? 0.04 : 0;
  const rhythmPenalty = Math.min(0.15, Math.max(0, intervalDays - 14) * 0.002);
  return Math.min(0.99, Math.max(0.2, 0.99 - 0.35 * (1 - loyalty) ** 2 - waitPenalty - rhythmPenalty));
}
