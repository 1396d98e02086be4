import type { Page, Response } from 'playwright-core';

/** The quality manager's dashboard, as a user works it. */
export class DashboardPage {
  constructor(private readonly page: Page) {}

  headlineValue(name: string) {
    return this.page.getByTestId(`headline-${name}`).getByTestId('headline-value');
  }

  /** Waits for the summary the next change makes the page fetch, and returns its request URL and body. */
  async nextSummary<T>(action: () => Promise<void>): Promise<{ url: URL; body: T }> {
    const [response] = await Promise.all([
      this.page.waitForResponse((r: Response) => new URL(r.url()).pathname === '/api/indicators/summary' && r.ok()),
      action(),
    ]);
    return { url: new URL(response.url()), body: (await response.json()) as T };
  }

  async choosePeriod(period: '30d' | 'quarter' | 'year' | 'custom'): Promise<void> {
    await this.page.getByTestId(`period-${period}`).click();
  }

  async chooseDepartment(id: number): Promise<void> {
    await this.page.getByTestId('department-filter').click();
    await this.page.getByTestId(`department-filter-${id}`).click();
  }

  async groupByDepartment(indicator: string): Promise<void> {
    await this.page.getByTestId(`grouping-department-${indicator}`).click();
  }

  /** The SVG elements ECharts drew for one series colour of a chart (bars, or Sankey links by their gradient fill). */
  chartElements(chart: string, fill: string) {
    return this.page.locator(`[data-testid=chart-${chart}] svg path[fill${fill.endsWith('(') ? '^' : ''}="${fill}"]`);
  }

  drillTitle() {
    return this.page.getByTestId('drill-down-title');
  }

  drillRows() {
    return this.page.getByTestId('drill-down-row');
  }

  async exportCsv(indicator: string): Promise<Buffer> {
    return this.download(() => this.page.getByTestId(`csv-${indicator}`).click());
  }

  /** The CSV of the drill-down shown: every row of its figure. */
  async exportDrillCsv(): Promise<Buffer> {
    return this.download(() => this.page.getByTestId('drill-down-csv').click());
  }

  drillPatientLinks() {
    return this.page.getByTestId('drill-down-patient');
  }

  async sortDrillBy(column: string): Promise<void> {
    await this.page.getByTestId(`drill-sort-${column}`).click();
  }

  /** The boxes of the headline cards, in page order. */
  headlineCards() {
    return this.page.locator('.headlines > mat-card');
  }

  /** The drill-down buttons of a chart's table view (turned on with its "view as table" toggle). */
  async showTable(chart: string): Promise<void> {
    await this.page.getByTestId(`chart-${chart}`).getByTestId('chart-view-toggle').click();
  }

  tableDrills(chart: string) {
    return this.page.getByTestId(`chart-${chart}`).getByTestId('table-drill');
  }

  private async download(action: () => Promise<void>): Promise<Buffer> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), action()]);
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    return readFile(path);
  }
}
