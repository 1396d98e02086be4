import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoDirective } from '@jsverse/transloco';
import { IMPORT_FILE_EXTENSIONS } from '@huifang/shared';

/**
 * Where a file comes in: dropped on the zone, or chosen with the button (the keyboard's way, and a
 * screen reader's). Shows the upload's progress while one is on its way.
 */
@Component({
  selector: 'hf-import-file-picker',
  imports: [MatButtonModule, MatProgressBarModule, TranslocoDirective],
  template: `
    <div
      *transloco="let t"
      class="drop-zone"
      data-testid="import-drop-zone"
      [class.dragging]="dragging()"
      (dragover)="onDragOver($event)"
      (dragleave)="dragging.set(false)"
      (drop)="onDrop($event)"
    >
      <p>{{ t('imports.upload.dropHere') }}</p>
      <input
        #fileInput
        type="file"
        class="file-input"
        [accept]="accept"
        data-testid="import-file-input"
        [attr.aria-label]="t('imports.upload.choose')"
        [disabled]="busy()"
        (change)="onChosen(fileInput)"
      />
      <button mat-flat-button type="button" data-testid="import-choose" [disabled]="busy()" (click)="fileInput.click()">
        {{ t('imports.upload.choose') }}
      </button>
      <p class="formats">{{ t('imports.upload.formats') }}</p>
      @if (progress() !== undefined) {
        <div class="progress" data-testid="import-upload-progress">
          <span>{{ t('imports.upload.sending') }}</span>
          <mat-progress-bar
            [mode]="progress() === null ? 'indeterminate' : 'determinate'"
            [value]="(progress() ?? 0) * 100"
            [attr.aria-label]="t('imports.upload.sending')"
          />
        </div>
      }
    </div>
  `,
  styles: `
    .drop-zone {
      border: 2px dashed var(--mat-sys-outline);
      border-radius: 12px;
      padding: 24px 16px;
      text-align: center;
    }
    .drop-zone.dragging {
      border-color: var(--mat-sys-primary);
      background: var(--mat-sys-primary-container);
    }
    .file-input {
      display: none;
    }
    .formats {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .progress {
      margin-top: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FilePickerComponent {
  /** Share sent (0–1), null when the browser cannot tell, undefined when nothing is being sent. */
  readonly progress = input<number | null | undefined>(undefined);
  readonly busy = input(false);
  readonly chosen = output<File>();

  protected readonly dragging = signal(false);
  /** The extensions the server reads (shared's list, not restated here). */
  protected readonly accept = Object.keys(IMPORT_FILE_EXTENSIONS).join(',');

  protected onDragOver(event: DragEvent): void {
    // Without this the browser opens the dropped file itself.
    event.preventDefault();
    if (!this.busy()) this.dragging.set(true);
  }

  protected onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(false);
    const file = event.dataTransfer?.files[0];
    if (file && !this.busy()) this.chosen.emit(file);
  }

  protected onChosen(input: HTMLInputElement): void {
    const file = input.files?.[0];
    // Cleared so choosing the same file again (after fixing it) fires again.
    input.value = '';
    if (file) this.chosen.emit(file);
  }
}
