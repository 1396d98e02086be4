import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Bundle, Encounter, Patient, Questionnaire, QuestionnaireResponse, Task } from '@medplum/fhirtypes';
import { Repository, type SelectQueryBuilder } from 'typeorm';
import { ERROR_CODES, isCalendarDay, startOfCalendarDay, workableCallbackKinds, type CallbackStatus } from '@huifang/shared';
import type { AuditContext } from '../../audit/audit-context.decorator';
import { AuditService } from '../../audit/audit.service';
import { CallbackEntity } from '../../callbacks/callback.entity';
import { EncounterEntity } from '../../encounters/encounter.entity';
import { HospitalSettingsService } from '../../hospital-settings/hospital-settings.service';
import { patientNotFound } from '../../patients/patient-not-found';
import { PatientEntity } from '../../patients/patient.entity';
import { SurveyResponseEntity } from '../../surveys/survey-response.entity';
import { SurveyTemplateVersionEntity } from '../../surveys/survey-template-version.entity';
import { patientIdOf, type QuestionnaireResponseSearchDto, type TaskSearchDto } from './dto/fhir-search-query.dto';
import { toFhirEncounter } from './fhir-encounter-resource';
import { toFhirPatient } from './fhir-patient-resource';
import { toFhirQuestionnaire } from './fhir-questionnaire-resource';
import { toFhirQuestionnaireResponse } from './fhir-questionnaire-response-resource';
import { searchset } from './fhir-searchset';
import { TASK_STATUS, toFhirTask } from './fhir-task-resource';

/** Where a search was asked (for the Bundle's self / next links and the entries' fullUrl). */
export interface SearchUrl {
  self: URL;
  base: string;
}

function notFound(type: string, id: number): NotFoundException {
  return new NotFoundException({ message: `${type}/${id} not found`, code: ERROR_CODES.fhirResourceNotFound });
}

/**
 * Huifang's records as FHIR R4 resources, read-only. Reads of patient data are audited
 * (`fhir.read`, one entry per patient a page shows), as the same reads through the API are.
 */
@Injectable()
export class FhirExportService {
  constructor(
    @InjectRepository(PatientEntity) private readonly patients: Repository<PatientEntity>,
    @InjectRepository(EncounterEntity) private readonly encounters: Repository<EncounterEntity>,
    @InjectRepository(SurveyTemplateVersionEntity) private readonly versions: Repository<SurveyTemplateVersionEntity>,
    @InjectRepository(SurveyResponseEntity) private readonly responses: Repository<SurveyResponseEntity>,
    @InjectRepository(CallbackEntity) private readonly callbacks: Repository<CallbackEntity>,
    private readonly settings: HospitalSettingsService,
    private readonly audit: AuditService,
  ) {}

  async patient(id: number, context: AuditContext): Promise<Patient> {
    const patient = await this.patients.findOneBy({ id });
    if (!patient) throw patientNotFound(id);
    await this.audit.record(context, { action: 'fhir.read', entityType: 'patient', entityId: id, patientId: id, detail: 'Patient' });
    // Quality managers see a masked number in the app; a FHIR telecom has no masked form: none.
    return toFhirPatient(patient, { withTelecom: context.actor.role !== 'quality_manager' });
  }

  async encounter(id: number, context: AuditContext): Promise<Encounter> {
    const encounter = await this.encounters.findOne({ where: { id }, relations: { department: true } });
    if (!encounter?.department) throw notFound('Encounter', id);
    await this.audit.record(context, { action: 'fhir.read', entityType: 'encounter', entityId: id, patientId: encounter.patientId, detail: 'Encounter' });
    return toFhirEncounter(encounter, encounter.department);
  }

  /** A survey template version: no patient data, not audited. */
  async questionnaire(id: number): Promise<Questionnaire> {
    const version = await this.versions.findOne({ where: { id }, relations: { template: true } });
    if (!version?.template) throw notFound('Questionnaire', id);
    return toFhirQuestionnaire(version, version.template);
  }

