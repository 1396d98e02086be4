import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** The pages and text of a PDF, read by pdfjs-dist (pdf-text.mjs) in a child process. */
export async function pdfText(pdf: Buffer): Promise<{ pages: number; text: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'huifang-pdf-'));
  try {
    const file = join(dir, 'file.pdf');
    writeFileSync(file, pdf);
    const { stdout } = await promisify(execFile)(process.execPath, [join(__dirname, 'pdf-text.mjs'), file], { maxBuffer: 32 * 1024 * 1024 });
    return JSON.parse(stdout) as { pages: number; text: string };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
