import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const SERVER_SRC = join(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'migrations' || name === 'demo' ? [] : sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('NPS and rating bands in SQL', () => {
  it('are built from the shared constants: no query restates a band as a number', () => {
    // e.g. `r.nps <= 6`, `r.csat >= 4`, `d.value >= 4`, `nps BETWEEN 7 AND 8` (migrations are history, left alone).
    const restated = /\b(nps|csat|value|value_number)\s*(<=|>=|<|>|BETWEEN)\s*\d/;
    const offenders = sourceFiles(SERVER_SRC)
      .filter((file) => restated.test(readFileSync(file, 'utf8')))
      .map((file) => relative(SERVER_SRC, file));
    expect(offenders).toEqual([]);
  });

});