  async questionnaireResponses(query: QuestionnaireResponseSearchDto, url: SearchUrl, context: AuditContext): Promise<Bundle<QuestionnaireResponse>> {
    const since = await this.sinceInstant(query._since);
    const filtered = () => {
      const qb = this.responses.createQueryBuilder('r');
      if (query.patient) qb.andWhere('r.patient_id = :patientId', { patientId: patientIdOf(query.patient) });
      if (since) qb.andWhere('r.submitted_at >= :since', { since });
      return qb;
    };
    const total = await filtered().getCount();
    const rows = await keysetPage(filtered(), 'r', query._count, query._cursor)
      .leftJoinAndSelect('r.answers', 'a')
      .leftJoinAndSelect('r.templateVersion', 'v')
      .addOrderBy('a.id', 'ASC')
      .getMany();
    await this.auditPage(context, 'survey_response', rows.flatMap((row) => (row.patientId === null ? [] : [row.patientId])));
    const resources = rows.map((row) => toFhirQuestionnaireResponse(row, row.templateVersion?.templateId ?? 0, row.templateVersion?.version ?? 0));
    return searchset(resources, total, url.self, query._count, rows.at(-1)?.id ?? null, url.base);
  }

  async tasks(query: TaskSearchDto, url: SearchUrl, context: AuditContext): Promise<Bundle<Task>> {
    const since = await this.sinceInstant(query._since);
    // A role sees the callbacks it works (a quality manager: service recovery only), as in the queue.
    const kinds = workableCallbackKinds(context.actor.role);
    if (!kinds.length) throw new ForbiddenException({ message: 'your role works no callbacks', code: ERROR_CODES.callbackKindForbidden });
    const statuses = query.status ? callbackStatusesOf(query.status.split(',')) : undefined;
    const filtered = () => {
      const qb = this.callbacks.createQueryBuilder('c').where('c.kind IN (:...kinds)', { kinds });
      if (statuses) qb.andWhere('c.status IN (:...statuses)', { statuses });
      if (since) qb.andWhere('c.updated_at >= :since', { since });
      return qb;
    };
    const total = await filtered().getCount();
    const rows = await keysetPage(filtered(), 'c', query._count, query._cursor).leftJoinAndSelect('c.claimer', 'claimer')
      .leftJoinAndSelect('c.attempts', 'attempt')
      .leftJoinAndSelect('attempt.staff', 'staff')
      .getMany();
    await this.auditPage(context, 'callback', rows.map((row) => row.patientId));
    return searchset(rows.map(toFhirTask), total, url.self, query._count, rows.at(-1)?.id ?? null, url.base);
  }

  /** `_since` as an instant; a bare day starts at midnight in the hospital's time zone. */
  private async sinceInstant(since: string | undefined): Promise<Date | undefined> {
    if (!since) return undefined;
    if (isCalendarDay(since)) return startOfCalendarDay(since, (await this.settings.current()).timeZone);
    return new Date(since);
  }

  private async auditPage(context: AuditContext, entityType: string, patientIds: number[]): Promise<void> {
    await this.audit.recordPatients(context, { action: 'fhir.read', entityType, entityId: null, detail: entityType }, patientIds);
  }
}

/** One keyset page: ids after the cursor, ascending, `count` of them. */
function keysetPage<T extends object>(qb: SelectQueryBuilder<T>, alias: string, count: number, cursor: number | undefined): SelectQueryBuilder<T> {
  if (cursor) qb.andWhere(`${alias}.id > :cursor`, { cursor });
  // take() (not limit) counts root rows, so joined answers never cut a page short.
  return qb.orderBy(`${alias}.id`, 'ASC').take(count);
}

function callbackStatusesOf(taskStatuses: string[]): CallbackStatus[] {
  return (Object.keys(TASK_STATUS) as CallbackStatus[]).filter((status) => taskStatuses.includes(TASK_STATUS[status]));
}
