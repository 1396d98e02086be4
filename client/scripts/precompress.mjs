/*
 * Writes a Brotli (.br, best quality) and a gzip (.gz) copy next to each compressible file of the
 * built client, which the server sends as they are (@fastify/static `preCompressed`). Compressing on
 * the fly costs CPU on every request, so @fastify/compress uses a fast Brotli level; the best level,
 * paid once here, sends about 15% fewer bytes (issue #12: the staff app's first load).
 * Usage: node client/scripts/precompress.mjs <dir>
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(js|css|html|json|svg|txt)$/;
/** Below this the headers outweigh the saving (as @fastify/compress's threshold in create-app.ts). */
const MIN_BYTES = 1024;

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? files(path) : [path];
  });
}

const root = process.argv[2];
if (!root) throw new Error('usage: precompress.mjs <dir>');
let count = 0;
for (const path of files(root).filter((p) => COMPRESSIBLE.test(p))) {
  const content = readFileSync(path);
  if (content.length < MIN_BYTES) continue;
  const brotli = brotliCompressSync(content, {
    params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
  });
  writeFileSync(`${path}.br`, brotli);
  writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
  count++;
}
console.log(`precompressed ${count} files in ${root}`);
