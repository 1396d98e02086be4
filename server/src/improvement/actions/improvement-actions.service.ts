import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, In, type EntityManager, type FindOptionsWhere } from 'typeorm';
import {
  ERROR_CODES,
  IMPROVEMENT_EDITABLE_FIELDS,
  IMPROVEMENT_WINDOW_DEFAULTS,
  indicatorDefinition,
  isEndOnOrAfterStart,
  type CalendarDay,
  type ImprovementAction,
  type ImprovementActionSummary,
  type ImprovementOwner,
} from '@huifang/shared';
import type { AuditContext } from '../../audit/audit-context.decorator';
import { AuditService } from '../../audit/audit.service';
import { forUpdate } from '../../core/database/row-lock';
import { WriteTransaction } from '../../core/database/write-transaction';
import { StaffUserEntity } from '../../users/user.entity';
import { ImprovementEvaluationService } from '../evaluation/improvement-evaluation.service';
import { checkDepartment, checkIndicator, checkOwner } from '../references';
import { toNote, toSummary, type ActionRow } from './action-view';
import { inMonthReport } from './month-filter';
import type { CreateImprovementActionDto } from './dto/create-improvement-action.dto';
import type { CreateImprovementNoteDto } from './dto/create-improvement-note.dto';
import type { ImprovementActionQueryDto } from './dto/improvement-action-query.dto';
import type { UpdateImprovementActionDto } from './dto/update-improvement-action.dto';
import { ImprovementActionEntity } from './improvement-action.entity';
import { ImprovementNoteEntity } from './improvement-note.entity';

const EDITABLE = IMPROVEMENT_EDITABLE_FIELDS;

function notFound(actionId: number): NotFoundException {
  return new NotFoundException({ message: `improvement action ${actionId} does not exist`, code: ERROR_CODES.improvementNotFound, params: { actionId } });
}

function endBeforeStart(): BadRequestException {
  return new BadRequestException({ message: ['endDate must not be before startDate'], code: ERROR_CODES.improvementEndBeforeStart });
}

/**
 * Improvement actions (issue #15): record, edit and annotate them; every write audited with the
 * change. Each action is answered with its evaluation (ImprovementEvaluationService): the list
 * and the report carry the verdict, the detail the windows, interval and p.
 */
