import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, Like, type EntityManager } from 'typeorm';
import {
  ERROR_CODES,
  HOSPITAL_LOGO_MAX_BYTES,
  logoTypeOf,
  type HospitalLogoType,
  type HospitalSettings,
  type NumericHospitalSetting,
  type PublicHospital,
  type UpdateHospitalSettingsRequest,
  type UploadHospitalLogoRequest,
} from '@huifang/shared';
import type { AuditContext } from '../audit/audit-context.decorator';
import { AuditService } from '../audit/audit.service';
import { AppConfig } from '../core/config/app-config';
import { WriteTransaction } from '../core/database/write-transaction';
import { AppSetting } from '../core/settings/app-setting.entity';
import { hospitalSettingsChange, settingsFromRows, SETTING_KEY_PREFIX } from './hospital-settings-rows';

const LOGO_KEY = 'hospital_logo';

/**
 * The hospital's settings, for every use on the server (status clock, indicators, survey
 * invitations, callback claims). Saved values live in `app_setting` and are read per use, never
 * cached, so two instances on one database always agree; the environment gives the defaults.
 */
@Injectable()
export class HospitalSettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly writes: WriteTransaction,
    private readonly audit: AuditService,
  ) {}

  /** The settings now in force; pass `manager` to read inside a transaction. */
  async current(manager: EntityManager = this.dataSource.manager): Promise<HospitalSettings> {
    const rows = await manager.find(AppSetting, { where: { key: Like(`${SETTING_KEY_PREFIX}%`) } });
    return settingsFromRows(rows, this.config);
  }

  /** Saves the given fields; the audit entry records each old → new value and commits with them. */
  async update(input: UpdateHospitalSettingsRequest, context: AuditContext): Promise<HospitalSettings> {
    await this.writes.run(async (manager) => {
      const before = await this.current(manager);
      const change = hospitalSettingsChange(before, input);
      if (change.rows.length === 0) return;
      await manager.upsert(AppSetting, change.rows, ['key']);
      await this.audit.record(context, { action: 'settings.update', entityType: 'hospital_settings', entityId: null, detail: change.detail }, manager);
    });
    return this.current();
  }

  /** Stores a PNG or JPEG logo; the bytes decide the type, never the claim alone. */
  async uploadLogo(input: UploadHospitalLogoRequest, context: AuditContext): Promise<HospitalSettings> {
    const bytes = Buffer.from(input.data, 'base64');
    if (bytes.length > HOSPITAL_LOGO_MAX_BYTES) {
      throw new BadRequestException({
        message: [`data must be at most ${HOSPITAL_LOGO_MAX_BYTES} bytes`],
        code: ERROR_CODES.settingsLogoTooLarge,
        params: { maxKb: Math.floor(HOSPITAL_LOGO_MAX_BYTES / 1024) },
      });
    }
    const actual = logoTypeOf(bytes);
    if (actual === null || actual !== input.contentType) {
      throw new BadRequestException({ message: ['data must be a PNG or JPEG image of the type given in contentType'], code: ERROR_CODES.settingsLogoType });
    }
    await this.writes.run(async (manager) => {
      const version = String(Date.now());
      await manager.upsert(
        AppSetting,
        [
          { key: LOGO_KEY, value: JSON.stringify({ type: actual, data: input.data }) },
          { key: `${SETTING_KEY_PREFIX}logoVersion`, value: version },
        ],
        ['key'],
      );
      await this.audit.record(context, { action: 'settings.update', entityType: 'hospital_settings', entityId: null, detail: `logo: ${actual}, ${bytes.length} bytes` }, manager);
    });
    return this.current();
  }

  async removeLogo(context: AuditContext): Promise<HospitalSettings> {
    await this.writes.run(async (manager) => {
      await manager.delete(AppSetting, { key: LOGO_KEY });
      await manager.delete(AppSetting, { key: `${SETTING_KEY_PREFIX}logoVersion` });
      await this.audit.record(context, { action: 'settings.update', entityType: 'hospital_settings', entityId: null, detail: 'logo: removed' }, manager);
    });
    return this.current();
  }

  async logo(): Promise<{ type: HospitalLogoType; bytes: Buffer }> {
    const row = await this.dataSource.manager.findOneBy(AppSetting, { key: LOGO_KEY });
    if (!row) throw new NotFoundException({ message: 'no logo has been uploaded', code: ERROR_CODES.settingsLogoMissing });
    const stored = JSON.parse(row.value) as { type: HospitalLogoType; data: string };
    return { type: stored.type, bytes: Buffer.from(stored.data, 'base64') };
  }

  /** What the public survey form shows: the name and logo, nothing else. */
  async publicHospital(): Promise<PublicHospital> {
    const settings = await this.current();
    return { name: settings.hospitalName, logoUrl: settings.logoUrl };
  }

  /** One number, for callers that need just that. */
  async value(setting: NumericHospitalSetting, manager?: EntityManager): Promise<number> {
    return (await this.current(manager))[setting];
  }
}
