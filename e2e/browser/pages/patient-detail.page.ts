import type { Page } from 'playwright-core';

export class PatientDetailPage {
  constructor(private readonly page: Page) {}

  name() {
    return this.page.getByTestId('patient-name');
  }

  stage() {
    return this.page.getByTestId('patient-stage');
  }

  async checkIn(departmentId: number, clinician: string): Promise<void> {
    await this.page.getByTestId('patient-check-in').click();
    await this.page.getByTestId('check-in-department').click();
    await this.page.getByTestId(`check-in-department-${departmentId}`).click();
    await this.page.getByTestId('check-in-clinician').fill(clinician);
    await this.page.getByTestId('check-in-submit').click();
  }

  /** The first open encounter's id, from its call or finish button. */
  async openEncounterId(action: 'call' | 'finish'): Promise<number> {
    const button = this.page.locator(`[data-testid^="encounter-${action}-"]`).first();
    await button.waitFor();
    return Number((await button.getAttribute('data-testid'))?.split('-').pop());
  }

  async call(encounterId: number): Promise<void> {
    await this.page.getByTestId(`encounter-call-${encounterId}`).click();
  }

  async finish(encounterId: number, nextVisitDue: string): Promise<void> {
    await this.page.getByTestId(`encounter-finish-${encounterId}`).click();
    await this.page.getByTestId('finish-next-visit').fill(nextVisitDue);
    await this.page.getByTestId('finish-submit').click();
  }

  async changeStage(to: string, reason: string): Promise<void> {
    await this.page.getByTestId('patient-change-stage').click();
    await this.page.getByTestId(`stage-option-${to}`).click();
    const reasonInput = this.page.getByTestId('stage-reason');
    if (await reasonInput.isVisible()) await reasonInput.fill(reason);
    const submit = this.page.getByTestId('stage-submit');
    if (await submit.isVisible()) await submit.click();
  }

  /** Schedules a manual callback; `due` is `YYYY-MM-DDTHH:mm` in hospital time (typed as day and time). */
  async scheduleCallback(due: string, note: string): Promise<void> {
    await this.page.getByTestId('patient-schedule-callback').click();
    const [day, time] = due.split('T');
    await this.page.getByTestId('schedule-due-day').fill(day);
    await this.page.getByTestId('schedule-due-time').fill(time);
    await this.page.getByTestId('schedule-priority').click();
    await this.page.getByTestId('schedule-priority-high').click();
    await this.page.getByTestId('schedule-note').fill(note);
    await this.page.getByTestId('schedule-submit').click();
    await this.page.getByTestId('schedule-callback-dialog').waitFor({ state: 'detached' });
  }

  timelineEntries(kind?: 'transition' | 'encounter' | 'survey_response' | 'callback') {
    const entries = this.page.getByTestId('timeline').locator('[data-testid="timeline-entry"]');
    return kind ? entries.and(this.page.locator(`[data-kind="${kind}"]`)) : entries;
  }

  /** Turns consent to follow-up calls off: withdrawing asks for confirmation first (the dialog is returned). */
  async withdrawCallConsent() {
    await this.page.getByTestId('consent-calls').locator('button').click();
    const effect = this.page.getByTestId('withdraw-consent-effect');
    await effect.waitFor();
    return {
      effect: () => effect.innerText(),
      confirm: () => this.page.getByTestId('withdraw-consent-confirm').click(),
      keep: () => this.page.getByTestId('withdraw-consent-keep').click(),
    };
  }

  callConsentChecked() {
    return this.page.getByTestId('consent-calls').locator('button').getAttribute('aria-checked');
  }

  stageNode(stage: string) {
    return this.page.getByTestId(`timeline-stage-${stage}`);
  }
}
