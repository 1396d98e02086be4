import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { ERROR_CODES, LIFECYCLE_STAGES, type Page, type PatientSortKey, type Patient, type PatientSummary, type RelationshipStatus, type StaffRef } from '@huifang/shared';
import type { AuditContext } from '../audit/audit-context.decorator';
import { AuditService } from '../audit/audit.service';
import { RuleFiring } from '../callbacks/rule-firing.service';
import { HospitalSettingsService } from '../hospital-settings/hospital-settings.service';
import { isUniqueViolation } from '../core/database/unique-violation';
import { inOrderOf, orderList, type SortColumn } from '../core/database/list-order';
import { forUpdate } from '../core/database/row-lock';
import { WriteTransaction } from '../core/database/write-transaction';
import { DepartmentsService } from '../departments/departments.service';
import { StaffUserEntity } from '../users/user.entity';
import type { PatientQueryDto } from './dto/patient-query.dto';
import type { RegisterPatientDto } from './dto/register-patient.dto';
import type { UpdateConsentDto } from './dto/update-consent.dto';
import type { UpdatePatientDto } from './dto/update-patient.dto';
import { PatientEntity } from './patient.entity';
import { toPatient, toPatientSummary } from './patient-view';
import { statusClock, statusCondition, statusExpression, type StatusClock } from './relationship-status';
import type { SearchTerm } from './search/search-terms';
import { StageTransitionEntity } from './stage-transition.entity';
import { patientNotFound } from './patient-not-found';

/** The patient list's sort keys in SQL (PATIENT_SORT_KEYS); stages in lifecycle order. */
const PATIENT_ORDER = {
  name: { sql: 'p.name' },
  stage: { sql: inOrderOf('p.stage', LIFECYCLE_STAGES) },
  lastVisitOn: { sql: 'p.last_visit_on', nullable: true },
  nextVisitDue: { sql: 'p.next_visit_due', nullable: true },
  valueScore: { sql: 'p.value_score' },
} satisfies Record<PatientSortKey, SortColumn>;

@Injectable()
export class PatientsService {
  constructor(
    @InjectRepository(PatientEntity) private readonly patients: Repository<PatientEntity>,
    @InjectRepository(StaffUserEntity) private readonly staff: Repository<StaffUserEntity>,
    private readonly departments: DepartmentsService,
    private readonly writes: WriteTransaction,
    private readonly audit: AuditService,
    private readonly rules: RuleFiring,
    private readonly hospital: HospitalSettingsService,
  ) {}

  /** Today and the grace period as the hospital settings give them now. */
  async clock(): Promise<StatusClock> {
    const settings = await this.hospital.current();
    return statusClock(settings.timeZone, settings.returnGraceDays);
  }

