import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as shared from '@huifang/shared';

const REPO_ROOT = join(__dirname, '..', '..');
const CLIENT_SRC = join(REPO_ROOT, 'client', 'src');
const SHARED_LIB = join(REPO_ROOT, 'shared', 'src', 'lib');

/** The types shared/ exports (erased at run time, so read from its source). */
function sharedTypeNames(): string[] {
  return readdirSync(SHARED_LIB)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.spec.ts'))
    .flatMap((name) => [...readFileSync(join(SHARED_LIB, name), 'utf8').matchAll(/\bexport\s+(?:type|interface)\s+(\w+)/g)])
    .map((m) => m[1]);
}

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
  // Input limits (lengths, ranges, earliest days) come from shared/, as the server DTOs use them.
  ['a limit under a name of its own', /\b(?:const|let|var)\s+[A-Z_]*(?:MAX|MIN|LIMIT)[A-Z_]*\s*=\s*['"\d-]/],
  ['a validator with a literal bound', /Validators\.(?:maxLength|minLength|max|min)\(\s*-?\d/],
  ['a template bound given as a literal', /\[?(?:maxlength|minlength|maxLength|minLength|max|min)\]?="\s*-?\d/],
  ['a calendar-day literal (e.g. the earliest day accepted)', /['"]\d{4}-\d{2}-\d{2}['"]/],
  ['a score compared with a literal (bands come from npsBand/ratingBand)', /\b(?:nps|csat|score|value|rating|ratings\[[^\]]*\]!?)\s*(?:<=|>=|<|>)\s*\d/],
  ['scale ends written out (SCALE gives them)', /<span>\s*\d+\s*\{\{/],
  ['the list of rating dimensions', /\[\s*'wait_time'\s*,\s*'doctor_communication'/],
];

describe('rules live once, in shared/ (the client never restates a server rule)', () => {
  const sources = clientSources();

  it('finds the client sources', () => {
    expect(sources.length).toBeGreaterThan(50);
  });

  it.each(RESTATEMENTS)('has no %s in client/', (_what, pattern) => {
    expect(sources.filter((s) => pattern.test(s.text)).map((s) => s.file)).toEqual([]);
  });

  it("declares nothing under the name of a shared/ export (a copy of a shared rule, helper or type)", () => {
    const names = [...Object.keys(shared), ...sharedTypeNames()].filter((name) => /^[A-Za-z_$][\w$]*$/.test(name));
    expect(names).toEqual(
      expect.arrayContaining(['addDays', 'CALL_HOUR', 'npsBand', 'waitLevel', 'questionProblems', 'InvitationRefusalReason']),
    );
    const alternatives = names.join('|');
    const declarations = [
      new RegExp(`\\b(?:const|let|var|function|class|enum)\\s+(${alternatives})\\b`, 'g'),
      // `type X =`, `interface X {`, not `import { type X }`.
      new RegExp(`\\b(?:type|interface)\\s+(${alternatives})\\s*(?:=|\\{|<|extends\\b)`, 'g'),
    ];
    const found = sources.flatMap((s) =>
      declarations.flatMap((declaration) => [...s.text.matchAll(declaration)].map((m) => `${s.file}: ${m[1]}`)),
    );
    expect(found).toEqual([]);
  });
});
