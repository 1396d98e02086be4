import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import { ERROR_CODES, type Encounter, type FinishedEncounter, type Page } from '@huifang/shared';
import type { AuditContext } from '../audit/audit-context.decorator';
import { AuditService } from '../audit/audit.service';
import { RuleFiring } from '../callbacks/rule-firing.service';
import { AppConfig } from '../core/config/app-config';
import { isUniqueViolation } from '../core/database/unique-violation';
import { WriteTransaction } from '../core/database/write-transaction';
import { calendarDayOf, nextVisitDueProblem } from '@huifang/shared';
import { HospitalSettingsService } from '../hospital-settings/hospital-settings.service';
import { assertDepartmentOpen } from '../departments/department-open';
import { PatientEntity } from '../patients/patient.entity';
import { PatientsService } from '../patients/patients.service';
import type { CallDto } from './dto/call.dto';
import type { CheckInDto } from './dto/check-in.dto';
import type { EncounterQueryDto } from './dto/encounter-query.dto';
import type { FinishDto } from './dto/finish.dto';
import { EncounterEntity } from './encounter.entity';
import { toEncounter } from './encounter-view';
import { recordReturn, supersedeEarlierExpectations } from './return-expectations';
import { countWaitInHistograms } from './wait-histogram';
import { waitSecondsBetween } from './wait-seconds';
import { surveyOffer } from '../surveys/invitation-eligibility';

/** Clocks differ a little between the desk's PC and the server. */
const CLOCK_SKEW_MS = 60_000;
/** A late check-in may be recorded afterwards, but not history from long ago. */
const MAX_BACKDATE_DAYS = 7;

@Injectable()
export class EncountersService {
  constructor(
    @InjectRepository(EncounterEntity) private readonly encounters: Repository<EncounterEntity>,
    private readonly patients: PatientsService,
    private readonly writes: WriteTransaction,
    private readonly audit: AuditService,
    private readonly rules: RuleFiring,
    private readonly config: AppConfig,
    private readonly hospital: HospitalSettingsService,
  ) {}

  async checkIn(input: CheckInDto, context: AuditContext): Promise<Encounter> {
    await this.patients.assertDepartment(input.departmentId);
    const now = new Date();
    const checkedInAt = input.checkedInAt ? new Date(input.checkedInAt) : now;
    assertNotFuture(checkedInAt, 'checkedInAt', now);
    if (checkedInAt.getTime() < now.getTime() - MAX_BACKDATE_DAYS * 86_400_000) {
      throw new BadRequestException({
        message: [`checkedInAt must be within the last ${MAX_BACKDATE_DAYS} days`],
        code: ERROR_CODES.encounterCheckInTooOld,
        params: { maxDays: MAX_BACKDATE_DAYS },
      });
    }
    const id = await this.writes
      .run(async (manager) => {
        const patient = await this.patients.requireKept(input.patientId, manager);
        await assertDepartmentOpen(manager, input.departmentId);
        await assertNoOpenEncounter(manager, input.patientId, input.departmentId);
        const checkedInOn = calendarDayOf(checkedInAt, this.config.timeZone);
        const encounter = manager.create(EncounterEntity, {
          patientId: input.patientId,
          departmentId: input.departmentId,
          clinician: input.clinician || null,
          checkedInAt,
          checkedInOn,
          calledAt: null,
          waitSeconds: null,
          finishedAt: null,
          nextVisitDue: null,
          createdBy: context.actor.id,
        });
        await manager.insert(EncounterEntity, encounter);
        await manager.update(PatientEntity, { id: patient.id }, {
          lastVisitOn: !patient.lastVisitOn || checkedInOn > patient.lastVisitOn ? checkedInOn : patient.lastVisitOn,
          lastDepartmentId: input.departmentId,
          updatedAt: now,
        });
        await recordReturn(manager, patient.id, checkedInOn);
        await this.rules.onReturn(manager, patient.id, checkedInOn);
        await this.audit.record(context, auditEvent('encounter.check_in', encounter), manager);
        return encounter.id;
      })
      .catch((error) => {
        if (isUniqueViolation(error)) throw openEncounterConflict();
        throw error;
      });
    return this.get(id);
  }

