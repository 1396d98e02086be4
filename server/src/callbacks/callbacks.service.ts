import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import {
  CALLBACK_VIEWS,
  callbackPriorityRank,
  ERROR_CODES,
  MAX_ATTEMPTS,
  type AuthUser,
  type CallbackItem,
  type CallbackQueueCounts,
  type ClaimedCallback,
  type Page,
  type RecoveryTrigger,
} from '@huifang/shared';
import type { AuditContext } from '../audit/audit-context.decorator';
import { AuditService } from '../audit/audit.service';
import { AppConfig } from '../core/config/app-config';
import { ReadCache } from '../core/database/read-cache';
import { sharedAnswer } from '../core/http/shared-answer';
import { forUpdate } from '../core/database/row-lock';
import { HospitalSettingsService } from '../hospital-settings/hospital-settings.service';
import { WriteTransaction } from '../core/database/write-transaction';
import { PatientEntity } from '../patients/patient.entity';
import { StaffUserEntity } from '../users/user.entity';
import { assertMayWork, queueKindFor } from './callback-access';
import { CallbackAppointments } from './callback-appointments';
import { CallbackAttemptEntity } from './callback-attempt.entity';
import { inQueueOrder, queueWindow, seekingEachRank, whereOpenInView } from './callback-queue';
import { toCallbackItem, toClaimedCallback } from './callback-view';
import { CallbackEntity } from './callback.entity';
import type { CallbackQueryDto } from './dto/callback-query.dto';
import type { CancelCallbackDto, CreateCallbackDto, RecordAttemptDto, RescheduleCallbackDto } from './dto/callback-actions.dto';
import { recoveryTriggers } from './recovery-trigger';
import { nextWorkingDay } from './rule-schedule';
import { patientNotFound } from '../patients/patient-not-found';

const OPEN = ['pending', 'claimed'];
const CLOCK_SKEW_MS = 60_000;
/** A second submit of an attempt within this long after one that ended the claim is a double submit (409), not a stray request (403). */
const DOUBLE_SUBMIT_MS = 60_000;

/** The queue moves with every write; between writes a poll may be served an answer up to this old. */
const QUEUE_CACHE_MS = 2_000;

@Injectable()
export class CallbacksService {
  constructor(
    @InjectRepository(CallbackEntity) private readonly callbacks: Repository<CallbackEntity>,
    private readonly writes: WriteTransaction,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly cache: ReadCache,
    private readonly hospital: HospitalSettingsService,
    private readonly appointments: CallbackAppointments,
  ) {}

  /** Every front-desk screen polls the queue; identical reads share one answer until the next write (at most 2 s). */
  list(requested: CallbackQueryDto, actor: AuthUser): Promise<Page<CallbackItem>> {
    const query = { ...requested, kind: queueKindFor(actor.role, requested.kind) };
    return this.cache.get(`callbacks:list:${JSON.stringify(query)}`, QUEUE_CACHE_MS, () => this.listNow(query).then(sharedAnswer));
  }

  counts(requested: CallbackQueryDto, actor: AuthUser): Promise<CallbackQueueCounts> {
    const query = { ...requested, kind: queueKindFor(actor.role, requested.kind) };
    return this.cache.get(`callbacks:counts:${JSON.stringify(query)}`, QUEUE_CACHE_MS, () => this.countsNow(query).then(sharedAnswer));
  }

  private async listNow(query: CallbackQueryDto): Promise<Page<CallbackItem>> {
    const now = new Date();
    const qb = this.openQuery(query, query.view ?? 'today', now);
    const total = await seekingEachRank(qb.clone()).getCount();
    const ids = (
      await inQueueOrder(qb.select('c.id', 'id'), query.sort)
        .offset((query.page - 1) * query.pageSize)
        .limit(query.pageSize)
        .getRawMany<{ id: number }>()
    ).map((r) => Number(r.id));
    const rows = await this.load(ids);
    const recovery = await this.recoveryOf([...rows.values()]);
    return { items: ids.map((id) => toCallbackItem(rows.get(id) as CallbackEntity, recovery(rows.get(id)), now)), total, page: query.page, pageSize: query.pageSize };
  }

  private async countsNow(query: CallbackQueryDto): Promise<CallbackQueueCounts> {
    const now = new Date();
    const [overdue, today, upcoming] = await Promise.all(CALLBACK_VIEWS.map((view) => seekingEachRank(this.openQuery(query, view, now)).getCount()));
    return { overdue, today, upcoming };
  }

