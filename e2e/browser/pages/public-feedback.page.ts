import type { Page } from 'playwright-core';

/** The patient's survey form at /feedback/<token>. */
export class PublicFeedbackPage {
  constructor(private readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.getByTestId('feedback-page').waitFor();
  }

  async choose(questionId: string, value: number | string): Promise<void> {
    await this.page.getByTestId(`feedback-option-${questionId}-${value}`).click();
  }

  async writeText(questionId: string, text: string): Promise<void> {
    await this.page.getByTestId(`feedback-text-${questionId}`).fill(text);
  }

  async submit(): Promise<void> {
    await this.page.getByTestId('feedback-submit').click();
  }

  state(name: 'thanks' | 'answered' | 'expired' | 'not-found') {
    return this.page.getByTestId(`feedback-${name}`);
  }
}
