import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { parse } from 'csv-parse';
import * as iconv from 'iconv-lite';
import type { TextEncoding } from './detect-encoding';
import type { FileRecord } from './file-records';

/** A record longer than this is a broken quote swallowing the file, not a row. */
const MAX_RECORD_CHARACTERS = 1_000_000;

/**
 * The CSV's records, streamed: bytes → text (iconv-lite; a UTF-8 BOM is dropped) → RFC 4180 records
 * (quoted fields, CRLF, line breaks inside quotes). Blank lines come through as empty records, so
 * positions stay those a spreadsheet shows.
 */
export async function* csvRecords(filePath: string, encoding: TextEncoding, onBytes: (bytes: number) => void): AsyncGenerator<FileRecord> {
  const file = createReadStream(filePath);
  file.on('data', (chunk) => onBytes(chunk.length));
  const parser = parse({ relax_column_count: true, relax_quotes: true, max_record_size: MAX_RECORD_CHARACTERS });
  // The pipeline forwards a failure of any stage to the parser, which the loop below then throws.
  pipeline(file, iconv.decodeStream(encoding === 'utf-8' ? 'utf8' : 'gb18030'), parser, () => undefined);
  let position = 0;
  for await (const cells of parser as AsyncIterable<string[]>) {
    yield { position: position++, cells };
  }
}