  /** One page of patients for a search box; `term` is the parsed `q` (see `searchTerm`). */
  async search(query: PatientQueryDto, term: SearchTerm | null): Promise<Page<PatientSummary>> {
    const clock = await this.clock();
    const qb = this.patients.createQueryBuilder('p').addSelect(statusExpression('p'), 'status').setParameters(clock);
    if (term) applySearchTerm(qb, term);
    if (query.stage) qb.andWhere('p.stage = :stage', { stage: query.stage });
    if (query.status) qb.andWhere(statusCondition(query.status, 'p'));
    if (query.phase) qb.andWhere('p.phase = :phase', { phase: query.phase });
    if (query.valueTier) qb.andWhere('p.value_tier = :valueTier', { valueTier: query.valueTier });
    if (query.departmentId) {
      await this.assertDepartment(query.departmentId);
      qb.andWhere('p.last_department_id = :departmentId', { departmentId: query.departmentId });
    }
    const total = await qb.clone().getCount();
    const { entities, raw } = await orderList(qb, query.sort, PATIENT_ORDER, 'p.id', (q) => q.orderBy('p.id', 'DESC'))
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .getRawAndEntities<{ status: RelationshipStatus }>();
    return {
      items: entities.map((patient, i) => toPatientSummary(patient, raw[i].status, clock.today)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async get(id: number): Promise<Patient> {
    const clock = await this.clock();
    const { entities, raw } = await this.patients
      .createQueryBuilder('p')
      .addSelect(statusExpression('p'), 'status')
      .setParameters(clock)
      .where('p.id = :id', { id })
      .getRawAndEntities<{ status: RelationshipStatus }>();
    const patient = entities[0];
    if (!patient) throw patientNotFound(id);
    return toPatient(patient, raw[0].status, clock.today, await this.staffRefs([patient.consentCallsBy, patient.consentSurveysBy]));
  }

  /** 404 unless the patient exists; used by features that act on a patient. */
  async require(id: number, manager?: EntityManager): Promise<PatientEntity> {
    const patient = await (manager ?? this.patients.manager).findOneBy(PatientEntity, { id });
    if (!patient) throw patientNotFound(id);
    return patient;
  }

  /**
   * As `require`, and 409 (`patient.erased`) for an erased patient: no new data is gathered about them.
   * Inside a write (`manager`) the row stays locked until it commits, so an erasure running at the
   * same time either finishes first (and this answers 409) or waits: an edit cannot write back the
   * name and phone an erasure has just removed.
   */
  async requireKept(id: number, manager?: EntityManager): Promise<PatientEntity> {
    const patient = manager
      ? await manager.findOne(PatientEntity, { where: { id }, ...forUpdate(manager) })
      : await this.patients.findOneBy({ id });
    if (!patient) throw patientNotFound(id);
    if (patient.erasedAt) {
      throw new ConflictException({ message: `patient ${id} was erased; register the person again if they return`, code: ERROR_CODES.patientErased });
    }
    return patient;
  }

  async register(input: RegisterPatientDto, context: AuditContext): Promise<Patient> {
    const id = await this.writes
      .run(async (manager) => {
        const existing = await manager.findOneBy(PatientEntity, { phone: input.phone, name: input.name });
        if (existing) throw duplicate(existing.id);
        const now = new Date();
        const consent = input.consent ?? {};
        const patient = await manager.save(
          manager.create(PatientEntity, {
            name: input.name,
            phone: input.phone,
            gender: input.gender ?? 'unknown',
            birthDate: input.birthDate ?? null,
            note: input.note || null,
            email: input.email || null,
            stage: 'first_visit',
            stageSince: now,
            lastVisitOn: null,
            nextVisitDue: null,
            lastDepartmentId: null,
            ...consentColumns(consent, context.actor.id, now),
            createdBy: context.actor.id,
          }),
        );
        // A new patient starts in first_visit: the history's first entry.
        await manager.insert(StageTransitionEntity, {
          patientId: patient.id,
          fromStage: null,
          toStage: 'first_visit',
          at: now,
          byId: context.actor.id,
          reason: null,
          encounterId: null,
        });
        await this.audit.record(context, { action: 'patient.create', entityType: 'patient', entityId: patient.id, patientId: patient.id }, manager);
        return patient.id;
      })
      .catch(async (error) => {
        // Two desks registering the same person at once: the unique index decides.
        if (isUniqueViolation(error)) {
          const existing = await this.patients.findOneBy({ phone: input.phone, name: input.name });
          if (existing) throw duplicate(existing.id);
        }
        throw error;
      });
    return this.get(id);
  }

  async update(id: number, input: UpdatePatientDto, context: AuditContext): Promise<Patient> {
    await this.writes
      .run(async (manager) => {
        const patient = await this.requireKept(id, manager);
        const name = input.name ?? patient.name;
        const phone = input.phone ?? patient.phone;
        // Without a phone (imported without one) a namesake is another person: (phone, name) is unique only for phones.
        if (phone !== '' && (name !== patient.name || phone !== patient.phone)) {
          const clash = await manager.findOneBy(PatientEntity, { name, phone });
          if (clash && clash.id !== id) throw duplicate(clash.id);
        }
        await manager.update(PatientEntity, { id }, {
          name,
          phone,
          ...(input.gender !== undefined && { gender: input.gender }),
          ...(input.birthDate !== undefined && { birthDate: input.birthDate }),
          ...(input.note !== undefined && { note: input.note || null }),
          ...(input.preferredLanguage !== undefined && { preferredLanguage: input.preferredLanguage }),
          updatedAt: new Date(),
        });
        await this.audit.record(context, { action: 'patient.update', entityType: 'patient', entityId: id, patientId: id }, manager);
      })
      .catch((error) => {
        if (isUniqueViolation(error)) {
          throw new ConflictException({ message: 'another patient already has this name and phone', code: ERROR_CODES.patientNamePhoneTaken });
        }
        throw error;
      });
    return this.get(id);
  }

  async updateConsent(id: number, input: UpdateConsentDto, context: AuditContext): Promise<Patient> {
    if (input.followUpCalls === undefined && input.surveys === undefined) {
      throw new BadRequestException({
        message: ['followUpCalls or surveys must be given'],
        code: ERROR_CODES.validation,
        params: { fields: ['followUpCalls', 'surveys'] },
      });
    }
    await this.writes.run(async (manager) => {
      // The patient row is locked first (requireKept), as a claim locks it: see RuleFiring.onConsentWithdrawn.
      await this.requireKept(id, manager);
      await manager.update(PatientEntity, { id }, { ...consentColumns(input, context.actor.id, new Date()), updatedAt: new Date() });
      await this.audit.record(context, { action: 'patient.consent', entityType: 'patient', entityId: id, patientId: id }, manager);
      if (input.followUpCalls === false) {
        for (const callbackId of await this.rules.onConsentWithdrawn(manager, id)) {
          await this.audit.record(context, { action: 'callback.cancel', entityType: 'callback', entityId: callbackId, patientId: id }, manager);
        }
      }
    });
    return this.get(id);
  }

  async assertDepartment(departmentId: number): Promise<void> {
    if (!(await this.departments.findById(departmentId))) {
      throw new BadRequestException({
        message: [`departmentId ${departmentId} does not exist`],
        code: ERROR_CODES.departmentNotFound,
        params: { departmentId },
      });
    }
  }

  private async staffRefs(ids: (number | null)[]): Promise<Map<number, StaffRef>> {
    const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
    if (wanted.length === 0) return new Map();
    const users = await this.staff.findBy({ id: In(wanted) });
    return new Map(users.map((u) => [u.id, { id: u.id, displayName: u.displayName }]));
  }
}

function duplicate(existingPatientId: number): ConflictException {
  return new ConflictException({
    message: `a patient with this name and phone is already registered (id ${existingPatientId})`,
    code: ERROR_CODES.patientDuplicate,
    params: { existingPatientId },
  });
}

function consentColumns(consent: UpdateConsentDto, staffId: number, at: Date): Partial<PatientEntity> {
  return {
    ...(consent.followUpCalls !== undefined && {
      consentCalls: consent.followUpCalls,
      consentCallsAt: at,
      consentCallsBy: staffId,
    }),
    ...(consent.surveys !== undefined && { consentSurveys: consent.surveys, consentSurveysAt: at, consentSurveysBy: staffId }),
  };
}

function applySearchTerm(qb: SelectQueryBuilder<PatientEntity>, term: SearchTerm): void {
  switch (term.kind) {
    case 'name':
      qb.andWhere('p.name LIKE :name', { name: `%${escapeLike(term.fragment)}%` });
      break;
    case 'phone':
      qb.andWhere('p.phone = :phone', { phone: term.phone });
      break;
    case 'phoneLast4':
      // The stored phone is always 11 digits, so a suffix pattern is exactly "the last 4".
      qb.andWhere('p.phone LIKE :last4', { last4: `%${term.last4}` });
      break;
    case 'patientId':
      if (term.id === null) qb.andWhere('1 = 0');
      else qb.andWhere('p.id = :id', { id: term.id });
      break;
  }
}

/** LIKE treats % and _ as wildcards; a name search means them literally. */
function escapeLike(text: string): string {
  return text.replace(/[%_]/g, '');
}
