import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { CommentSentiment, CommentThemeKey } from '@huifang/shared';
import { fnv1a } from '../hashed-features';

/** Real NHS Friends-and-Family-Test comments labelled by people (../shared/data/README.md). */
export const DEFAULT_FEEDBACK_FILE = join(__dirname, '..', '..', '..', '..', '..', '..', 'shared', 'data', 'feedback', 'nhs_fft_comments.csv');

/**
 * Our themes → the NHS patient-experience framework's columns (a comment has our theme when any
 * of its columns is 1). `cost` has no column: NHS care is free and the framework's "Funding & use
 * of financial resources" is about the NHS's budget, not a patient's bill, so cost is not
 * measured on this file (the English cue words in english-lexicon.ts tag it). `Parking` is
 * mapped but empty in this file; transport carries parking_transport.
 */
export const FRAMEWORK_COLUMNS: Readonly<Partial<Record<CommentThemeKey, string[]>>> = {
  waiting: ['Timeliness of care'],
  staff_attitude: ['Staff manner & personal attributes'],
  communication: [
    'Unspecified communication',
    'Staff listening, understanding & involving patients',
    'Information directly from staff during care',
    'Information provision & guidance',
    'Being kept informed, clarity & consistency of information',
  ],
  clinical_care: ['Competence & training', 'Diagnosis & triage', 'Pain management', 'Supplying & understanding medication'],
  appointments: ['Appointment arrangements', 'Appointment method', 'Contacting services'],
  environment: ['Cleanliness, tidiness & infection control', 'Environment & Facilities', 'Sensory experience'],
  parking_transport: ['Parking', 'Transport to/ from services'],
  food: ['Food & drink provision & facilities'],
  discharge: ['Discharge', 'Referals & continuity of care', 'Care plans'],
};

export const MAPPED_THEMES = Object.keys(FRAMEWORK_COLUMNS) as CommentThemeKey[];

/** The framework's sentiment labels: 1-2 positive, 3 mixed or neutral, 4-5 negative; blank = not labelled. */
const SENTIMENT_OF_LABEL: Record<string, CommentSentiment> = {
  '1': 'positive',
  '2': 'positive',
  '3': 'mixed_neutral',
  '4': 'negative',
  '5': 'negative',
};

export interface FeedbackRow {
  commentId: string;
  text: string;
  /** null when the row has no theme labels (no text, or "Labelling not possible"). */
  themes: Set<CommentThemeKey> | null;
  sentiment: CommentSentiment | null;
}

export function readFeedbackFile(path: string): FeedbackRow[] {
  const records = parse(readFileSync(path), { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true }) as Record<string, string>[];
  const missing = ['Comment ID', 'FFT answer', 'Comment sentiment', ...Object.values(FRAMEWORK_COLUMNS).flat()].filter(
    (column) => records.length > 0 && !(column in records[0]),
  );
  if (missing.length) throw new Error(`${path} lacks the columns ${missing.join(', ')}`);
  return records
    .map((record) => ({ record, text: (record['FFT answer'] ?? '').trim() }))
    .filter(({ text }) => text.length > 0 && text !== 'Did not answer')
    .map(({ record, text }) => ({
      commentId: record['Comment ID'],
      text,
      themes: record['Labelling not possible'] === '1' ? null : themesOf(record),
      sentiment: SENTIMENT_OF_LABEL[record['Comment sentiment']?.trim()] ?? null,
    }));
}

function themesOf(record: Record<string, string>): Set<CommentThemeKey> {
  return new Set(MAPPED_THEMES.filter((theme) => (FRAMEWORK_COLUMNS[theme] ?? []).some((column) => record[column] === '1')));
}

/** Share of comments held out for testing, chosen by a hash of `Comment ID` (stable whatever the file's order). */
export const TEST_SHARE_PERCENT = 20;
export const SPLIT_DESCRIPTION = `FNV-1a(Comment ID) mod 100 < ${TEST_SHARE_PERCENT} → test`;

export function isTestRow(commentId: string): boolean {
  return fnv1a(commentId) % 100 < TEST_SHARE_PERCENT;
}

/** Identifies a training row in the model file: the same comment id with the same text. */
export function rowHash(row: Pick<FeedbackRow, 'commentId' | 'text'>): number {
  return fnv1a(`${row.commentId}\u0000${row.text}`);
}
