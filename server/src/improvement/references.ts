import { BadRequestException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ERROR_CODES, parseIndicatorKey, type IndicatorKey } from '@huifang/shared';
import { DepartmentEntity } from '../departments/department.entity';
import { CommentThemeEntity } from '../surveys/themes/comment-theme.entity';
import { StaffUserEntity } from '../users/user.entity';

/*
 * The checks of an action's or target's references that need the database, each a 400 naming the
 * field with its own code (the client shows it next to that field). Shared by actions and targets.
 */

function refused(field: string, what: string, code: string): BadRequestException {
  return new BadRequestException({ message: [`${field} ${what}`], code });
}

/** A well-formed key (shared isIndicatorKey) whose theme, for `theme_share:<key>`, exists. */
export async function checkIndicator(manager: EntityManager, indicator: string, field = 'indicator'): Promise<IndicatorKey> {
  const parsed = parseIndicatorKey(indicator);
  if (!parsed) {
    throw refused(field, "must be an indicator key: wait_median, wait_over_threshold, nps, csat, churn_rate, callback_completion, 'dimension:<dimension>' or 'theme_share:<theme>'", ERROR_CODES.improvementUnknownIndicator);
  }
  if (parsed.base === 'theme_share' && !(await manager.existsBy(CommentThemeEntity, { key: parsed.param ?? '' }))) {
    throw refused(field, 'names no comment theme', ERROR_CODES.improvementUnknownTheme);
  }
  return indicator as IndicatorKey;
}

/** null (the whole hospital) or an existing department. */
export async function checkDepartment(manager: EntityManager, departmentId: number | null, field = 'departmentId'): Promise<void> {
  if (departmentId !== null && !(await manager.existsBy(DepartmentEntity, { id: departmentId }))) {
    throw refused(field, 'names no department', ERROR_CODES.improvementUnknownDepartment);
  }
}

/** An active staff user. */
export async function checkOwner(manager: EntityManager, userId: number, field = 'ownerUserId'): Promise<void> {
  if (!(await manager.existsBy(StaffUserEntity, { id: userId, active: true }))) {
    throw refused(field, 'must be an active staff user', ERROR_CODES.improvementUnknownOwner);
  }
}
