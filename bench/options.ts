/** `npm run bench -- --scenario mixed|ceiling|cold|all --scale 1|10 --db sqlite|postgres [--fresh] [--seconds=N]`. */
export type Scenario = 'mixed' | 'ceiling' | 'cold';
export type BenchDatabase = 'sqlite' | 'postgres';

export interface Options {
  scenarios: Scenario[];
  scale: 1 | 10;
  db: BenchDatabase;
  fresh: boolean;
  /** Length of each cold-scenario load run. */
  seconds: number;
  /** Length of the mixed run (the working day: 60 s). */
  mixedSeconds: number;
  /** Length of each ceiling run (survey submit, bare route, check-in). */
  ceilingSeconds: number;
}

function value(args: string[], name: string): string | undefined {
  const inline = args.find((a) => a.startsWith(`--${name}=`));
  if (inline) return inline.slice(name.length + 3);
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
}

function oneOf<T extends string>(name: string, raw: string | undefined, allowed: readonly T[], fallback: T): T {
  if (raw === undefined) return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  throw new Error(`--${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
}

function seconds(args: string[], name: string, fallback: number): number {
  const raw = value(args, name);
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number of seconds (got "${raw}")`);
  return n;
}

export function parseOptions(args: string[]): Options {
  const scenario = oneOf('scenario', value(args, 'scenario'), ['mixed', 'ceiling', 'cold', 'all'] as const, 'all');
  return {
    scenarios: scenario === 'all' ? ['cold', 'mixed', 'ceiling'] : [scenario],
    scale: Number(oneOf('scale', value(args, 'scale'), ['1', '10'] as const, '1')) as 1 | 10,
    db: oneOf('db', value(args, 'db'), ['sqlite', 'postgres'] as const, 'sqlite'),
    fresh: args.includes('--fresh'),
    seconds: seconds(args, 'seconds', 10),
    mixedSeconds: seconds(args, 'mixed-seconds', 60),
    ceilingSeconds: seconds(args, 'ceiling-seconds', 15),
  };
}
