import { DestroyRef, Injectable, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { TranslocoService } from '@jsverse/transloco';
import { switchMap } from 'rxjs';

/** mat-paginator's labels from the `paginator.*` translations, following the UI language. */
@Injectable()
export class TranslatedPaginatorIntl extends MatPaginatorIntl {
  private readonly transloco = inject(TranslocoService);

  constructor() {
    super();
    this.transloco.langChanges$
      .pipe(
        switchMap((lang) => this.transloco.selectTranslateObject<Record<string, string>>('paginator', {}, lang)),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((labels) => {
        this.itemsPerPageLabel = labels['itemsPerPage'] ?? this.itemsPerPageLabel;
        this.nextPageLabel = labels['next'] ?? this.nextPageLabel;
        this.previousPageLabel = labels['previous'] ?? this.previousPageLabel;
        this.firstPageLabel = labels['first'] ?? this.firstPageLabel;
        this.lastPageLabel = labels['last'] ?? this.lastPageLabel;
        this.changes.next();
      });
  }

  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    if (length === 0 || pageSize === 0) {
      return this.transloco.translate('paginator.empty');
    }
    const start = page * pageSize + 1;
    const end = Math.min((page + 1) * pageSize, length);
    return this.transloco.translate('paginator.range', { start, end, total: length });
  };
}
