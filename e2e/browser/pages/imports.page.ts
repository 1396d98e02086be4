import { readFile } from 'node:fs/promises';
import type { ImportField } from '@huifang/shared';
import type { Page } from 'playwright-core';

/** Admin: /imports — upload, map columns, preview, run, follow the job; the history below. */
export class ImportsPage {
  constructor(private readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/imports`);
    await this.page.getByTestId('import-drop-zone').waitFor();
  }

  /** The file button's input (what the button and a drop both feed). */
  async chooseFile(path: string): Promise<void> {
    await this.page.getByTestId('import-file-input').setInputFiles(path);
  }

  mappingStep() {
    return this.page.getByTestId('import-mapping-step');
  }

  /** The column a field is mapped to, as its select shows it. */
  async mappedColumn(field: ImportField): Promise<string> {
    return (await this.page.getByTestId(`import-map-${field}`).locator('.mat-mdc-select-value').innerText()).trim();
  }

  async mapField(field: ImportField, column: string): Promise<void> {
    await this.page.getByTestId(`import-map-${field}`).click();
    await this.page.getByRole('option', { name: column, exact: true }).click();
  }

  missing() {
    return this.page.getByTestId('import-missing');
  }

  async preview(): Promise<void> {
    await this.page.getByTestId('import-preview').click();
    await this.page.getByTestId('import-preview-result').waitFor();
  }

  previewResult() {
    return this.page.getByTestId('import-preview-result');
  }

  /** The texts of the row errors shown (preview or finished job). */
  async rowErrors(): Promise<string[]> {
    return (await this.page.getByTestId('import-row-error').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
  }

  async saveMappingAs(name: string): Promise<void> {
    await this.page.getByTestId('import-save-as').fill(name);
  }

  async run(): Promise<void> {
    await this.page.getByTestId('import-run').click();
  }

  job() {
    return this.page.getByTestId('import-job');
  }

  progressBar() {
    return this.page.getByTestId('import-progress');
  }

  progressText() {
    return this.page.getByTestId('import-progress-text');
  }

  async status(): Promise<string> {
    return (await this.page.getByTestId('import-job-status').innerText()).trim();
  }

  async count(kind: 'patients' | 'encounters' | 'responses', count: 'created' | 'updated' | 'unchanged' | 'failed'): Promise<number> {
    return Number((await this.page.getByTestId(`import-count-${kind}-${count}`).innerText()).trim());
  }

  async downloadErrorReport(): Promise<string> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('import-errors-csv').click()]);
    return (await readFile(await download.path())).toString('utf8');
  }

  historyEntry(jobId: number) {
    return this.page.getByTestId(`import-history-${jobId}`);
  }

  unmappedDepartments() {
    return this.page.getByTestId('import-unmapped');
  }
}

/** Admin: /imports/fhir-departments — which department each FHIR code stands for. */
export class FhirDepartmentsPage {
  constructor(private readonly page: Page) {}

  rows() {
    return this.page.locator('[data-testid^="fhir-department-"]').filter({ has: this.page.locator('mat-select') });
  }

  unmappedRows() {
    return this.page.locator('li.unmapped[data-testid^="fhir-department-"]');
  }

  unmappedCount() {
    return this.page.getByTestId('fhir-departments-unmapped');
  }

  /** Picks a department for row `id` by its shown name. */
  async map(id: number, departmentName: string): Promise<void> {
    await this.page.getByTestId(`fhir-department-select-${id}`).click();
    await this.page.getByRole('option', { name: departmentName, exact: true }).click();
  }
}
