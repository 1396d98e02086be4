import { computed, signal } from '@angular/core';
import {
  type QuestionKind,
  type QuestionProblem,
  type QuestionProblemCode,
  type RatingDimension,
  SURVEY_QUESTION_LIMITS,
  type SurveyQuestion,
  questionProblems,
} from '@huifang/shared';

/** The longest wording the server accepts (shared/), for the editor's counters. */
export const MAX_TEXT_LENGTH = SURVEY_QUESTION_LIMITS.maxTextLength;

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

export type ProblemCode = QuestionProblemCode;
export type { QuestionProblem };

/**
 * The question list of a new template version while an admin edits it: add, remove, reorder, change.
 * `problems` applies the server's rules (shared/question-rules.ts), so Save can stay disabled
 * with the reasons shown instead of a round trip ending in 400.
 */
export class QuestionListDraft {
  private nextKey = 1;
  private readonly list = signal<EditableQuestion[]>([]);

  readonly questions = this.list.asReadonly();
  readonly problems = computed(() => questionProblems(this.list().map(toSurveyQuestion)));
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
