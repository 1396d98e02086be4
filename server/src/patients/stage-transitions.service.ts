import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { isTransitionAllowed, type StageTransition, ERROR_CODES } from '@huifang/shared';
import type { AuditContext } from '../audit/audit-context.decorator';
import { AuditService } from '../audit/audit.service';
import { RuleFiring } from '../callbacks/rule-firing.service';
import { WriteTransaction } from '../core/database/write-transaction';
import { EncounterEntity } from '../encounters/encounter.entity';
import type { CreateTransitionDto } from './dto/create-transition.dto';
import { PatientEntity } from './patient.entity';
import { PatientsService } from './patients.service';
import { StageTransitionEntity } from './stage-transition.entity';
import { toStageTransition } from './stage-transition-view';

@Injectable()
export class StageTransitionsService {
  constructor(
    private readonly patients: PatientsService,
    private readonly writes: WriteTransaction,
    private readonly audit: AuditService,
    private readonly rules: RuleFiring,
  ) {}

  /**
   * Moves a patient along the lifecycle axis. The stage is changed with a conditional UPDATE
   * (`WHERE stage = <the stage we validated against>`): of two concurrent moves from one stage,
   * only one changes a row; the other finds 0 rows changed and answers 409.
   */
  async transition(patientId: number, input: CreateTransitionDto, context: AuditContext): Promise<StageTransition> {
    const saved = await this.writes.run(async (manager) => {
      const patient = await this.patients.requireKept(patientId, manager);
      const from = patient.stage;
      if (input.from && input.from !== from) {
        throw new ConflictException({
          message: `the patient has moved from ${input.from} to ${from} meanwhile; reload and try again`,
          code: ERROR_CODES.stageChanged,
        });
      }
      if (!isTransitionAllowed(from, input.to)) {
        throw new ConflictException({ message: `a patient in stage ${from} cannot move to ${input.to}`, code: ERROR_CODES.stageTransitionNotAllowed });
      }
      if (input.encounterId !== undefined) {
        const encounter = await manager.findOneBy(EncounterEntity, { id: input.encounterId });
        if (!encounter || encounter.patientId !== patientId) {
          throw new BadRequestException({
            message: [`encounterId ${input.encounterId} is not an encounter of this patient`],
            code: ERROR_CODES.stageEncounterMismatch,
          });
        }
      }
      const at = new Date();
      const result = await manager
        .createQueryBuilder()
        .update(PatientEntity)
        .set({ stage: input.to, stageSince: at, updatedAt: at })
        .where('id = :id AND stage = :from', { id: patientId, from })
        .execute();
      if (result.affected !== 1) {
        throw new ConflictException({ message: `the patient's stage changed meanwhile (was ${from}); reload and try again`, code: ERROR_CODES.stageChanged });
      }
      const row = manager.create(StageTransitionEntity, {
        patientId,
        fromStage: from,
        toStage: input.to,
        at,
        byId: context.actor.id,
        reason: input.reason || null,
        encounterId: input.encounterId ?? null,
      });
      await manager.insert(StageTransitionEntity, row);
      await this.rules.onStageChange(manager, patient, { id: row.id, to: input.to, at });
      await this.audit.record(context, { action: 'patient.transition', entityType: 'stage_transition', entityId: row.id, patientId }, manager);
      return row;
    });
    return toStageTransition(saved, { id: context.actor.id, displayName: context.actor.displayName });
  }
}
