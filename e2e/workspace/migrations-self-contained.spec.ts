import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const MIGRATIONS_DIR = join(__dirname, '..', '..', 'server', 'src', 'migrations');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !/\.spec\.ts$/.test(name) ? [path] : [];
  });
}

/** Every module specifier: static and type imports, re-exports, `import()` and `require()`. */
function specifiers(code: string): string[] {
  const patterns = [/\b(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
  return patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((match) => match[1]));
}

/**
 * A migration is history: what it does must not change when a feature module changes, or a fresh
 * install and an upgraded one end up different. So migrations import only TypeORM and each other.
 */
describe('migrations', () => {
  const files = sourceFiles(MIGRATIONS_DIR);

  it('exist (the path is right)', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it('import nothing outside server/src/migrations but typeorm', () => {
    const outside = files.flatMap((file) =>
      specifiers(readFileSync(file, 'utf8'))
        .filter((specifier) => {
          if (!specifier.startsWith('.')) return specifier !== 'typeorm';
          return relative(MIGRATIONS_DIR, resolve(dirname(file), specifier)).startsWith('..');
        })
        .map((specifier) => `${relative(MIGRATIONS_DIR, file)} imports ${specifier}`),
    );
    expect(outside).toEqual([]);
  });
});
