import { createReadStream } from 'node:fs';
import { pipeline, Transform } from 'node:stream';
import { parse } from 'csv-parse';
import * as iconv from 'iconv-lite';
import type { TextEncoding } from './detect-encoding';
import type { FileRecord } from './file-records';

/** A record longer than this is a broken quote swallowing the file, not a row. */
const MAX_RECORD_CHARACTERS = 1_000_000;

/** Bytes further in a file detected as UTF-8 that are no UTF-8: the file is GB18030 with an ASCII start. */
export class NotUtf8Error extends Error {}

/**
 * UTF-8 decoded strictly: a detection looks at the first 64 KB only, so a GB18030 file whose start is
 * ASCII would otherwise become U+FFFD characters, stored silently. A BOM is dropped.
 */
function strictUtf8(): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (chunk?: Buffer) => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw new NotUtf8Error('bytes that are no UTF-8 after a UTF-8 start');
    }
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      try {
        done(null, decode(chunk));
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done) {
      try {
        done(null, decode());
      } catch (error) {
        done(error as Error);
      }
    },
  });
}

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
  // UTF-8 is held to it to the end, detected or named (the client sends back the detected one on run).
  const decoder = encoding === 'utf-8' ? strictUtf8() : iconv.decodeStream('gb18030');
  pipeline(file, decoder, parser, () => undefined);
  let position = 0;
  for await (const cells of parser as AsyncIterable<string[]>) {
    yield { position: position++, cells };
  }
}
