import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../core/config/app-config';
import { checkOwnFolder, removeUpload, uploadFolder } from './import-files';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'import-files-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the upload folder', () => {
  it('on PostgreSQL without HUIFANG_IMPORT_DIR is a fresh private folder, never a predictable shared path', async () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@localhost/db' });
    const folder = await uploadFolder(config);
    try {
      expect(folder).not.toBe(join(tmpdir(), 'huifang-imports'));
      expect(statSync(folder).mode & 0o777).toBe(0o700);
      expect(await uploadFolder(loadConfig({ DATABASE_URL: 'postgres://u@localhost/db' }))).not.toBe(folder);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('is HUIFANG_IMPORT_DIR when set: created 0700, an open one narrowed, a symlink refused', async () => {
    const chosen = join(dir, 'uploads');
    expect(await uploadFolder(loadConfig({ HUIFANG_IMPORT_DIR: chosen }))).toBe(chosen);
    expect(statSync(chosen).mode & 0o777).toBe(0o700);

    const open = join(dir, 'open');
    mkdirSync(open, { mode: 0o777 });
    await checkOwnFolder(open);
    expect(statSync(open).mode & 0o777).toBe(0o700);

    const link = join(dir, 'link');
    symlinkSync(open, link);
    await expect(uploadFolder(loadConfig({ HUIFANG_IMPORT_DIR: link }))).rejects.toThrow(/symbolic link/);
  });

  it('is the only place files are deleted from: a path elsewhere (the HIS export the CLI named) stays', async () => {
    const folder = await uploadFolder(loadConfig({ HUIFANG_IMPORT_DIR: join(dir, 'uploads') }));
    const stored = join(folder, 'a.upload');
    const hisExport = join(dir, 'export.csv');
    const lookalike = join(dir, 'export.upload');
    for (const path of [stored, hisExport, lookalike]) writeFileSync(path, 'x');
    for (const path of [stored, hisExport, lookalike, join(folder, '..', 'export.csv')]) await removeUpload(folder, path);
    expect([existsSync(stored), existsSync(hisExport), existsSync(lookalike)]).toEqual([false, true, true]);
  });
});
