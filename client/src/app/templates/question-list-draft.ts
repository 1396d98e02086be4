import { computed, signal } from '@angular/core';
import {
  type QuestionKind,
  type RatingDimension,
  SURVEY_QUESTION_ID_PATTERN,
  type SurveyQuestion,
} from '@huifang/shared';

/** Limits the server checks too (survey-question.dto.ts). */
export const MAX_QUESTIONS = 40;
export const MAX_TEXT_LENGTH = 300;
export const MIN_CHOICE_OPTIONS = 2;
export const MAX_CHOICE_OPTIONS = 20;

export interface EditableOption {
  /** Identity for the view while options move; never sent. */
  key: number;
  value: string;
  zh: string;
  en: string;
}

/** A question as the editor holds it: every field present, plain strings while typing. */
export interface EditableQuestion {
  key: number;
  id: string;
  kind: QuestionKind;
  dimension: RatingDimension | null;
  zh: string;
  en: string;
  required: boolean;
  options: EditableOption[];
}

export type QuestionChanges = Partial<Pick<EditableQuestion, 'id' | 'kind' | 'dimension' | 'zh' | 'en' | 'required'>>;
export type OptionChanges = Partial<Pick<EditableOption, 'value' | 'zh' | 'en'>>;

export type ProblemCode =
  | 'noQuestions'
  | 'tooManyQuestions'
  | 'idMissing'
  | 'idPattern'
  | 'idDuplicate'
  | 'textMissing'
  | 'textTooLong'
  | 'dimensionRequired'
  | 'optionsTooFew'
  | 'optionsTooMany'
  | 'optionIncomplete'
  | 'optionValuePattern'
  | 'optionValueDuplicate'
  | 'oneNps'
  | 'oneCsat';

/** Something that keeps the questions from being saved; `index` names the question (0-based), if one. */
export interface QuestionProblem {
  index: number | null;
  code: ProblemCode;
}

/**
 * The question list of a new template version while an admin edits it: add, remove, reorder, change.
 * `problems` repeats the server's rules (question-rules.ts and the DTO), so Save can stay disabled
 * with the reasons shown instead of a round trip ending in 400.
 */
export class QuestionListDraft {
  private nextKey = 1;
  private readonly list = signal<EditableQuestion[]>([]);

  readonly questions = this.list.asReadonly();
  readonly problems = computed(() => questionProblems(this.list()));
  readonly canSave = computed(() => this.problems().length === 0);

  constructor(initial: readonly SurveyQuestion[] = []) {
    this.list.set(initial.map((question) => this.editable(question)));
  }

  /** Adds an empty free-text question at the end; returns its index. */
  add(kind: QuestionKind = 'text'): number {
    const question: EditableQuestion = {
      key: this.nextKey++,
      id: '',
      kind,
      dimension: null,
      zh: '',
      en: '',
      required: false,
      options: kind === 'choice' ? [this.emptyOption(), this.emptyOption()] : [],
    };
    this.list.update((list) => [...list, question]);
    return this.list().length - 1;
  }

  remove(index: number): void {
    this.list.update((list) => list.filter((_, i) => i !== index));
  }

  /** Moves a question up (-1) or down (+1); nothing happens at either end. */
  move(index: number, delta: -1 | 1): void {
    const target = index + delta;
    this.list.update((list) => {
      if (index < 0 || index >= list.length || target < 0 || target >= list.length) {
        return list;
      }
      const next = [...list];
      [next[index], next[target]] = [next[target], next[index]];
      return next;
    });
  }

  update(index: number, changes: QuestionChanges): void {
    this.change(index, (question) => {
      const next = { ...question, ...changes };
      if (next.kind === 'choice' && next.options.length === 0) {
        next.options = [this.emptyOption(), this.emptyOption()];
      }
      // A new rating question takes its dimension's name as its id until one is typed.
      if (changes.dimension && next.kind === 'rating' && question.id.trim() === '') {
        next.id = changes.dimension;
      }
      return next;
    });
  }

  addOption(index: number): void {
    this.change(index, (question) => ({ ...question, options: [...question.options, this.emptyOption()] }));
  }

