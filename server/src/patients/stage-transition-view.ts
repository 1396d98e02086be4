import type { StaffRef, StageTransition } from '@huifang/shared';
import type { StageTransitionEntity } from './stage-transition.entity';

export function toStageTransition(row: StageTransitionEntity, by: StaffRef | null): StageTransition {
  return {
    id: row.id,
    patientId: row.patientId,
    from: row.fromStage,
    to: row.toStage,
    at: row.at.toISOString(),
    by,
    reason: row.reason,
    encounterId: row.encounterId,
  };
}
