import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import {
  IMPORT_ENCODINGS,
  IMPORT_FIELDS,
  IMPORT_MAPPING_NAME_MAX_LENGTH,
  type ImportEncoding,
  type ImportField,
  type ImportJob,
  type ImportPreview,
  type ImportUpload,
  type SavedImportMapping,
} from '@huifang/shared';
import { TranslocoDirective } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { Notifier } from '../core/notifier.service';
import { ImportSummaryComponent } from './import-summary.component';
import { ImportsApiService } from './imports-api.service';
import { initialMapping, isRequired, missingFields, sampleValue, withColumn } from './mapping-form';
import { RowErrorsComponent } from './row-errors.component';

/**
 * CSV / Excel: which column holds which field. Starts from the server's suggestion (or a saved
 * mapping), shows the sample rows, previews the check of the first rows, then starts the import.
 */
@Component({
  selector: 'hf-import-mapping-step',
  imports: [
    ImportSummaryComponent,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    RowErrorsComponent,
    TranslocoDirective,
  ],
  templateUrl: './mapping-step.component.html',
  styleUrl: './mapping-step.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MappingStepComponent {
  readonly upload = input.required<ImportUpload>();
  /** The file is still in memory, so another encoding can be read (not after a refresh). */
  readonly canChangeEncoding = input(true);
  readonly encodingChange = output<Exclude<ImportEncoding, 'auto'>>();
  readonly started = output<ImportJob>();

  private readonly api = inject(ImportsApiService);
  private readonly notifier = inject(Notifier);

  protected readonly fields = IMPORT_FIELDS;
  protected readonly encodings = IMPORT_ENCODINGS.filter((e): e is Exclude<ImportEncoding, 'auto'> => e !== 'auto');
  protected readonly nameMaxLength = IMPORT_MAPPING_NAME_MAX_LENGTH;

  /** Null until the user changes something: then the suggestion no longer applies. */
  private readonly edited = signal<ReturnType<typeof initialMapping> | null>(null);
  protected readonly mapping = computed(() => this.edited() ?? initialMapping(this.upload().columns, this.upload().suggestedMapping));
  protected readonly missing = computed(() => missingFields(this.mapping()));
  protected readonly savedMappings = signal<SavedImportMapping[]>([]);
  protected readonly savedName = signal<string | null>(null);
  protected readonly saveAs = signal('');
  protected readonly preview = signal<ImportPreview | null>(null);
  protected readonly busy = signal(false);

  constructor() {
    this.api.savedMappings().subscribe({
      next: (mappings) => this.savedMappings.set(mappings),
      error: (err: unknown) => this.notifier.error(err),
    });
  }

  protected required(field: ImportField): boolean {
    return isRequired(this.mapping(), field);
  }

  protected fieldList(t: (key: string) => string, fields: readonly ImportField[]): string {
    return fields.map((field) => t(`imports.fields.${field}`)).join(t('imports.summary.separator'));
  }

  protected sample(field: ImportField): string | null {
    const upload = this.upload();
    return sampleValue(upload.columns, upload.sampleRows, this.mapping()[field]);
  }

  protected setColumn(field: ImportField, column: string | null): void {
    this.edited.set(withColumn(this.mapping(), field, column));
    this.preview.set(null);
  }

  protected useSaved(name: string | null): void {
    this.savedName.set(name);
    const saved = this.savedMappings().find((m) => m.name === name);
    if (!saved) return;
    this.edited.set(initialMapping(this.upload().columns, saved.mapping));
    this.saveAs.set(saved.name);
    this.preview.set(null);
  }

  protected deleteSaved(): void {
    const name = this.savedName();
    if (name === null) return;
    this.api.deleteMapping(name).subscribe({
      next: () => {
        this.savedMappings.update((list) => list.filter((m) => m.name !== name));
        this.savedName.set(null);
        this.notifier.success('imports.mapping.deleted', { name });
      },
      error: (err: unknown) => this.notifier.error(err),
    });
  }

  protected runPreview(): void {
    this.busy.set(true);
    this.api
      .preview(this.upload().job.id, this.mapping(), this.upload().encoding ?? undefined)
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({ next: (preview) => this.preview.set(preview), error: (err: unknown) => this.notifier.error(err) });
  }

  protected start(): void {
    const saveAs = this.saveAs().trim();
    this.busy.set(true);
    this.api
      .run(this.upload().job.id, {
        mapping: this.mapping(),
        ...(saveAs ? { saveMappingAs: saveAs } : {}),
        ...(this.upload().encoding ? { encoding: this.upload().encoding ?? undefined } : {}),
      })
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({ next: (job) => this.started.emit(job), error: (err: unknown) => this.notifier.error(err) });
  }
}
