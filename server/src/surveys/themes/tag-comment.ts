import type { CommentTags } from '@huifang/shared';
import { tagChinese } from './chinese-tagger';
import { customThemeMatches } from './custom-theme-matcher';
import { loadEnglishModel, type EnglishModel, type EnglishModelFile } from './english-model';
import { tagEnglish } from './english-tagger';
import modelFile from './en-model.json';
import { BUILT_IN_CATALOG, type ThemeCatalog } from './theme-catalog';

/** Han characters; a comment where they make up at least this share of the letters is read as Chinese. */
const HAN = /\p{Script=Han}/gu;
const LETTER = /[\p{Script=Han}A-Za-z]/gu;
const CHINESE_SHARE = 0.3;

let englishModel: EnglishModel | undefined;

/** The English model, decoded once per process (about 0.1 s). */
export function englishThemeModel(): EnglishModel {
  englishModel ??= loadEnglishModel(modelFile as EnglishModelFile);
  return englishModel;
}

export function isChinese(text: string): boolean {
  const han = text.match(HAN)?.length ?? 0;
  const letters = text.match(LETTER)?.length ?? 0;
  return han > 0 && han >= letters * CHINESE_SHARE;
}

/**
 * Themes and sentiment of one patient comment, Chinese or English: the built-in themes the
 * catalog leaves enabled, then the admins' themes whose phrases the comment contains.
 */
export function tagComment(text: string, catalog: ThemeCatalog = BUILT_IN_CATALOG): CommentTags {
  if (!text.trim()) return { themes: [], sentiment: 'mixed_neutral' };
  const tags = isChinese(text) ? tagChinese(text) : tagEnglish(text, englishThemeModel());
  const disabled = new Set(catalog.disabled);
  const themes = tags.themes.filter((theme) => !disabled.has(theme.key));
  return { themes: [...themes, ...customThemeMatches(text, catalog.custom)], sentiment: tags.sentiment };
}
