import { open } from 'node:fs/promises';
import type { ImportEncoding } from '@huifang/shared';

export type TextEncoding = Exclude<ImportEncoding, 'auto'>;

/** Enough of the file to tell UTF-8 from GB18030: HIS exports put Chinese in the header already. */
const SNIFF_BYTES = 64 * 1024;

/**
 * `auto`: a UTF-8 BOM, or a start that decodes as strict UTF-8, is UTF-8; anything else is taken
 * as GB18030 (which also covers GBK and GB2312, what Chinese HIS exports use).
 */
export async function resolveEncoding(filePath: string, encoding: ImportEncoding): Promise<TextEncoding> {
  if (encoding !== 'auto') return encoding;
  const handle = await open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    const wholeFile = bytesRead < SNIFF_BYTES || (await handle.stat()).size === bytesRead;
    return looksLikeUtf8(buffer.subarray(0, bytesRead), wholeFile) ? 'utf-8' : 'gb18030';
  } finally {
    await handle.close();
  }
}

export function looksLikeUtf8(start: Uint8Array, wholeFile: boolean): boolean {
  if (start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf) return true;
  try {
    // `stream: true` keeps a sequence cut at the end of the sample pending instead of failing it.
    new TextDecoder('utf-8', { fatal: true }).decode(start, { stream: !wholeFile });
    return true;
  } catch {
    return false;
  }
}