@Injectable()
export class ImprovementActionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteTransaction,
    private readonly audit: AuditService,
    private readonly evaluations: ImprovementEvaluationService,
  ) {}

  /** Newest start first; `departmentId` lists that department's own actions. */
  async list(query: ImprovementActionQueryDto): Promise<ImprovementActionSummary[]> {
    const where: FindOptionsWhere<ImprovementActionEntity> = {};
    if (query.status) where.status = query.status;
    if (query.departmentId !== undefined) where.departmentId = query.departmentId;
    if (query.indicator !== undefined) where.indicator = await checkIndicator(this.dataSource.manager, query.indicator);
    return this.summaries(await this.rows(where));
  }

  /**
   * For the monthly report (`month` = `YYYY-MM`): the actions under way during the month (started by
   * its last day, not ended before its first), of the department and
   * the hospital-wide ones (all of them for the hospital, `departmentId` null), each with its verdict
   * as of `asOf` (default today).
   */
  async forMonth(month: string, departmentId: number | null, asOf?: CalendarDay): Promise<ImprovementActionSummary[]> {
    const rows = (await this.rows({})).filter(({ action }) => inMonthReport(action, month, departmentId));
    return this.summaries(rows, asOf);
  }

  /** Active staff by name (an owner must be active: references.ts checkOwner); nothing else of their accounts. */
  async owners(): Promise<ImprovementOwner[]> {
    const users = await this.dataSource.manager.find(StaffUserEntity, { where: { active: true }, select: { id: true, displayName: true }, order: { displayName: 'ASC', id: 'ASC' } });
    return users.map((user) => ({ id: user.id, name: user.displayName }));
  }

  async get(id: number): Promise<ImprovementAction> {
    const [row] = await this.rows({ id });
    if (!row) throw notFound(id);
    const notes = await this.dataSource.manager.find(ImprovementNoteEntity, { where: { actionId: id }, order: { id: 'ASC' } });
    const names = await this.userNames(notes.map((n) => n.authorId));
    const evaluation = await this.evaluations.evaluate(row.action);
    return {
      ...toSummary(row, evaluation),
      description: row.action.description,
      createdBy: row.action.createdBy === null ? null : { id: row.action.createdBy, name: row.creatorName ?? '' },
      notes: notes.map((note) => toNote(note, note.authorId === null ? null : (names.get(note.authorId) ?? null))),
      evaluation,
    };
  }

  async create(input: CreateImprovementActionDto, context: AuditContext): Promise<ImprovementAction> {
    if (!isEndOnOrAfterStart(input.startDate, input.endDate)) throw endBeforeStart();
    const id = await this.writes.run(async (manager) => {
      const indicator = await checkIndicator(manager, input.indicator);
      await checkDepartment(manager, input.departmentId);
      await checkOwner(manager, input.ownerUserId);
      const entity = manager.create(ImprovementActionEntity, {
        title: input.title,
        description: input.description ?? '',
        departmentId: input.departmentId,
        ownerUserId: input.ownerUserId,
        indicator,
        betterDirection: input.betterDirection ?? indicatorDefinition(indicator).betterDirection,
        startDate: input.startDate,
        endDate: input.endDate ?? null,
        status: input.status ?? 'planned',
        baselineDays: input.baselineDays ?? IMPROVEMENT_WINDOW_DEFAULTS.baselineDays,
        lagDays: input.lagDays ?? IMPROVEMENT_WINDOW_DEFAULTS.lagDays,
        followUpDays: input.followUpDays ?? IMPROVEMENT_WINDOW_DEFAULTS.followUpDays,
        createdBy: context.actor.id,
      });
      const saved = await manager.save(entity);
      const detail = `indicator: ${saved.indicator}; department: ${saved.departmentId ?? 'all'}; start: ${saved.startDate}; status: ${saved.status}`;
      await this.audit.record(context, { action: 'improvement.create', entityType: 'improvement_action', entityId: saved.id, detail }, manager);
      return saved.id;
    });
    return this.get(id);
  }

  async update(id: number, input: UpdateImprovementActionDto, context: AuditContext): Promise<ImprovementAction> {
    const given = EDITABLE.filter((field) => input[field] !== undefined);
    if (given.length === 0) {
      throw new BadRequestException({ message: [`one of ${EDITABLE.join(', ')} must be given`], code: ERROR_CODES.validation, params: { fields: [...EDITABLE] } });
    }
    await this.writes.run(async (manager) => {
      // Locked (PostgreSQL; SQLite's writers run one at a time): two PATCHes at once would each
      // change the row as read, the second undoing the first or, one moving the start and one the
      // end, pass both checks below and break the table's end >= start CHECK (a 500).
      const action = await manager.findOne(ImprovementActionEntity, { where: { id }, ...forUpdate(manager) });
      if (!action) throw notFound(id);
      const before = { ...action };
      if (input.indicator !== undefined) {
        const indicator = await checkIndicator(manager, input.indicator);
        // Another indicator has its own better direction (lower waits, higher NPS): unless one is
        // given, it takes that one, as on create; the old one may mean the opposite.
        if (indicator !== action.indicator) action.betterDirection = indicatorDefinition(indicator).betterDirection;
        action.indicator = indicator;
      }
      if (input.departmentId !== undefined) {
        await checkDepartment(manager, input.departmentId);
        action.departmentId = input.departmentId;
      }
      if (input.ownerUserId !== undefined && input.ownerUserId !== action.ownerUserId) {
        await checkOwner(manager, input.ownerUserId);
        action.ownerUserId = input.ownerUserId;
      }
      if (input.title !== undefined) action.title = input.title;
      if (input.description !== undefined) action.description = input.description;
      if (input.betterDirection !== undefined) action.betterDirection = input.betterDirection;
      if (input.startDate !== undefined) action.startDate = input.startDate;
      if (input.endDate !== undefined) action.endDate = input.endDate;
      if (input.status !== undefined) action.status = input.status;
      if (input.baselineDays !== undefined) action.baselineDays = input.baselineDays;
      if (input.lagDays !== undefined) action.lagDays = input.lagDays;
      if (input.followUpDays !== undefined) action.followUpDays = input.followUpDays;
      // A new start can put the stored end before it, as a new end can: checked on the result (of the locked row).
      if (!isEndOnOrAfterStart(action.startDate, action.endDate)) throw endBeforeStart();
      await manager.save(action);
      await this.audit.record(context, { action: 'improvement.update', entityType: 'improvement_action', entityId: id, detail: changeDetail(before, action) }, manager);
    });
    return this.get(id);
  }

  async addNote(id: number, input: CreateImprovementNoteDto, context: AuditContext): Promise<ImprovementAction> {
    await this.writes.run(async (manager) => {
      if (!(await manager.existsBy(ImprovementActionEntity, { id }))) throw notFound(id);
      const note = await manager.save(manager.create(ImprovementNoteEntity, { actionId: id, text: input.text, authorId: context.actor.id }));
      await this.audit.record(context, { action: 'improvement.note', entityType: 'improvement_action', entityId: id, detail: `note: ${note.id}` }, manager);
    });
    return this.get(id);
  }

  private async rows(where: FindOptionsWhere<ImprovementActionEntity>, manager: EntityManager = this.dataSource.manager): Promise<ActionRow[]> {
    const actions = await manager.find(ImprovementActionEntity, {
      where,
      relations: { department: true, owner: true },
      order: { startDate: 'DESC', id: 'DESC' },
    });
    const creators = await this.userNames(actions.map((a) => a.createdBy));
    return actions.map((action) => ({
      action,
      departmentName: action.department?.name ?? null,
      ownerName: action.owner?.displayName ?? '',
      creatorName: action.createdBy === null ? null : (creators.get(action.createdBy) ?? null),
    }));
  }

  private async summaries(rows: ActionRow[], asOf?: CalendarDay): Promise<ImprovementActionSummary[]> {
    const evaluations = await this.evaluations.evaluateAll(rows.map((row) => row.action), asOf);
    return rows.map((row, i) => toSummary(row, evaluations[i]));
  }

  private async userNames(ids: (number | null)[]): Promise<Map<number, string>> {
    const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
    if (!wanted.length) return new Map();
    const users = await this.dataSource.manager.find(StaffUserEntity, { where: { id: In(wanted) }, select: { id: true, displayName: true } });
    return new Map(users.map((u) => [u.id, u.displayName]));
  }
}

/** Free text is named, not copied, into the audit log (it may mention anyone). */
const FREE_TEXT = new Set<string>(['title', 'description']);

/** `field: old → new` for each field that changed (as department.update's audit detail). */
function changeDetail(before: ImprovementActionEntity, after: ImprovementActionEntity): string {
  const changes = EDITABLE.filter((field) => before[field] !== after[field]).map((field) =>
    FREE_TEXT.has(field) ? `${field} changed` : `${field}: ${String(before[field])} → ${String(after[field])}`,
  );
  return changes.length ? changes.join('; ') : 'no change';
}