  async call(id: number, input: CallDto, context: AuditContext): Promise<Encounter> {
    await this.writes.run(async (manager) => {
      const encounter = await requireEncounter(manager, id);
      if (encounter.finishedAt) throw alreadyFinished(id);
      if (encounter.calledAt) throw alreadyCalled(id);
      const now = new Date();
      const at = input.at ? new Date(input.at) : now;
      assertNotFuture(at, 'at', now);
      if (at < encounter.checkedInAt) throw new BadRequestException({ message: ['at must not be before the check-in time'], code: ERROR_CODES.encounterCallBeforeCheckIn });
      const waitSeconds = waitSecondsBetween(encounter.checkedInAt, at);
      const result = await manager
        .createQueryBuilder()
        .update(EncounterEntity)
        .set({ calledAt: at, waitSeconds })
        .where('id = :id AND called_at IS NULL', { id })
        .execute();
      if (result.affected !== 1) throw alreadyCalled(id);
      await countWaitInHistograms(manager, encounter, waitSeconds);
      await this.audit.record(context, auditEvent('encounter.call', encounter), manager);
    });
    return this.get(id);
  }

  /** Finishes the visit; the answer says whether the desk may invite the patient to a survey now. */
  async finish(id: number, input: FinishDto, context: AuditContext): Promise<FinishedEncounter> {
    await this.writes.run(async (manager) => {
      const encounter = await requireEncounter(manager, id);
      if (encounter.finishedAt) throw alreadyFinished(id);
      if (!encounter.calledAt) {
        throw new BadRequestException({ message: ['the patient has not been called in yet: call before finishing'], code: ERROR_CODES.encounterNotCalled });
      }
      const now = new Date();
      const at = input.at ? new Date(input.at) : now;
      assertNotFuture(at, 'at', now);
      if (at < encounter.calledAt) throw new BadRequestException({ message: ['at must not be before the time the patient was called in'], code: ERROR_CODES.encounterFinishBeforeCall });
      if (input.nextVisitDue !== undefined) {
        // The rule the finish dialog applies too (shared/): after the visit day, within two years.
        const problem = nextVisitDueProblem(encounter.checkedInOn, input.nextVisitDue);
        if (problem === 'notAfterVisit') {
          throw new BadRequestException({ message: ['nextVisitDue must be after the day of the visit'], code: ERROR_CODES.encounterNextVisitTooEarly });
        }
        if (problem === 'tooFar') {
          throw new BadRequestException({ message: ['nextVisitDue must be within two years'], code: ERROR_CODES.encounterNextVisitTooLate });
        }
        if (problem === 'date') {
          throw new BadRequestException({ message: ['nextVisitDue must be a calendar day'], code: ERROR_CODES.validation, params: { fields: ['nextVisitDue'] } });
        }
      }
      const result = await manager
        .createQueryBuilder()
        .update(EncounterEntity)
        .set({ finishedAt: at, nextVisitDue: input.nextVisitDue ?? null, ...(input.charge === undefined ? {} : { chargeCents: Math.round(input.charge * 100) }) })
        .where('id = :id AND finished_at IS NULL', { id })
        .execute();
      if (result.affected !== 1) throw alreadyFinished(id);
      if (input.nextVisitDue) {
        // The latest expectation is the one in force (DOMAIN.md: it drives reminders and status).
        await manager.update(PatientEntity, { id: encounter.patientId }, { nextVisitDue: input.nextVisitDue, updatedAt: now });
        await supersedeEarlierExpectations(manager, encounter);
        const patient = await this.patients.require(encounter.patientId, manager);
        await this.rules.onVisitFinished(manager, patient, { ...encounter, nextVisitDue: input.nextVisitDue });
      }
      await this.audit.record(context, auditEvent('encounter.finish', encounter), manager);
    });
    const finished = await this.get(id);
    const patient = await this.patients.require(finished.patientId);
    const { surveyMinDays, timeZone } = await this.hospital.current();
    return { ...finished, surveyOffer: surveyOffer(patient, new Date(), surveyMinDays, timeZone) };
  }