  /** The detail page's read: the patient's name, recovery answers and comment are health data, so audited. */
  async read(id: number, context: AuditContext): Promise<CallbackItem> {
    const item = await this.get(id, context.actor);
    await this.audit.record(context, { action: 'callback.read', entityType: 'callback', entityId: id, patientId: item.patientId });
    return item;
  }

  /** One callback as its writes answer it (their own audit entry covers the read). */
  async get(id: number, actor: AuthUser): Promise<CallbackItem> {
    const row = await this.require(id);
    assertMayWork(actor.role, row.kind);
    return toCallbackItem(row, (await this.recoveryOf([row]))(row));
  }

  async create(input: CreateCallbackDto, context: AuditContext): Promise<CallbackItem> {
    const dueAt = new Date(input.dueAt);
    if (dueAt.getTime() < Date.now() - CLOCK_SKEW_MS) {
      throw new BadRequestException({ message: ['dueAt must not be in the past'], code: ERROR_CODES.callbackDueInPast });
    }
    const id = await this.writes.run(async (manager) => {
      const patient = await manager.findOneBy(PatientEntity, { id: input.patientId });
      if (!patient) throw patientNotFound(input.patientId);
      if (patient.consentCalls === false) throw noConsent();
      const priority = input.priority ?? 'normal';
      const row = manager.create(CallbackEntity, {
        patientId: patient.id,
        kind: 'manual',
        priority,
        priorityRank: callbackPriorityRank(priority),
        status: 'pending',
        dueAt,
        reason: input.note ?? null,
        note: input.note ?? null,
        departmentId: patient.lastDepartmentId,
        sourceKey: null,
        expectedOn: null,
        surveyResponseId: null,
        encounterId: null,
        attemptCount: 0,
        createdBy: context.actor.id,
      });
      await manager.insert(CallbackEntity, row);
      await this.audit.record(context, { action: 'callback.create', entityType: 'callback', entityId: row.id, patientId: patient.id }, manager);
      return row.id;
    });
    return this.get(id, context.actor);
  }

  /**
   * Exactly one of two concurrent claimers wins: a conditional UPDATE that only matches a pending
   * callback or one whose claim has expired; 0 rows changed means someone else holds it (409).
   * A patient without consent to calls is not called (409 `callback.no_consent`): the patient row is
   * locked first, as withdrawing consent locks it before cancelling the patient's callbacks, so a claim
   * racing a withdrawal is either refused here or cancelled by it.
   */
  async claim(id: number, context: AuditContext): Promise<ClaimedCallback> {
    await this.writes.run(async (manager) => {
      const known = await manager.findOne(CallbackEntity, { select: { id: true, patientId: true, kind: true }, where: { id } });
      if (known) {
        assertMayWork(context.actor.role, known.kind);
        const patient = await manager.findOne(PatientEntity, { where: { id: known.patientId }, ...forUpdate(manager) });
        if (patient?.consentCalls === false) throw noConsent();
      }
      const target = await this.lockForAction(manager, id);
      if (target) assertMayWork(context.actor.role, target.kind);
      const now = new Date();
      const claimMinutes = await this.hospital.value('claimTimeoutMinutes', manager);
      const result = await manager
        .createQueryBuilder()
        .update(CallbackEntity)
        .set({ status: 'claimed', claimedBy: context.actor.id, claimedAt: now, claimExpiresAt: new Date(now.getTime() + claimMinutes * 60_000), updatedAt: now })
        .where("id = :id AND (status = 'pending' OR (status = 'claimed' AND (claim_expires_at < :now OR claimed_by = :me)))", { id, now, me: context.actor.id })
        .execute();
      if (result.affected !== 1) throw await this.whyNotClaimable(manager, id, now);
      const row = (await manager.findOneBy(CallbackEntity, { id })) as CallbackEntity;
      await this.audit.record(context, { action: 'callback.claim', entityType: 'callback', entityId: id, patientId: row.patientId }, manager);
    });
    const row = await this.require(id);
    return toClaimedCallback(row, (await this.recoveryOf([row]))(row));
  }

  async release(id: number, context: AuditContext): Promise<CallbackItem> {
    await this.writes.run(async (manager) => {
      const row = await this.heldByMe(manager, id, context);
      await manager.update(CallbackEntity, { id }, { status: 'pending', claimedBy: null, claimedAt: null, claimExpiresAt: null, updatedAt: new Date() });
      await this.audit.record(context, { action: 'callback.release', entityType: 'callback', entityId: id, patientId: row.patientId }, manager);
    });
    return this.get(id, context.actor);
  }

