import { applyDecorators } from '@nestjs/common';
import { IsIn, IsInt, IsString, Max, Min, ValidateIf } from 'class-validator';
import {
  IMPROVEMENT_DESCRIPTION_MAX_LENGTH,
  IMPROVEMENT_TITLE_MAX_LENGTH,
  IMPROVEMENT_WINDOW_RANGES,
  INDICATOR_KEY_MAX_LENGTH,
  type ImprovementWindowSetting,
} from '@huifang/shared';
import { IsCalendarDay } from '../../../core/http/calendar-day.validator';
import { CharLength, MaxChars } from '../../../core/http/chars.validator';
import { IsId } from '../../../core/http/id.validator';
import { Trim } from '../../../core/http/trim';

/*
 * The field rules of an action's body, once for create and update (the bounds live in shared/).
 * What needs the database or two fields (an unknown indicator, owner, department or theme; an end
 * before the start) is the service's, with its own error code.
 */

export const TitleField = () => applyDecorators(IsString(), Trim(), CharLength(1, IMPROVEMENT_TITLE_MAX_LENGTH));

export const DescriptionField = () => applyDecorators(IsString(), Trim(), MaxChars(IMPROVEMENT_DESCRIPTION_MAX_LENGTH));

/** Checked as a key by the service (`improvement.unknown_indicator`); bounded here so no long text reaches it. */
export const IndicatorField = () => applyDecorators(IsString(), MaxChars(INDICATOR_KEY_MAX_LENGTH));

/** A department id, or null for the whole hospital (absent is refused where the field is required). */
export const DepartmentField = () => applyDecorators(ValidateIf((_o, value) => value !== null), IsId());

/** A whole number of days within the window setting's range. */
export const WindowDaysField = (setting: ImprovementWindowSetting) =>
  applyDecorators(IsInt(), Min(IMPROVEMENT_WINDOW_RANGES[setting].min), Max(IMPROVEMENT_WINDOW_RANGES[setting].max));

export const DayField = () => IsCalendarDay();

export const OneOf = (values: readonly string[]) => IsIn(values as string[]);
