import { ChangeDetectionStrategy, Component, computed, signal, type OnInit } from '@angular/core';
import { SURVEY_TEXT_MAX_LENGTH, type PublicSurvey, type SurveyLanguage, type SurveyQuestion } from '@huifang/shared';
import { missingRequired, scaleValues, toAnswers, type AnswerValues } from './feedback-form';
import { FEEDBACK_TEXTS, fill } from './feedback-texts';
import { loadSurvey, submitSurvey } from './public-survey-api';
import { pickSurveyLanguage } from './survey-language';

type PageState = 'loading' | 'form' | 'thanks' | 'answered' | 'expired' | 'not_found' | 'too_many' | 'error';

/**
 * The patient's survey form at /feedback/<token>: no account, phone-first, in the link's or the
 * phone's language (see `pickSurveyLanguage`) with a language switch. Native radio buttons give
 * keyboard and screen-reader support for every scale.
 */
@Component({
  selector: 'hf-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './feedback-page.component.html',
  styleUrl: './feedback-page.component.css',
})
export class FeedbackPageComponent implements OnInit {
  protected readonly state = signal<PageState>('loading');
  protected readonly survey = signal<PublicSurvey | null>(null);
  protected readonly language = signal<SurveyLanguage>(initialLanguage());
  protected readonly values = signal<AnswerValues>({});
  protected readonly showMissing = signal(false);
  protected readonly submitting = signal(false);
  /** Questions whose answers the server refused; with none named, a general line says the answers need checking. */
  protected readonly refused = signal<{ questionIds: string[] } | null>(null);
  protected readonly t = computed(() => FEEDBACK_TEXTS[this.language()]);
  protected readonly missing = computed(() => missingRequired(this.survey()?.questions ?? [], this.values()));
  protected readonly textMax = SURVEY_TEXT_MAX_LENGTH;
  protected readonly fill = fill;
  protected readonly scaleValues = scaleValues;
  private readonly token = location.pathname.split('/').filter(Boolean)[1] ?? '';

  async ngOnInit(): Promise<void> {
    this.applyLanguage();
    const result = await loadSurvey(this.token);
    if (result.kind === 'ok') {
      this.survey.set(result.survey);
      this.state.set('form');
    } else {
      this.state.set(result.kind);
    }
  }

  protected toggleLanguage(): void {
    this.language.update((current) => (current === 'zh' ? 'en' : 'zh'));
    this.applyLanguage();
  }

  protected answer(questionId: string, value: number | string): void {
    this.values.update((current) => ({ ...current, [questionId]: value }));
  }

  protected textOf(questionId: string): string {
    const value = this.values()[questionId];
    return typeof value === 'string' ? value : '';
  }

  protected isMissing(question: SurveyQuestion): boolean {
    return this.showMissing() && this.missing().includes(question.id);
  }

  protected isRefused(question: SurveyQuestion): boolean {
    return this.refused()?.questionIds.includes(question.id) ?? false;
  }

  protected scaleLabel(question: SurveyQuestion, value: number): string {
    if (question.kind === 'nps') return String(value);
    return `${value} ${this.t().scale[value - 1]}`;
  }

  protected async submit(): Promise<void> {
    const survey = this.survey();
    if (!survey || this.submitting()) return;
    if (this.missing().length > 0) {
      this.showMissing.set(true);
      document.getElementById(`q-${this.missing()[0]}`)?.focus();
      return;
    }
    this.submitting.set(true);
    this.refused.set(null);
    const result = await submitSurvey(this.token, { answers: toAnswers(survey.questions, this.values()), language: this.language() });
    this.submitting.set(false);
    if (result.kind === 'ok') this.state.set('thanks');
    else if (result.kind === 'invalid') this.refused.set({ questionIds: result.questionIds });
    else this.state.set(result.kind);
    window.scrollTo({ top: 0 });
  }

  private applyLanguage(): void {
    document.documentElement.lang = this.language() === 'zh' ? 'zh-CN' : 'en';
    document.title = this.t().title;
  }
}

function initialLanguage(): SurveyLanguage {
  return pickSurveyLanguage(location.search, navigator.languages?.length ? navigator.languages : [navigator.language]);
}
