import {
  LIFECYCLE_STAGES,
  OPEN_CALLBACK_STATUSES,
  type LifecycleStage,
  type StageTransition,
  type TimelineEntry,
} from '@huifang/shared';

/** One stage on the journey axis 初诊 → 治疗 → 康复 → 复诊. */
export interface JourneyNode {
  stage: LifecycleStage;
  /** When the patient entered this stage (ISO timestamps), oldest first; a stage can be entered again. */
  enteredAt: string[];
  /** Entered at least once. */
  visited: boolean;
  /** The patient's stage now. */
  current: boolean;
}

/**
 * The four stage nodes, in lifecycle order, with the times each was entered (from the stored
 * transitions, registration included) and the current one marked. `stageSince` stands in for the
 * current stage's entry if no transition into it was given.
 */
export function buildJourneyAxis(
  transitions: readonly StageTransition[],
  currentStage: LifecycleStage,
  stageSince: string | null = null,
): JourneyNode[] {
  const ordered = [...transitions].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.id - b.id);
  return LIFECYCLE_STAGES.map((stage) => {
    const enteredAt = ordered.filter((t) => t.to === stage).map((t) => t.at);
    const current = stage === currentStage;
    if (current && enteredAt.length === 0 && stageSince) {
      enteredAt.push(stageSince);
    }
    return { stage, enteredAt, visited: enteredAt.length > 0 || current, current };
  });
}

/** The kinds this client knows how to show (all of today's); later server versions may add more. */
export type KnownTimelineEntry = TimelineEntry;

/** Each kind and the field that carries its payload. */
const PAYLOAD: Record<KnownTimelineEntry['kind'], string> = {
  transition: 'transition',
  encounter: 'encounter',
  survey_response: 'response',
  callback: 'callback',
  message: 'message',
};

/** Entries of known kinds with their payload present, newest first (unknown kinds are skipped). */
export function knownTimelineEntries(entries: readonly unknown[] | null | undefined): KnownTimelineEntry[] {
  const known = (entries ?? []).filter(isKnownEntry);
  return known.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}

/** The stage transitions of a timeline. */
export function transitionsOf(entries: readonly KnownTimelineEntry[]): StageTransition[] {
  return entries.flatMap((entry) => (entry.kind === 'transition' ? [entry.transition] : []));
}

function isKnownEntry(entry: unknown): entry is KnownTimelineEntry {
  if (!entry || typeof entry !== 'object') {
    return false;
  }
  const candidate = entry as Record<string, unknown>;
  const field = typeof candidate['kind'] === 'string' ? (PAYLOAD as Partial<Record<string, string>>)[candidate['kind']] : undefined;
  const payload = field ? candidate[field] : undefined;
  return typeof candidate['at'] === 'string' && !!payload && typeof payload === 'object';
}

/** Callbacks still waiting to be made (pending or claimed): what withdrawing consent to calls cancels. */
export function openCallbackCount(entries: readonly KnownTimelineEntry[]): number {
  const open: readonly string[] = OPEN_CALLBACK_STATUSES;
  return entries.filter((entry) => entry.kind === 'callback' && open.includes(entry.callback.status)).length;
}
