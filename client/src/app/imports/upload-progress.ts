import { HttpEventType, type HttpEvent } from '@angular/common/http';
import type { ImportUpload } from '@huifang/shared';

export type UploadState = { kind: 'sending'; fraction: number | null } | { kind: 'done'; upload: ImportUpload };

/** An upload's HTTP event as the page shows it: the share sent, then the server's answer; null for others. */
export function uploadState(event: HttpEvent<ImportUpload>): UploadState | null {
  switch (event.type) {
    case HttpEventType.Sent:
      return { kind: 'sending', fraction: 0 };
    case HttpEventType.UploadProgress:
      return { kind: 'sending', fraction: event.total ? Math.min(1, event.loaded / event.total) : null };
    case HttpEventType.Response:
      return event.body ? { kind: 'done', upload: event.body } : null;
    default:
      return null;
  }
}

/** The progress bar's share (0–100) of a job's bytes read. */
export function bytesPercent(done: number, total: number): number {
  return total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
}
