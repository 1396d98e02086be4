import { Injectable, signal } from '@angular/core';
import type { ImportUpload } from '@huifang/shared';

/** An uploaded file waiting for its mapping: the server's answer, and the file (to upload again in another encoding). */
export interface ImportDraft {
  upload: ImportUpload;
  file: File;
}

/**
 * Uploads of this browser session by job id, so `/imports/:id` can show the mapping step after the
 * URL changed. A refresh loses them (the server keeps no sample rows): the page then asks for the file again.
 */
@Injectable({ providedIn: 'root' })
export class ImportDrafts {
  private readonly drafts = signal<ReadonlyMap<number, ImportDraft>>(new Map());

  get(jobId: number | null): ImportDraft | null {
    return jobId === null ? null : (this.drafts().get(jobId) ?? null);
  }

  put(draft: ImportDraft): void {
    this.drafts.update((drafts) => new Map(drafts).set(draft.upload.job.id, draft));
  }

  remove(jobId: number): void {
    this.drafts.update((drafts) => {
      const next = new Map(drafts);
      next.delete(jobId);
      return next;
    });
  }
}
