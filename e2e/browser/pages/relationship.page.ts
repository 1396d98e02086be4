import type { Page, Response } from 'playwright-core';

/** The relationship view (quality managers), as a user works it. */
export class RelationshipPage {
  constructor(private readonly page: Page) {}

  /** Waits for the view the next change makes the page fetch, and returns its request URL and body. */
  async nextView<T>(action: () => Promise<void>): Promise<{ url: URL; body: T }> {
    const [response] = await Promise.all([
      this.page.waitForResponse((r: Response) => new URL(r.url()).pathname === '/api/indicators/relationship' && r.ok()),
      action(),
    ]);
    return { url: new URL(response.url()), body: (await response.json()) as T };
  }

  headlineValue(name: string) {
    return this.page.getByTestId(`headline-${name}`).getByTestId('headline-value');
  }

  /** The button of a phase × value-tier cell (`all` for a total). */
  count(phase: string, tier: string) {
    return this.page.getByTestId(`count-${phase}-${tier}`);
  }

  /** The heatmap's cells: the SVG rectangles ECharts drew with the white border of a cell, in data order. */
  heatmapCells() {
    return this.page.locator('[data-testid=chart-migration] svg path[stroke="#ffffff"]');
  }

  async chooseMonth(month: string): Promise<void> {
    await this.page.getByTestId('migration-month').click();
    await this.page.getByTestId(`migration-month-${month}`).click();
  }

  patientsTitle() {
    return this.page.getByTestId('relationship-patients-title');
  }

  patientRows() {
    return this.page.getByTestId('relationship-patient-row');
  }

  patientLinks() {
    return this.page.getByTestId('relationship-patient-link');
  }
}
