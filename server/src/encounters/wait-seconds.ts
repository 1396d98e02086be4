/** Wait time (DOMAIN.md) in whole seconds; minutes with one decimal are derived from it. */
export function waitSecondsBetween(checkedInAt: Date, calledAt: Date): number {
  return Math.round((calledAt.getTime() - checkedInAt.getTime()) / 1000);
}

/** The same, in SQL, for rows written before the column existed. */
export function backfillWaitSecondsSql(driver: string): string {
  const seconds =
    driver === 'postgres'
      ? 'ROUND(EXTRACT(EPOCH FROM (called_at - checked_in_at)))'
      : 'ROUND((julianday(called_at) - julianday(checked_in_at)) * 86400)';
  return `UPDATE encounter SET wait_seconds = CAST(${seconds} AS integer) WHERE called_at IS NOT NULL`;
}