  async get(id: number): Promise<Encounter> {
    const row = await this.encounters.findOne({ where: { id }, relations: { patient: true, department: true } });
    if (!row) throw encounterNotFound(id);
    return toEncounter(row);
  }

  async list(query: EncounterQueryDto): Promise<Page<Encounter>> {
    const qb = this.encounters
      .createQueryBuilder('e')
      .innerJoinAndSelect('e.patient', 'patient')
      .innerJoinAndSelect('e.department', 'department');
    if (query.patientId) qb.andWhere('e.patient_id = :patientId', { patientId: query.patientId });
    if (query.departmentId) qb.andWhere('e.department_id = :departmentId', { departmentId: query.departmentId });
    if (query.from) qb.andWhere('e.checked_in_on >= :from', { from: query.from });
    if (query.to) qb.andWhere('e.checked_in_on <= :to', { to: query.to });
    if (query.status === 'waiting') qb.andWhere('e.called_at IS NULL AND e.finished_at IS NULL');
    if (query.status === 'in_room') qb.andWhere('e.called_at IS NOT NULL AND e.finished_at IS NULL');
    if (query.status === 'finished') qb.andWhere('e.finished_at IS NOT NULL');
    // A waiting list is a queue: longest waiting first. Everything else: newest first.
    const direction = query.status === 'waiting' || query.status === 'in_room' ? 'ASC' : 'DESC';
    const [rows, total] = await qb
      .orderBy('e.checkedInAt', direction)
      .addOrderBy('e.id', direction)
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: rows.map(toEncounter), total, page: query.page, pageSize: query.pageSize };
  }

  /** All of one patient's encounters, newest first (for the timeline). */
  async forPatient(patientId: number): Promise<Encounter[]> {
    const rows = await this.encounters.find({
      where: { patientId },
      relations: { patient: true, department: true },
      order: { checkedInAt: 'DESC', id: 'DESC' },
    });
    return rows.map(toEncounter);
  }
}

function assertNotFuture(at: Date, field: string, now: Date): void {
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) throw new BadRequestException({ message: [`${field} must not be in the future`], code: ERROR_CODES.timeInFuture });
}

async function requireEncounter(manager: EntityManager, id: number): Promise<EncounterEntity> {
  const encounter = await manager.findOneBy(EncounterEntity, { id });
  if (!encounter) throw encounterNotFound(id);
  return encounter;
}

async function assertNoOpenEncounter(manager: EntityManager, patientId: number, departmentId: number): Promise<void> {
  const open = await manager
    .createQueryBuilder(EncounterEntity, 'e')
    .where('e.patient_id = :patientId AND e.department_id = :departmentId AND e.finished_at IS NULL', { patientId, departmentId })
    .getExists();
  if (open) throw openEncounterConflict();
}

function encounterNotFound(encounterId: number): NotFoundException {
  return new NotFoundException({ message: `encounter ${encounterId} not found`, code: ERROR_CODES.encounterNotFound, params: { encounterId } });
}

function alreadyFinished(id: number): ConflictException {
  return new ConflictException({ message: `encounter ${id} is already finished`, code: ERROR_CODES.encounterFinished });
}

function alreadyCalled(id: number): ConflictException {
  return new ConflictException({ message: `encounter ${id} was already called in`, code: ERROR_CODES.encounterAlreadyCalled });
}

function openEncounterConflict(): ConflictException {
  return new ConflictException({ message: 'the patient already has an open encounter in this department', code: ERROR_CODES.encounterOpenInDepartment });
}

function auditEvent(action: 'encounter.check_in' | 'encounter.call' | 'encounter.finish', encounter: EncounterEntity) {
  return { action, entityType: 'encounter', entityId: encounter.id, patientId: encounter.patientId };
}
