import type { ImportJob, ImportUpload } from '@huifang/shared';
import type { ApiClient, ApiResponse } from './api-client';
import { eventually } from './eventually';

/** Uploads a file to POST /api/imports as multipart/form-data, as the browser does. */
export async function uploadImport(
  client: ApiClient,
  fileName: string,
  content: string | Uint8Array,
  fields: Record<string, string> = {},
): Promise<ApiResponse<ImportUpload>> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([content]), fileName);
  const response = await fetch(`${client.baseUrl}/api/imports`, {
    method: 'POST',
    headers: client.token ? { authorization: `Bearer ${client.token}` } : {},
    body: form,
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as ImportUpload, headers: response.headers };
}

/** Polls the job until it is no longer running (the client's progress bar does the same). */
export async function waitForImport(client: ApiClient, jobId: number, timeoutMs = 60_000): Promise<ImportJob> {
  const response = await eventually(
    () => client.get<ImportJob>(`/api/imports/${jobId}`),
    (r) => {
      if (r.body.status === 'running' || r.body.status === 'uploaded') throw new Error(`import ${jobId} still ${r.body.status}`);
    },
    timeoutMs,
  );
  return response.body;
}

/** Upload, run with the suggested mapping (or the one given), wait for the end. */
export async function importFile(client: ApiClient, fileName: string, content: string | Uint8Array, body: Record<string, unknown> = {}): Promise<ImportJob> {
  const upload = await uploadImport(client, fileName, content);
  if (upload.status !== 201) throw new Error(`upload failed: ${upload.status} ${JSON.stringify(upload.body)}`);
  const run = await client.post<ImportJob>(`/api/imports/${upload.body.job.id}/run`, { mapping: upload.body.suggestedMapping, ...body });
  if (run.status !== 202) throw new Error(`run failed: ${run.status} ${JSON.stringify(run.body)}`);
  return waitForImport(client, upload.body.job.id);
}
