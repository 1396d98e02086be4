import type { ImprovementActionSummary, ImprovementEvaluation, ImprovementNote } from '@huifang/shared';
import type { ImprovementActionEntity } from './improvement-action.entity';
import type { ImprovementNoteEntity } from './improvement-note.entity';

/** An action row with the names of its department, owner and creator (one query, see ImprovementActionsService). */
export interface ActionRow {
  action: ImprovementActionEntity;
  departmentName: string | null;
  ownerName: string;
  creatorName: string | null;
}

export function toSummary(row: ActionRow, evaluation: ImprovementEvaluation): ImprovementActionSummary {
  const { action } = row;
  return {
    id: action.id,
    title: action.title,
    departmentId: action.departmentId,
    departmentName: row.departmentName,
    ownerUserId: action.ownerUserId,
    ownerName: row.ownerName,
    indicator: action.indicator,
    betterDirection: action.betterDirection,
    startDate: action.startDate,
    endDate: action.endDate,
    status: action.status,
    baselineDays: action.baselineDays,
    lagDays: action.lagDays,
    followUpDays: action.followUpDays,
    createdAt: new Date(action.createdAt).toISOString(),
    updatedAt: new Date(action.updatedAt).toISOString(),
    verdict: evaluation.verdict,
    change: evaluation.change,
    pValue: evaluation.pValue,
    followUpComplete: evaluation.followUpComplete,
    evaluationAvailable: evaluation.available,
  };
}

export function toNote(note: ImprovementNoteEntity, authorName: string | null): ImprovementNote {
  return {
    id: note.id,
    text: note.text,
    at: new Date(note.createdAt).toISOString(),
    author: note.authorId === null ? null : { id: note.authorId, name: authorName ?? '' },
  };
}
