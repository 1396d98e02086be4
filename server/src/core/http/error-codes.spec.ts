import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ERROR_CODES, errorParamNames, type ErrorCode } from '@huifang/shared';

/**
 * Every error the server raises on purpose names a typed code from `ERROR_CODES` (the client
 * translates it; the English message is for developers), and sends the params the code declares.
 * Read from the source, so a new `throw new ConflictException('…')` without a code fails here.
 */
const SRC = join(__dirname, '..', '..');

/** Builds its body elsewhere, typed: `InputProblem` carries a code. */
const BODY_BUILT_ELSEWHERE = new Set(['core/http/input-guard.ts']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The text between the bracket at `open` and its partner. */
function enclosed(text: string, open: number): string {
  const pairs: Record<string, string> = { '(': ')', '{': '}' };
  const close = pairs[text[open]];
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === text[open]) depth++;
    else if (text[i] === close && --depth === 0) return text.slice(open + 1, i);
  }
  throw new Error(`unbalanced ${text[open]} at ${open}`);
}

/** The `{` of the innermost object literal around `at`. */
function enclosingBrace(text: string, at: number): number {
  let depth = 0;
  for (let i = at; i >= 0; i--) {
    if (text[i] === '}') depth++;
    else if (text[i] === '{' && depth-- === 0) return i;
  }
  throw new Error(`no object around ${at}`);
}

const files = sourceFiles(SRC).map((path) => ({ name: relative(SRC, path), text: readFileSync(path, 'utf8') }));
const customExceptions = new Map(
  files.flatMap((file) => [...file.text.matchAll(/class (\w+Exception) extends/g)].map((m) => [m[1], file.text] as const)),
);

describe('error codes raised by the server', () => {
  it('every exception the server raises names a code from ERROR_CODES', () => {
    const uncoded: string[] = [];
    for (const file of files) {
      if (BODY_BUILT_ELSEWHERE.has(file.name)) continue;
      for (const match of file.text.matchAll(/new (\w*Exception)\(/g)) {
        const args = enclosed(file.text, (match.index ?? 0) + match[0].length - 1);
        const source = customExceptions.get(match[1]) ?? args;
        if (!/code: ERROR_CODES\.\w+/.test(source)) uncoded.push(`${file.name}: ${match[0]}${args.slice(0, 60)}`);
      }
    }
    expect(uncoded).toEqual([]);
  });

  it('sends the params each code declares wherever it is raised', () => {
    const codes = ERROR_CODES as Record<string, ErrorCode>;
    const missing: string[] = [];
    for (const file of files) {
      for (const match of file.text.matchAll(/code: ERROR_CODES\.(\w+)/g)) {
        const code = codes[match[1]];
        const body = enclosed(file.text, enclosingBrace(file.text, match.index ?? 0));
        for (const name of errorParamNames(code)) {
          if (!new RegExp(`params: \\{[^}]*\\b${name}\\b`).test(body)) missing.push(`${file.name}: ${code} without ${name}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('declares each code once', () => {
    const values = Object.values(ERROR_CODES);
    expect(new Set(values).size).toBe(values.length);
  });
});
