import type { ImportJob, ImportSummary } from '@huifang/shared';
import type { ImportJobEntity } from './import-job.entity';

/** The API's view of a job: never the server-side file path. */
export function toImportJob(row: ImportJobEntity, startedBy: { id: number; username: string } | null): ImportJob {
  return {
    id: row.id,
    format: row.format,
    fileName: row.fileName,
    mappingName: row.mappingName,
    status: row.status,
    startedBy,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    bytesDone: Number(row.bytesDone),
    bytesTotal: Number(row.bytesTotal),
    rowsDone: row.rowsDone,
    summary: row.summary ? (JSON.parse(row.summary) as ImportSummary) : null,
  };
}
