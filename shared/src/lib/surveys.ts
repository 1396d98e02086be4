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
}

export interface SurveyInvitation {
  id: number;
  /** Shown once, at creation: only a hash is stored. */
  token: string;
  url: string;
  expiresAt: string;
  /** The URL as a QR code, an SVG document to print or show on screen. */
  qrSvg: string;
}

/** What the public form needs; never the patient's name or phone. */
export interface PublicSurvey {
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
  patientId: number;
  patientName: string;
  encounterId: number;
  departmentId: number;
  departmentName: string;
  templateId: number;
  templateVersion: number;
  nps: number | null;
  csat: number | null;
  /** Rating per dimension. */
  ratings: Partial<Record<RatingDimension, number>>;
  comment: string | null;
  detractor: boolean;
  /** The service-recovery callback opened for a detractor response. */
  recoveryCallbackId: number | null;
}

export interface SurveyResponseQuery {
  from?: string;
  to?: string;
  departmentId?: number;
  templateId?: number;
  detractorsOnly?: boolean;
  hasComment?: boolean;
  page?: number;
  pageSize?: number;
  /** A sort key (see list-sort.ts), `-` first for descending. */
  sort?: string;
}

/** DOMAIN.md, service recovery: NPS <= 6, CSAT <= 2 or any rating <= 2. */
export function isDetractorAnswer(kind: QuestionKind, value: number | string): boolean {
  if (typeof value !== 'number') return false;
  if (kind === 'nps') return value <= 6;
  if (kind === 'csat' || kind === 'rating') return value <= 2;
  return false;
}

/** Why a patient cannot be invited to a survey now (the 409 `reason` of POST /api/survey-invitations). */
export const INVITATION_REFUSAL_REASONS = ['declined', 'too_soon'] as const;
export type InvitationRefusalReason = (typeof INVITATION_REFUSAL_REASONS)[number];

/**
 * Whether the desk may invite the patient now, as the server decides it (consent and spacing):
 * returned with a finished visit so the desk can offer the survey right away.
 */
export type SurveyOffer =
  | { possible: true }
  | { possible: false; reason: InvitationRefusalReason; /** With `too_soon`. */ nextPossibleAt: string | null };
