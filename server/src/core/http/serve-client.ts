import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Angular's hashed build files (or their compressed copies) never change; everything else (index.html, i18n) is revalidated. */
const HASHED_FILE = /-[A-Z0-9]{8}\.(js|css|woff2?)(\.br|\.gz)?$/;

/** The built client: `dist/client/browser` next to the bundled server, unless HUIFANG_CLIENT_DIR says otherwise. */
export function findClientDir(configured: string | undefined): string | undefined {
  const dir = configured ?? join(__dirname, '..', 'client', 'browser');
  return existsSync(join(dir, 'index.html')) ? dir : undefined;
}

export async function serveClient(app: NestFastifyApplication, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: true,
    // The build's .br/.gz copies (client/scripts/precompress.mjs), compressed at the best level once;
    // files without one are compressed on the fly by @fastify/compress (create-app.ts).
    preCompressed: true,
    setHeaders: (res, filePath) => {
      res.header('cache-control', HASHED_FILE.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}