  removeOption(index: number, optionIndex: number): void {
    this.change(index, (question) => ({
      ...question,
      options: question.options.filter((_, i) => i !== optionIndex),
    }));
  }

  updateOption(index: number, optionIndex: number, changes: OptionChanges): void {
    this.change(index, (question) => ({
      ...question,
      options: question.options.map((option, i) => (i === optionIndex ? { ...option, ...changes } : option)),
    }));
  }

  /** The questions as the API takes them: trimmed, `dimension` only on ratings, `options` only on choices. */
  toQuestions(): SurveyQuestion[] {
    return this.list().map(toSurveyQuestion);
  }

  private change(index: number, fn: (question: EditableQuestion) => EditableQuestion): void {
    this.list.update((list) => list.map((question, i) => (i === index ? fn(question) : question)));
  }

  private editable(question: SurveyQuestion): EditableQuestion {
    return {
      key: this.nextKey++,
      id: question.id,
      kind: question.kind,
      dimension: question.dimension ?? null,
      zh: question.text.zh,
      en: question.text.en,
      required: question.required,
      options: (question.options ?? []).map((option) => ({
        key: this.nextKey++,
        value: option.value,
        zh: option.label.zh,
        en: option.label.en,
      })),
    };
  }

  private emptyOption(): EditableOption {
    return { key: this.nextKey++, value: '', zh: '', en: '' };
  }
}

export function toSurveyQuestion(question: EditableQuestion): SurveyQuestion {
  const result: SurveyQuestion = {
    id: question.id.trim(),
    kind: question.kind,
    text: { zh: question.zh.trim(), en: question.en.trim() },
    required: question.required,
  };
  if (question.kind === 'rating' && question.dimension) {
    result.dimension = question.dimension;
  }
  if (question.kind === 'choice') {
    result.options = question.options.map((option) => ({
      value: option.value.trim(),
      label: { zh: option.zh.trim(), en: option.en.trim() },
    }));
  }
  return result;
}

/** Everything that would make the server refuse these questions, in question order. */
export function questionProblems(questions: readonly EditableQuestion[]): QuestionProblem[] {
  const problems: QuestionProblem[] = [];
  if (questions.length === 0) {
    problems.push({ index: null, code: 'noQuestions' });
  }
  if (questions.length > MAX_QUESTIONS) {
    problems.push({ index: null, code: 'tooManyQuestions' });
  }
  const idCounts = countBy(questions.map((q) => q.id.trim()));
  questions.forEach((q, index) => {
    const add = (code: ProblemCode) => problems.push({ index, code });
    const id = q.id.trim();
    if (!id) add('idMissing');
    else if (!SURVEY_QUESTION_ID_PATTERN.test(id)) add('idPattern');
    else if ((idCounts.get(id) ?? 0) > 1) add('idDuplicate');
    if (!q.zh.trim() || !q.en.trim()) add('textMissing');
    else if (q.zh.trim().length > MAX_TEXT_LENGTH || q.en.trim().length > MAX_TEXT_LENGTH) add('textTooLong');
    if (q.kind === 'rating' && !q.dimension) add('dimensionRequired');
    if (q.kind === 'choice') {
      if (q.options.length < MIN_CHOICE_OPTIONS) add('optionsTooFew');
      if (q.options.length > MAX_CHOICE_OPTIONS) add('optionsTooMany');
      const values = q.options.map((o) => o.value.trim());
      if (q.options.some((o) => !o.value.trim() || !o.zh.trim() || !o.en.trim())) add('optionIncomplete');
      else if (values.some((v) => !SURVEY_QUESTION_ID_PATTERN.test(v))) add('optionValuePattern');
      else if (new Set(values).size !== values.length) add('optionValueDuplicate');
    }
  });
  if (questions.filter((q) => q.kind === 'nps').length > 1) problems.push({ index: null, code: 'oneNps' });
  if (questions.filter((q) => q.kind === 'csat').length > 1) problems.push({ index: null, code: 'oneCsat' });
  return problems;
}

function countBy(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) {
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}
