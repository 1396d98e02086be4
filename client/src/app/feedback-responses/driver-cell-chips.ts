import { DEFAULT_COMMENT_THEMES, type DriverResponseFilter } from '@huifang/shared';
import type { Lang } from '../i18n/language';

/** One filter of a drivers cell, shown as a chip that removes it. */
export interface DriverChip {
  key: keyof DriverResponseFilter;
  labelKey: string;
  params: Record<string, string>;
}

/** The chips of a drivers cell, in a fixed order; a theme is named as the built-in themes are, else by its key. */
export function driverCellChips(cell: DriverResponseFilter, lang: Lang): DriverChip[] {
  const chips: DriverChip[] = [];
  if (cell.npsBand) chips.push({ key: 'npsBand', labelKey: `surveys.feedback.driverCell.npsBand.${cell.npsBand}`, params: {} });
  if (cell.waitBand) chips.push({ key: 'waitBand', labelKey: `surveys.feedback.driverCell.waitBand.${cell.waitBand}`, params: {} });
  if (cell.themeId) {
    const theme = DEFAULT_COMMENT_THEMES.find((t) => t.key === cell.themeId);
    chips.push({ key: 'themeId', labelKey: 'surveys.feedback.driverCell.theme', params: { name: theme ? theme.name[lang] : cell.themeId } });
  }
  return chips;
}
