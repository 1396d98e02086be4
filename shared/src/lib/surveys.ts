import type { PublicHospital } from './hospital-settings';
import type { CalendarDay } from './calendar-day';
import type { DriverResponseFilter } from './drivers';
/** Survey question kinds (DOMAIN.md, Surveys). */
export const QUESTION_KINDS = ['nps', 'csat', 'rating', 'choice', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** Rated service dimensions; a `rating` question names one. */
export const RATING_DIMENSIONS = ['wait_time', 'doctor_communication', 'nursing', 'environment', 'billing'] as const;
export type RatingDimension = (typeof RATING_DIMENSIONS)[number];

export const SURVEY_LANGUAGES = ['zh', 'en'] as const;
export type SurveyLanguage = (typeof SURVEY_LANGUAGES)[number];

export interface LocalizedText {
  zh: string;
  en: string;
}

/** Value ranges per kind: NPS 0-10, CSAT and ratings 1-5. */
export const SCALE: Readonly<Record<'nps' | 'csat' | 'rating', { min: number; max: number }>> = {
  nps: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
  rating: { min: 1, max: 5 },
};

export const SURVEY_TEXT_MAX_LENGTH = 2000;
/** A template's name in each language (stored as varchar(100)). */
export const TEMPLATE_NAME_MAX_LENGTH = 100;
export const SURVEY_QUESTION_ID_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

export interface SurveyChoiceOption {
  value: string;
  label: LocalizedText;
}

export interface SurveyQuestion {
  /** Stable within a template across versions (`nps`, `wait_time`, `comment`). */
  id: string;
  kind: QuestionKind;
  /** For `rating` questions. */
  dimension?: RatingDimension;
  text: LocalizedText;
  required: boolean;
  /** For `choice` questions. */
  options?: SurveyChoiceOption[];
}

export const TEMPLATE_VERSION_STATUSES = ['draft', 'published', 'retired'] as const;
export type TemplateVersionStatus = (typeof TEMPLATE_VERSION_STATUSES)[number];

export interface SurveyTemplateVersion {
  id: number;
  templateId: number;
  version: number;
  status: TemplateVersionStatus;
  questions: SurveyQuestion[];
  createdAt: string;
  publishedAt: string | null;
  /** How many responses answered this version. */
  responseCount: number;
}

export interface SurveyTemplate {
  id: number;
  name: LocalizedText;
  /** The version new invitations use. */
  publishedVersion: number | null;
  versions: SurveyTemplateVersion[];
}

export interface CreateSurveyTemplateRequest {
  name: LocalizedText;
  questions: SurveyQuestion[];
}

/** A new draft version of a template. */
export interface CreateTemplateVersionRequest {
  questions: SurveyQuestion[];
}

export interface CreateInvitationRequest {
  encounterId: number;
  /** The form's language, chosen at the desk; remembered as the patient's. Default: the patient's language, if known. */
  language?: SurveyLanguage;
}

export interface SurveyInvitation {
  id: number;
  /** Shown once, at creation: only a hash is stored. */
  token: string;
  url: string;
  expiresAt: string;
  /** The language the link opens the form in (`?lang=`); null: the phone's language. */
  language: SurveyLanguage | null;
  /** The URL as a QR code, an SVG document to print or show on screen. */
  qrSvg: string;
}

/** What the public form needs; never the patient's name or phone. */
export interface PublicSurvey {
  /** The hospital's name and logo (settings), shown at the top of the form instead of the product's. */
  hospital: PublicHospital;
  departmentName: LocalizedText;
  visitDate: string;
  expiresAt: string;
  questions: SurveyQuestion[];
}

/** 410 body: why a link no longer works. */
export type SurveyLinkState = 'expired' | 'answered';

export interface SurveyAnswer {
  questionId: string;
  value: number | string;
}

export interface SubmitSurveyRequest {
  answers: SurveyAnswer[];
  comment?: string;
  language?: SurveyLanguage;
}

export interface SurveyResponseSummary {
  id: number;
  submittedAt: string;
  /** null (and `patientName` empty) for imported historical feedback: anonymous, no visit. */
  patientId: number | null;
  patientName: string;
  encounterId: number | null;
  departmentId: number;
  departmentName: string;
  templateId: number;
  templateVersion: number;
  nps: number | null;
  csat: number | null;
  /** NHS FFT answer (imported feedback), 1 very good … 6 don't know (FFT_ANSWERS); null otherwise. */
  fft: number | null;
  /** Rating per dimension. */
  ratings: Partial<Record<RatingDimension, number>>;
  comment: string | null;
  /** NPS 0-6: counted as a detractor by the NPS figure. */
  npsDetractor: boolean;
  /** Any answer at or below the service-recovery threshold (`needsRecoveryAnswer`); opens a recovery call. */
  needsRecovery: boolean;
  /** The service-recovery callback opened for this response. */
  recoveryCallbackId: number | null;
  /** The themes found in the comment, each with the comment's words that show it (to highlight with `highlightRuns`). */
  themes: { key: string; matched: string[] }[];
}

export interface SurveyResponseQuery extends DriverResponseFilter {
  from?: string;
  to?: string;
  departmentId?: number;
  templateId?: number;
  /** Responses whose NPS is 0-6: as many as the satisfaction indicator's detractors for the same scope. */
  npsDetractorsOnly?: boolean;
  /** Responses that triggered service recovery (any low answer). */
  needsRecoveryOnly?: boolean;
  hasComment?: boolean;
  /** Responses whose comment has this theme (a `comment_theme` key). */
  themeId?: string;
  /** Free-text search over comments, Chinese or English: every word of it must occur in the comment. */
  q?: string;
  page?: number;
  pageSize?: number;
  /** A sort key (see list-sort.ts), `-` first for descending. */
  sort?: string;
}

/** DOMAIN.md, NPS: detractors answer 0-6 (promoters 9-10, passives 7-8). */
export function isNpsDetractor(nps: number | null): boolean {
  return nps !== null && nps <= NPS_DETRACTOR_MAX;
}

/**
 * DOMAIN.md, service recovery: NPS <= 6, CSAT <= 2 or any rating <= 2. Not the NPS detractor: a
 * response with NPS 10 and a wait-time rating of 2 needs recovery but is a promoter.
 */
export function needsRecoveryAnswer(kind: QuestionKind, value: number | string): boolean {
  if (typeof value !== 'number') return false;
  if (kind === 'nps') return value <= NPS_DETRACTOR_MAX;
  if (kind === 'csat' || kind === 'rating') return value <= RECOVERY_RATING_MAX;
  return false;
}

/** One answer that triggered service recovery, as stored (translated by the client). */
export interface RecoveryTriggerAnswer {
  questionId: string;
  kind: 'nps' | 'csat' | 'rating';
  /** For `rating` answers. */
  dimension: RatingDimension | null;
  value: number;
}

/** Why a service-recovery callback was opened: the low answers, in question order, and the comment. */
export interface RecoveryTrigger {
  answers: RecoveryTriggerAnswer[];
  comment: string | null;
}

/** NPS categories (DOMAIN.md, Formulas): detractors 0-6, passives 7-8, promoters 9-10. */
export const NPS_DETRACTOR_MAX = 6;
export const NPS_PROMOTER_MIN = 9;
/** CSAT and ratings: the top-2-box answers are 4 and 5. */
export const TOP_BOX_MIN = 4;
/** A CSAT or rating at or below this opens service recovery (as does an NPS detractor). */
export const RECOVERY_RATING_MAX = 2;

/** How a score reads at a glance: red, amber or green. */
export type ScoreBand = 'low' | 'mid' | 'high';

/** An NPS answer: detractor `low`, passive `mid`, promoter `high`; null outside 0-10 or not whole. */
export function npsBand(score: number | null | undefined): ScoreBand | null {
  if (!isWholeIn(score, SCALE.nps.min, SCALE.nps.max)) return null;
  return score <= NPS_DETRACTOR_MAX ? 'low' : score < NPS_PROMOTER_MIN ? 'mid' : 'high';
}

/** A CSAT or dimension rating: the service-recovery answers `low`, the top-2-box `high`, between `mid`. */
export function ratingBand(score: number | null | undefined): ScoreBand | null {
  if (!isWholeIn(score, SCALE.rating.min, SCALE.rating.max)) return null;
  return score <= RECOVERY_RATING_MAX ? 'low' : score >= TOP_BOX_MIN ? 'high' : 'mid';
}

function isWholeIn(score: number | null | undefined, min: number, max: number): score is number {
  return typeof score === 'number' && Number.isInteger(score) && score >= min && score <= max;
}

/** Why a patient cannot be invited to a survey now (POST /api/survey-invitations answers 409 `survey.declined` / `survey.too_soon`). */
export const INVITATION_REFUSAL_REASONS = ['declined', 'too_soon'] as const;
export type InvitationRefusalReason = (typeof INVITATION_REFUSAL_REASONS)[number];

/**
 * Whether the desk may invite the patient now, as the server decides it (consent and spacing):
 * returned with a finished visit so the desk can offer the survey right away.
 */
export type SurveyOffer =
  | { possible: true }
  | {
      possible: false;
      reason: InvitationRefusalReason;
      /** With `too_soon`: the instant from which an invitation is possible. */
      nextPossibleAt: string | null;
      /** With `too_soon`: that instant's day on the hospital's calendar, the day `survey.too_soon` names. */
      nextAllowedDay: CalendarDay | null;
    };
