import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { COMMENT_THEME_KEY_PATTERN, COMMENT_THEME_KEYS, ERROR_CODES, type CommentTheme, type CommentThemeChange } from '@huifang/shared';
import type { AuditContext } from '../../audit/audit-context.decorator';
import { AuditService } from '../../audit/audit.service';
import { isUniqueViolation } from '../../core/database/unique-violation';
import { WriteTransaction } from '../../core/database/write-transaction';
import { CommentThemeEntity } from './comment-theme.entity';
import type { CreateCommentThemeDto } from './dto/create-comment-theme.dto';
import type { UpdateCommentThemeDto } from './dto/update-comment-theme.dto';
import { RetagRunner } from './retag-runner';
import { taggerVersion } from './tagger-version';
import { loadThemeCatalog, parsePhrases } from './theme-catalog';

export function toCommentTheme(entity: CommentThemeEntity): CommentTheme {
  return {
    key: entity.key,
    nameZh: entity.nameZh,
    nameEn: entity.nameEn,
    builtIn: entity.builtIn,
    enabled: entity.enabled,
    phrasesZh: parsePhrases(entity.phrasesZh),
    phrasesEn: parsePhrases(entity.phrasesEn),
  };
}

/** Each phrase once (the first spelling kept, compared case-insensitively). */
function distinct(phrases: readonly string[]): string[] {
  const seen = new Set<string>();
  return phrases.filter((phrase) => {
    const folded = phrase.normalize('NFKC').toLowerCase();
    if (seen.has(folded)) return false;
    seen.add(folded);
    return true;
  });
}

/** The audit detail of an update: each field that changed, `field: old → new` (as department.update). */
function changeDetail(before: CommentTheme, after: CommentTheme): string {
  const fields = ['nameZh', 'nameEn', 'enabled', 'phrasesZh', 'phrasesEn'] as const;
  const show = (value: unknown) => (Array.isArray(value) ? JSON.stringify(value) : String(value));
  const changes = fields.filter((f) => show(before[f]) !== show(after[f])).map((f) => `${f}: ${show(before[f])} → ${show(after[f])}`);
  return [`key: ${after.key}`, ...changes].join('; ');
}

function notFound(key: string): NotFoundException {
  return new NotFoundException({ message: `comment theme "${key}" does not exist`, code: ERROR_CODES.commentThemeNotFound, params: { key } });
}

function keyTaken(key: string): ConflictException {
  return new ConflictException({ message: `comment theme "${key}" already exists`, code: ERROR_CODES.commentThemeKeyTaken });
}

/**
 * The list of comment themes admins extend (issue #13). A change that alters what the tagger
 * assigns (a theme added, (dis)abled, its phrases edited) changes the tagger version, so every
 * stored comment becomes stale and the re-tag is started in the background; a rename does not.
 */
@Injectable()
export class CommentThemesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteTransaction,
    private readonly audit: AuditService,
    private readonly retag: RetagRunner,
  ) {}

  async list(): Promise<CommentTheme[]> {
    const themes = await this.dataSource.manager.find(CommentThemeEntity);
    // Built-in first, in shared/'s order (as everywhere else), then the admins' own by key.
    const rank = (theme: CommentThemeEntity) => {
      const index = (COMMENT_THEME_KEYS as readonly string[]).indexOf(theme.key);
      return index < 0 ? COMMENT_THEME_KEYS.length : index;
    };
    return themes.sort((a, b) => rank(a) - rank(b) || (a.key < b.key ? -1 : 1)).map(toCommentTheme);
  }

  /** The theme and its audit entry commit together. */
  async create(input: CreateCommentThemeDto, context: AuditContext): Promise<CommentThemeChange> {
    const versionBefore = await this.currentVersion();
    if (await this.dataSource.manager.existsBy(CommentThemeEntity, { key: input.key })) throw keyTaken(input.key);
    const entity = this.dataSource.manager.create(CommentThemeEntity, {
      key: input.key,
      nameZh: input.nameZh,
      nameEn: input.nameEn,
      builtIn: false,
      enabled: true,
      phrasesZh: JSON.stringify(distinct(input.phrasesZh)),
      phrasesEn: JSON.stringify(distinct(input.phrasesEn)),
    });
    const saved = await this.writes
      .run(async (manager) => {
        // insert, not save: save would turn a key taken meanwhile into an UPDATE of that theme.
        await manager.insert(CommentThemeEntity, entity);
        await this.audit.record(context, { action: 'comment_theme.create', entityType: 'comment_theme', entityId: null, detail: `key: ${entity.key}` }, manager);
        return entity;
      })
      .catch((error) => {
        if (isUniqueViolation(error)) throw keyTaken(input.key);
        throw error;
      });
    return this.changed(toCommentTheme(saved), versionBefore);
  }

  /** Rename, (dis)able, or (an admin's own theme) replace its phrases. */
  async update(key: string, input: UpdateCommentThemeDto, context: AuditContext): Promise<CommentThemeChange> {
    const given = (['nameZh', 'nameEn', 'enabled', 'phrasesZh', 'phrasesEn'] as const).filter((field) => input[field] !== undefined);
    if (given.length === 0) {
      throw new BadRequestException({
        message: ['nameZh, nameEn, enabled, phrasesZh or phrasesEn must be given'],
        code: ERROR_CODES.validation,
        params: { fields: ['nameZh', 'nameEn', 'enabled', 'phrasesZh', 'phrasesEn'] },
      });
    }
    // A key no theme can have (500 characters, odd characters) is not looked up (NUL bytes never get here: the input guard refuses them).
    if (!COMMENT_THEME_KEY_PATTERN.test(key)) throw notFound(key.slice(0, 40));
    const versionBefore = await this.currentVersion();
    const saved = await this.writes.run(async (manager) => {
      const theme = await manager.findOneBy(CommentThemeEntity, { key });
      if (!theme) throw notFound(key);
      const phraseFields = given.filter((field) => field === 'phrasesZh' || field === 'phrasesEn');
      if (theme.builtIn && phraseFields.length) {
        throw new BadRequestException({
          message: [`${phraseFields.join(', ')}: built-in themes take no phrases`],
          code: ERROR_CODES.commentThemeBuiltInPhrases,
          params: { fields: phraseFields },
        });
      }
      const before = toCommentTheme(theme);
      if (input.nameZh !== undefined) theme.nameZh = input.nameZh;
      if (input.nameEn !== undefined) theme.nameEn = input.nameEn;
      if (input.enabled !== undefined) theme.enabled = input.enabled;
      if (input.phrasesZh !== undefined) theme.phrasesZh = JSON.stringify(distinct(input.phrasesZh));
      if (input.phrasesEn !== undefined) theme.phrasesEn = JSON.stringify(distinct(input.phrasesEn));
      await manager.save(theme);
      const detail = changeDetail(before, toCommentTheme(theme));
      await this.audit.record(context, { action: 'comment_theme.update', entityType: 'comment_theme', entityId: null, detail }, manager);
      return theme;
    });
    return this.changed(toCommentTheme(saved), versionBefore);
  }

  private async currentVersion(): Promise<string> {
    return taggerVersion(await loadThemeCatalog(this.dataSource.manager));
  }

  /** After a change: when the tagger version moved, stored comments are stale, and the re-tag starts. */
  private async changed(theme: CommentTheme, versionBefore: string): Promise<CommentThemeChange> {
    const version = await this.currentVersion();
    return { theme, taggerVersion: version, retagStarted: version !== versionBefore && this.retag.start() };
  }
}
