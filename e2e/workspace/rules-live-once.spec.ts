import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as shared from '@huifang/shared';

const REPO_ROOT = join(__dirname, '..', '..');
const CLIENT_SRC = join(REPO_ROOT, 'client', 'src');

/** The client's own source (templates too), without its tests. */
function clientSources(dir = CLIENT_SRC): { file: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return clientSources(path);
    if (!/\.(ts|html)$/.test(name) || /\.spec\.ts$/.test(name)) return [];
    return [{ file: relative(REPO_ROOT, path), text: readFileSync(path, 'utf8') }];
  });
}

/** Rules the client once restated under names of its own (issue #10). */
const RESTATEMENTS: [string, RegExp][] = [
  ['a hard-coded hospital time zone', /Asia\/Shanghai/],
  ['wait colour thresholds', /\b(LONG_WAIT_MINUTES|VERY_LONG_WAIT_MINUTES)\b/],
  ['question limits', /\b(MAX_QUESTIONS|MIN_CHOICE_OPTIONS|MAX_CHOICE_OPTIONS)\s*=/],
  ['scale bounds', /\[\s*0\s*,\s*10\s*\]\s*:\s*\[\s*1\s*,\s*5\s*\]/],
];

describe('rules live once, in shared/ (the client never restates a server rule)', () => {
  const sources = clientSources();

  it('finds the client sources', () => {
    expect(sources.length).toBeGreaterThan(50);
  });

  it.each(RESTATEMENTS)('has no %s in client/', (_what, pattern) => {
    expect(sources.filter((s) => pattern.test(s.text)).map((s) => s.file)).toEqual([]);
  });

  it("declares nothing under the name of a shared/ export (a copy of a shared rule or helper)", () => {
    const names = Object.keys(shared).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name));
    expect(names).toEqual(expect.arrayContaining(['addDays', 'CALL_HOUR', 'npsBand', 'waitLevel', 'questionProblems']));
    const declaration = new RegExp(`\\b(?:const|let|var|function|class|enum)\\s+(${names.join('|')})\\b`, 'g');
    const found = sources.flatMap((s) => [...s.text.matchAll(declaration)].map((m) => `${s.file}: ${m[1]}`));
    expect(found).toEqual([]);
  });
});
