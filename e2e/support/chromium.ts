import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = [process.env['CHROME_BIN'], '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Debian's Chromium (no browser downloads are possible here), or CHROME_BIN. */
export function findChromium(): string | undefined {
  return CANDIDATES.find((path): path is string => !!path && existsSync(path));
}

/**
 * `describe` when Chromium is there; otherwise the suite is skipped with a message, except on CI
 * (CI=true), where a missing browser must fail the run instead of passing silently.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (findChromium() || process.env['CI'] === 'true') {
    describe(name, body);
  } else {
    process.stderr.write(`Chromium not found (set CHROME_BIN or apt-get install chromium): skipping "${name}"\n`);
    describe.skip(name, body);
  }
}

/** Flags for headless runs as root on a machine whose only network is loopback. */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found: install it (apt-get install chromium) or set CHROME_BIN');
  return chromium.launch({ executablePath, headless: true, args: FLAGS });
}
