import type { LocalizedText } from './surveys';

/**
 * The default themes of patients' comments (issue #13): what a comment is about. Admins may add
 * themes later; these keys are the ones the built-in tagger knows.
 */
export const DEFAULT_COMMENT_THEMES = [
  { key: 'waiting', name: { zh: '等候与及时性', en: 'Waiting & timeliness' } },
  { key: 'staff_attitude', name: { zh: '服务态度', en: 'Staff attitude & manner' } },
  { key: 'communication', name: { zh: '沟通与信息', en: 'Communication & information' } },
  { key: 'clinical_care', name: { zh: '诊疗水平', en: 'Clinical care & competence' } },
  { key: 'appointments', name: { zh: '预约与就医便利', en: 'Appointments & access' } },
  { key: 'environment', name: { zh: '环境与卫生', en: 'Environment & cleanliness' } },
  { key: 'cost', name: { zh: '费用与收费', en: 'Cost & billing' } },
  { key: 'parking_transport', name: { zh: '停车与交通', en: 'Parking & transport' } },
  { key: 'food', name: { zh: '餐饮', en: 'Food' } },
  { key: 'discharge', name: { zh: '出院与随访', en: 'Discharge & follow-up' } },
] as const satisfies readonly { key: string; name: LocalizedText }[];

export type CommentThemeKey = (typeof DEFAULT_COMMENT_THEMES)[number]['key'];
export const COMMENT_THEME_KEYS: readonly CommentThemeKey[] = DEFAULT_COMMENT_THEMES.map((t) => t.key);

/** A comment's overall tone; `mixed_neutral` covers both "some good, some bad" and "no opinion". */
export const COMMENT_SENTIMENTS = ['positive', 'negative', 'mixed_neutral'] as const;
export type CommentSentiment = (typeof COMMENT_SENTIMENTS)[number];

export const COMMENT_SENTIMENT_NAMES: Readonly<Record<CommentSentiment, LocalizedText>> = {
  positive: { zh: '正面', en: 'Positive' },
  negative: { zh: '负面', en: 'Negative' },
  mixed_neutral: { zh: '中性或褒贬兼有', en: 'Mixed or neutral' },
};

/** One theme found in a comment, with the words or phrases that show it (to highlight). */
export interface CommentThemeMatch {
  /** A built-in key (CommentThemeKey) or an admin's own (COMMENT_THEME_KEY_PATTERN). */
  key: string;
  matched: string[];
}

export interface CommentTags {
  themes: CommentThemeMatch[];
  sentiment: CommentSentiment;
}

/** A theme's key as stored (`comment_theme.key`): the built-in ones and any an admin adds later. */
export const COMMENT_THEME_KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

/** Bounds of an admin's theme (POST / PATCH /api/comment-themes). */
export const COMMENT_THEME_NAME_MAX_LENGTH = 100;
export const COMMENT_THEME_PHRASES_MAX = 30;
export const COMMENT_THEME_PHRASE_MAX_LENGTH = 40;

/**
 * A theme of the list admins extend (GET /api/comment-themes). Built-in themes are found by the
 * tagger's lexicons and model (no phrases here); an admin's own theme is found by its phrases:
 * Chinese ones as substrings of the comment, English ones as whole words, case-insensitive.
 */
export interface CommentTheme {
  key: string;
  nameZh: string;
  nameEn: string;
  builtIn: boolean;
  /** false: the tagger no longer assigns it (comments tagged before keep it until the re-tag). */
  enabled: boolean;
  phrasesZh: string[];
  phrasesEn: string[];
}

export interface CreateCommentThemeRequest {
  key: string;
  nameZh: string;
  nameEn: string;
  phrasesZh: string[];
  phrasesEn: string[];
}

/** Built-in themes take names and `enabled` only. */
export type UpdateCommentThemeRequest = Partial<Omit<CreateCommentThemeRequest, 'key'>> & { enabled?: boolean };

/**
 * The answer to a change: the theme, and whether comments must be tagged again (a phrase or the
 * enabled flag changed the tagger's version). `retagStarted`: this server started the re-tag in the
 * background (`npm run themes:retag` does the same from the command line).
 */
export interface CommentThemeChange {
  theme: CommentTheme;
  taggerVersion: string;
  retagStarted: boolean;
}

/** The longest free-text search over comments (`q` of GET /api/survey-responses). */
export const COMMENT_SEARCH_MAX_LENGTH = 100;

/** The theme trend's periods (GET /api/indicators/themes). */
export const THEME_TREND_GROUPINGS = ['week', 'month'] as const;
export type ThemeTrendGrouping = (typeof THEME_TREND_GROUPINGS)[number];

/** How many of the comments had a theme; `share` is a percentage of `comments` (one decimal), null when there were none. */
export interface ThemeCount {
  key: string;
  n: number;
  share: number | null;
}

/** One period of the trend: `comments` is the n (responses with a comment), then each theme found in them. */
export interface ThemeTrendPoint {
  /** `2026-03` (month) or the Monday starting the ISO week. */
  key: string;
  comments: number;
  themes: ThemeCount[];
}

export interface ThemeTrend {
  from: string;
  to: string;
  departmentId: number | null;
  groupBy: ThemeTrendGrouping;
  /** Every period of the range, in order, empty ones included. */
  points: ThemeTrendPoint[];
  /** The whole range: comments and themes over all of it. */
  total: { comments: number; themes: ThemeCount[] };
  /** The range's NPS detractors who left a comment, and their themes, most frequent first. */
  detractors: { comments: number; themes: ThemeCount[] };
}
