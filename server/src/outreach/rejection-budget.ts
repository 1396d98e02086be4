/**
 * How many rejected receipts per source address per minute are written to the audit log. The
 * receipts route is open to the internet (the HMAC is its authentication): without a budget, anyone
 * could fill the audit log with "rejected" entries. Beyond it a rejection is still answered 401, only
 * not audited again until the minute is over (the log says once that entries were left out).
 * A gateway's real receipts are never limited: only bad signatures spend the budget.
 */
export const AUDITED_REJECTIONS_PER_MINUTE = 10;
const MINUTE_MS = 60_000;
/** Sources remembered at once; past this, the oldest minutes are forgotten first. */
const MAX_SOURCES = 10_000;

export class RejectionBudget {
  private readonly spent = new Map<string, { since: number; count: number }>();

  constructor(private readonly perMinute = AUDITED_REJECTIONS_PER_MINUTE) {}

  /** Spends one from `source`'s minute: `audit` while within the budget, `first_over` once, then `silent`. */
  spend(source: string, now: number): 'audit' | 'first_over' | 'silent' {
    let entry = this.spent.get(source);
    if (!entry || now - entry.since >= MINUTE_MS) {
      if (!entry && this.spent.size >= MAX_SOURCES) this.forgetOldest();
      entry = { since: now, count: 0 };
      this.spent.delete(source);
      this.spent.set(source, entry);
    }
    entry.count += 1;
    if (entry.count <= this.perMinute) return 'audit';
    return entry.count === this.perMinute + 1 ? 'first_over' : 'silent';
  }

  private forgetOldest(): void {
    const oldest = this.spent.keys().next();
    if (!oldest.done) this.spent.delete(oldest.value);
  }
}
