import type { Page } from 'playwright-core';

export class PatientsPage {
  constructor(private readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/patients`);
    await this.page.getByTestId('patients-table').waitFor();
  }

  async search(text: string): Promise<void> {
    await this.page.getByTestId('patients-search').fill(text);
  }

  rows() {
    return this.page.locator('[data-testid^="patient-row-"]');
  }

  async register(patient: { name: string; phone: string; birthDate: string; note?: string }): Promise<void> {
    await this.page.getByTestId('patient-register').click();
    // Wait until the dialog has settled its focus, so typing lands in the intended fields.
    await this.page.waitForFunction(() => document.activeElement?.closest('mat-dialog-container') !== null);
    await this.page.getByTestId('register-name').fill(patient.name);
    await this.page.getByTestId('register-phone').fill(patient.phone);
    await this.page.getByTestId('register-birthdate').fill(patient.birthDate);
    if (patient.note) await this.page.getByTestId('register-note').fill(patient.note);
    await this.page.getByTestId('register-consent-calls').check();
    await this.page.getByTestId('register-consent-surveys').check();
    await this.page.getByTestId('register-submit').click();
  }
}