  /** reached, declined and wrong_number complete the call; no_answer retries the next working day, failing after 3. */
  async recordAttempt(id: number, input: RecordAttemptDto, context: AuditContext): Promise<CallbackItem> {
    await this.writes.run(async (manager) => {
      const row = await this.heldByMe(manager, id, context);
      const now = new Date();
      await manager.insert(CallbackAttemptEntity, { callbackId: id, at: now, staffId: context.actor.id, outcome: input.outcome, note: input.note ?? null });
      const attempts = row.attemptCount + 1;
      const free = { claimedBy: null, claimedAt: null, claimExpiresAt: null, attemptCount: attempts, updatedAt: now };
      if (input.outcome !== 'no_answer') {
        await manager.update(CallbackEntity, { id }, { ...free, status: 'completed', outcome: input.outcome, completedAt: now });
      } else if (attempts >= MAX_ATTEMPTS) {
        await manager.update(CallbackEntity, { id }, { ...free, status: 'failed', outcome: 'no_answer' });
      } else {
        await manager.update(CallbackEntity, { id }, { ...free, status: 'pending', dueAt: nextWorkingDay(now, this.config.timeZone) });
      }
      await this.audit.record(context, { action: 'callback.attempt', entityType: 'callback', entityId: id, patientId: row.patientId }, manager);
    });
    return this.get(id, context.actor);
  }

  async reschedule(id: number, input: RescheduleCallbackDto, context: AuditContext): Promise<CallbackItem> {
    const dueAt = new Date(input.dueAt);
    if (dueAt.getTime() <= Date.now()) throw new BadRequestException({ message: ['dueAt must be in the future'], code: ERROR_CODES.callbackDueInPast });
    await this.writes.run(async (manager) => {
      if (input.notifyPatient) {
        // The message's outbox locks the patient: take that lock before the callback's, in the order a claim takes them.
        const known = await manager.findOne(CallbackEntity, { select: { id: true, patientId: true }, where: { id } });
        if (known) await manager.findOne(PatientEntity, { where: { id: known.patientId }, ...forUpdate(manager) });
      }
      const row = await this.openNotHeldByOthers(manager, id, context);
      await manager.update(CallbackEntity, { id }, {
        dueAt,
        status: 'pending',
        note: `${input.reason}`,
        claimedBy: null,
        claimedAt: null,
        claimExpiresAt: null,
        updatedAt: new Date(),
      });
      await this.appointments.withdrawEarlier(manager, id);
      const messageId = input.notifyPatient ? (await this.appointments.announce(manager, row, dueAt, new Date())).id : null;
      await this.audit.record(
        context,
        { action: 'callback.reschedule', entityType: 'callback', entityId: id, patientId: row.patientId, ...(messageId !== null && { detail: JSON.stringify({ messageId }) }) },
        manager,
      );
    });
    return this.get(id, context.actor);
  }

  async cancel(id: number, input: CancelCallbackDto, context: AuditContext): Promise<CallbackItem> {
    await this.writes.run(async (manager) => {
      const row = await this.openNotHeldByOthers(manager, id, context);
      await manager.update(CallbackEntity, { id }, {
        status: 'cancelled',
        cancelReason: input.reason,
        claimedBy: null,
        claimedAt: null,
        claimExpiresAt: null,
        updatedAt: new Date(),
      });
      await this.audit.record(context, { action: 'callback.cancel', entityType: 'callback', entityId: id, patientId: row.patientId }, manager);
    });
    return this.get(id, context.actor);
  }

  private openQuery(query: CallbackQueryDto, view: (typeof CALLBACK_VIEWS)[number], now: Date): SelectQueryBuilder<CallbackEntity> {
    return whereOpenInView(this.callbacks.createQueryBuilder('c'), query, queueWindow(view, now, this.config.timeZone));
  }

