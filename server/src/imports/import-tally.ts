import type { ImportCounts, ImportRowError, ImportSummary } from '@huifang/shared';

type Outcome = 'created' | 'updated' | 'unchanged';

/**
 * The running summary of one import. A patient appears in many rows of a visit table: each patient
 * is counted once, by what the import did to them overall (created beats updated beats unchanged).
 * A visit appears once (a repeated visit number is refused), so encounters are counted as they come:
 * no map of a million ids.
 */
export class ImportTally {
  private readonly patients = new Map<number, Outcome>();
  private readonly counts = { patients: emptyCounts(), encounters: emptyCounts(), responses: emptyCounts() };
  readonly skippedByType: Record<string, number> = {};
  readonly unmappedDepartments = new Set<string>();
  errorCount = 0;

  patient(id: number, outcome: Outcome): void {
    this.record(this.patients, this.counts.patients, id, outcome);
  }

  encounter(outcome: Outcome): void {
    this.counts.encounters[outcome]++;
  }

  /** Each imported feedback row is its own response: counted as it comes. */
  response(outcome: Outcome): void {
    this.counts.responses[outcome]++;
  }

  failed(kind: 'patients' | 'encounters' | 'responses', errors: readonly ImportRowError[]): void {
    this.counts[kind].failed++;
    this.errorCount += errors.length;
  }

  skipped(type: string): void {
    this.skippedByType[type] = (this.skippedByType[type] ?? 0) + 1;
  }

  summary(): ImportSummary {
    return {
      patients: { ...this.counts.patients },
      encounters: { ...this.counts.encounters },
      responses: { ...this.counts.responses },
      skippedByType: { ...this.skippedByType },
      unmappedDepartments: [...this.unmappedDepartments].sort(),
      errorCount: this.errorCount,
    };
  }

  private record(seen: Map<number, Outcome>, counts: ImportCounts, id: number, outcome: Outcome): void {
    const before = seen.get(id);
    if (before === undefined) {
      seen.set(id, outcome);
      counts[outcome]++;
      return;
    }
    if (RANK[outcome] <= RANK[before]) return;
    seen.set(id, outcome);
    counts[before]--;
    counts[outcome]++;
  }
}

const RANK: Record<Outcome, number> = { unchanged: 0, updated: 1, created: 2 };

function emptyCounts(): ImportCounts {
  return { created: 0, updated: 0, unchanged: 0, failed: 0 };
}
