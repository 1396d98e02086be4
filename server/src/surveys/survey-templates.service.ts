import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository, type EntityManager } from 'typeorm';
import { ERROR_CODES, type SurveyQuestion, type SurveyTemplate } from '@huifang/shared';
import type { AuditContext } from '../audit/audit-context.decorator';
import { AuditService } from '../audit/audit.service';
import { WriteTransaction } from '../core/database/write-transaction';
import type { CreateTemplateDto, CreateVersionDto } from './dto/create-template.dto';
import { questionProblems } from './question-rules';
import { SurveyResponseEntity } from './survey-response.entity';
import { SurveyTemplateVersionEntity } from './survey-template-version.entity';
import { SurveyTemplateEntity } from './survey-template.entity';
import { toTemplate } from './template-view';
import { problemFields } from '../core/http/validation';

@Injectable()
export class SurveyTemplatesService {
  constructor(
    @InjectRepository(SurveyTemplateEntity) private readonly templates: Repository<SurveyTemplateEntity>,
    @InjectRepository(SurveyTemplateVersionEntity) private readonly versions: Repository<SurveyTemplateVersionEntity>,
    private readonly writes: WriteTransaction,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<SurveyTemplate[]> {
    const rows = await this.templates.find({ relations: { versions: true }, order: { id: 'ASC' } });
    const counts = await this.responseCounts();
    return rows.map((row) => toTemplate(row, counts));
  }

  async get(id: number): Promise<SurveyTemplate> {
    const row = await this.templates.findOne({ where: { id }, relations: { versions: true } });
    if (!row) throw templateNotFound(id);
    return toTemplate(row, await this.responseCounts());
  }

  async create(input: CreateTemplateDto, context: AuditContext): Promise<SurveyTemplate> {
    assertQuestions(input.questions);
    const id = await this.writes.run(async (manager) => {
      const template = await manager.save(manager.create(SurveyTemplateEntity, { nameZh: input.name.zh, nameEn: input.name.en }));
      await this.insertVersion(manager, template.id, 1, input.questions);
      await this.recordChange(manager, context, template.id);
      return template.id;
    });
    return this.get(id);
  }

  /** A new draft; published versions stay as they were, with their answers. */
  async createVersion(templateId: number, input: CreateVersionDto, context: AuditContext): Promise<SurveyTemplate> {
    assertQuestions(input.questions);
    await this.writes.run(async (manager) => {
      const versions = await manager.findBy(SurveyTemplateVersionEntity, { templateId });
      if (!(await manager.existsBy(SurveyTemplateEntity, { id: templateId }))) {
        throw templateNotFound(templateId);
      }
      if (versions.some((v) => v.status === 'draft')) {
        throw new ConflictException({ message: 'this template already has a draft: publish or edit that one', code: ERROR_CODES.templateDraftExists });
      }
      await this.insertVersion(manager, templateId, Math.max(0, ...versions.map((v) => v.version)) + 1, input.questions);
      await this.recordChange(manager, context, templateId);
    });
    return this.get(templateId);
  }

  /** Publishes a draft; the version published before is retired (its answers keep pointing at it). */
  async publish(templateId: number, version: number, context: AuditContext): Promise<SurveyTemplate> {
    await this.writes.run(async (manager) => {
      const target = await manager.findOneBy(SurveyTemplateVersionEntity, { templateId, version });
      if (!target) throw templateNotFound(templateId, `version ${version} of survey template ${templateId} not found`);
      if (target.status !== 'draft') {
        throw new ConflictException({ message: `version ${version} is ${target.status}, not a draft`, code: ERROR_CODES.templateNotDraft });
      }
      await manager.update(SurveyTemplateVersionEntity, { templateId, status: 'published' }, { status: 'retired' });
      await manager.update(SurveyTemplateVersionEntity, { id: target.id }, { status: 'published', publishedAt: new Date() });
      await this.recordChange(manager, context, templateId);
    });
    return this.get(templateId);
  }

  /** Every template change is audited in its own transaction: both commit or neither. */
  private recordChange(manager: EntityManager, context: AuditContext, templateId: number): Promise<void> {
    return this.audit.record(context, { action: 'survey.template', entityType: 'survey_template', entityId: templateId }, manager);
  }

  /** The version new invitations use: the published one of the oldest template (the default). */
  async currentVersion(manager: EntityManager): Promise<SurveyTemplateVersionEntity> {
    // Coded templates are the system's (imported NHS FFT answers): never a new invitation's.
    const version = await manager.findOne(SurveyTemplateVersionEntity, {
      where: { status: 'published', template: { code: IsNull() } },
      order: { templateId: 'ASC' },
    });
    if (!version) throw new ConflictException({ message: 'no survey template is published', code: ERROR_CODES.templateNonePublished });
    return version;
  }

  private insertVersion(manager: EntityManager, templateId: number, version: number, questions: SurveyQuestion[]) {
    return manager.insert(SurveyTemplateVersionEntity, {
      templateId,
      version,
      status: 'draft',
      questions: questions.map(stripUndefined),
      publishedAt: null,
    });
  }

  private async responseCounts(): Promise<Map<number, number>> {
    const rows = await this.versions.manager
      .createQueryBuilder(SurveyResponseEntity, 'r')
      .select('r.template_version_id', 'versionId')
      .addSelect('COUNT(*)', 'n')
      .groupBy('r.template_version_id')
      .getRawMany<{ versionId: number; n: string | number }>();
    return new Map(rows.map((r) => [Number(r.versionId), Number(r.n)]));
  }
}

function assertQuestions(questions: SurveyQuestion[]): void {
  const problems = questionProblems(questions);
  if (problems.length) {
    throw new BadRequestException({ message: problems, code: ERROR_CODES.templateQuestionsInvalid, params: { fields: problemFields(problems) } });
  }
}

function templateNotFound(templateId: number, message = `survey template ${templateId} not found`): NotFoundException {
  return new NotFoundException({ message, code: ERROR_CODES.templateNotFound, params: { templateId } });
}

function stripUndefined(question: SurveyQuestion): SurveyQuestion {
  return JSON.parse(JSON.stringify(question)) as SurveyQuestion;
}