  private async load(ids: number[]): Promise<Map<number, CallbackEntity>> {
    if (ids.length === 0) return new Map();
    const rows = await this.callbacks.find({
      where: { id: In(ids) },
      relations: { patient: true, department: true, claimer: true, attempts: { staff: true } },
    });
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** The recovery trigger of each callback, looked up by row. */
  private async recoveryOf(rows: CallbackEntity[]): Promise<(row: CallbackEntity | undefined) => RecoveryTrigger | null> {
    const triggers = await recoveryTriggers(this.callbacks.manager, rows.map((r) => r.surveyResponseId));
    return (row) => (row?.surveyResponseId ? (triggers.get(row.surveyResponseId) ?? null) : null);
  }

  private async require(id: number): Promise<CallbackEntity> {
    const row = (await this.load([id])).get(id);
    if (!row) throw callbackNotFound(id);
    return row;
  }

  private async whyNotClaimable(manager: EntityManager, id: number, now: Date): Promise<Error> {
    const row = await manager.findOne(CallbackEntity, { where: { id }, relations: { claimer: true } });
    if (!row) return callbackNotFound(id);
    if (!OPEN.includes(row.status)) return callbackClosed(id, row.status);
    const until = row.claimExpiresAt && row.claimExpiresAt > now ? ` until ${row.claimExpiresAt.toISOString()}` : '';
    return claimedByOther(row.claimer, until);
  }

  /**
   * Reads the callback for an action and, on PostgreSQL, locks its row until the transaction ends: two
   * actions on one callback (a double-clicked attempt) then run one after the other, the second seeing
   * what the first did. SQLite has no row locks, but its writers are serialised already.
   */
  private lockForAction(manager: EntityManager, id: number): Promise<CallbackEntity | null> {
    const lock = this.callbacks.manager.connection.options.type === 'postgres' ? { lock: { mode: 'pessimistic_write' as const } } : {};
    return manager.findOne(CallbackEntity, { where: { id }, ...lock });
  }

  /** Attempts and release are for the staff member holding a live claim. */
  private async heldByMe(manager: EntityManager, id: number, context: AuditContext): Promise<CallbackEntity> {
    const row = await this.lockForAction(manager, id);
    if (!row) throw callbackNotFound(id);
    assertMayWork(context.actor.role, row.kind);
    if (row.status !== 'claimed' || row.claimedBy !== context.actor.id) {
      if (await this.justRecordedBy(manager, row, context.actor.id)) {
        throw new ConflictException({
          message: `a call on callback ${id} was already recorded just now; it is ${row.status}`,
          code: ERROR_CODES.callbackAlreadyRecorded,
        });
      }
      throw new ForbiddenException({
        message: 'only the staff member who claimed this callback may record calls on it; claim it first',
        code: ERROR_CODES.callbackNotClaimedByYou,
      });
    }
    if (!row.claimExpiresAt || row.claimExpiresAt <= new Date()) {
      throw new ConflictException({ message: 'your claim has expired; claim the callback again', code: ERROR_CODES.callbackClaimExpired });
    }
    return row;
  }

  /** A double submit: the action that ended the claim was this staff member's own attempt, moments ago. */
  private async justRecordedBy(manager: EntityManager, row: CallbackEntity, staffId: number): Promise<boolean> {
    if (row.status === 'claimed') return false;
    const last = await manager.findOne(CallbackAttemptEntity, { where: { callbackId: row.id }, order: { at: 'DESC', id: 'DESC' } });
    return !!last && last.staffId === staffId && last.at.getTime() > Date.now() - DOUBLE_SUBMIT_MS;
  }

  private async openNotHeldByOthers(manager: EntityManager, id: number, context: AuditContext): Promise<CallbackEntity> {
    const row = await this.lockForAction(manager, id);
    if (!row) throw callbackNotFound(id);
    assertMayWork(context.actor.role, row.kind);
    if (!OPEN.includes(row.status)) throw callbackClosed(id, row.status);
    const heldByOther = row.status === 'claimed' && row.claimedBy !== context.actor.id && !!row.claimExpiresAt && row.claimExpiresAt > new Date();
    if (heldByOther) {
      const claimer = row.claimedBy === null ? null : await manager.findOneBy(StaffUserEntity, { id: row.claimedBy });
      throw claimedByOther(claimer);
    }
    return row;
  }
}

function callbackNotFound(callbackId: number): NotFoundException {
  return new NotFoundException({ message: `callback ${callbackId} not found`, code: ERROR_CODES.callbackNotFound, params: { callbackId } });
}

function callbackClosed(id: number, status: string): ConflictException {
  return new ConflictException({ message: `callback ${id} is ${status}`, code: ERROR_CODES.callbackClosed });
}

/** Another staff member holds the callback: the answer names them (a colleague, never the patient). */
function claimedByOther(claimer: StaffUserEntity | null | undefined, until = ''): ConflictException {
  if (!claimer) return new ConflictException({ message: 'the callback changed meanwhile; reload it', code: ERROR_CODES.callbackChanged });
  return new ConflictException({
    message: `${claimer.displayName} is working on this callback${until}`,
    code: ERROR_CODES.callbackClaimed,
    params: { claimedBy: claimer.displayName },
  });
}

function noConsent(): ConflictException {
  return new ConflictException({ message: 'the patient declined follow-up calls', code: ERROR_CODES.callbackNoConsent });
}
