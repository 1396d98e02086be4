import type { Page } from 'playwright-core';

export type QueueView = 'overdue' | 'today' | 'upcoming';

export class CallbacksPage {
  constructor(private readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/callbacks`);
    await this.page.getByTestId('callbacks-list').waitFor();
  }

  async showView(view: QueueView): Promise<void> {
    await this.page.getByTestId(`callbacks-tab-${view}`).click();
  }

  rows() {
    return this.page.locator('[data-testid^="callback-row-"]');
  }

  row(id: number) {
    return this.page.getByTestId(`callback-row-${id}`);
  }

  /** The id of the first row whose claim button is enabled. */
  async firstClaimableId(): Promise<number> {
    const button = this.page.locator('[data-testid^="callback-claim-"]:enabled').first();
    await button.waitFor();
    return Number((await button.getAttribute('data-testid'))?.split('-').pop());
  }

  async claim(id: number): Promise<void> {
    await this.page.getByTestId(`callback-claim-${id}`).click();
    await this.page.getByTestId('call-panel').waitFor();
  }

  phone() {
    return this.page.getByTestId('call-phone');
  }

  async record(outcome: 'reached' | 'no_answer' | 'declined' | 'wrong_number', note?: string): Promise<void> {
    if (note) await this.page.getByTestId('call-note').fill(note);
    await this.page.getByTestId(`call-outcome-${outcome}`).click();
  }
}
