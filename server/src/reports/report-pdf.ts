import { Injectable, Logger, ServiceUnavailableException, type OnModuleDestroy } from '@nestjs/common';
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { ERROR_CODES } from '@huifang/shared';

/** Where Chromium is looked for: CHROME_BIN, then Debian's and Ubuntu's paths. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return [env['CHROME_BIN'], '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path): path is string => !!path && existsSync(path));
}

/** A server's Chromium: headless, as root in a container, with no network of its own to use. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--no-first-run',
  '--mute-audio',
];

/** A browser is closed after this many prints (and when idle), so a long-running server does not grow one. */
const PRINTS_PER_BROWSER = 50;
const IDLE_CLOSE_MS = 60_000;
const PRINT_TIMEOUT_MS = 30_000;

/**
 * Prints HTML to an A4 PDF with headless Chromium through playwright-core: one browser at a time, one
 * print at a time (a queue), reused for a few prints and closed when idle. Without Chromium the answer
 * is a 503 `report.pdf_unavailable` (JSON and Excel still work). The page is set from a string and
 * every request it would make is refused: the report's HTML is self-contained (inline CSS and SVG).
 */
@Injectable()
export class PdfPrinter implements OnModuleDestroy {
  private readonly logger = new Logger(PdfPrinter.name);
  private browser: Promise<Browser> | undefined;
  private prints = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private idle: NodeJS.Timeout | undefined;

  print(html: string): Promise<Buffer> {
    const executablePath = chromiumPath();
    if (!executablePath) {
      throw new ServiceUnavailableException({ message: 'no Chromium on this server to print the PDF (set CHROME_BIN)', code: ERROR_CODES.reportPdfUnavailable });
    }
    const run = this.queue.then(() => this.printNow(executablePath, html));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async onModuleDestroy(): Promise<void> {
    clearTimeout(this.idle);
    await this.close();
  }

  private async printNow(executablePath: string, html: string): Promise<Buffer> {
    clearTimeout(this.idle);
    let context: Awaited<ReturnType<Browser['newContext']>> | undefined;
    try {
      const browser = await this.open(executablePath);
      context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      const page = await context.newPage();
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load', timeout: PRINT_TIMEOUT_MS });
      return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    } catch (error) {
      this.logger.error({ err: error }, 'printing a report failed');
      await this.close();
      throw new ServiceUnavailableException({ message: 'the PDF could not be printed; try again', code: ERROR_CODES.reportPdfUnavailable });
    } finally {
      await context?.close().catch(() => undefined);
      this.prints += 1;
      if (this.prints >= PRINTS_PER_BROWSER) await this.close();
      this.idle = setTimeout(() => void this.close(), IDLE_CLOSE_MS);
      this.idle.unref();
    }
  }

  private open(executablePath: string): Promise<Browser> {
    if (!this.browser) {
      this.browser = import('playwright-core').then(({ chromium }) => chromium.launch({ executablePath, headless: true, args: FLAGS }));
      this.browser.catch(() => (this.browser = undefined));
    }
    return this.browser;
  }

  private async close(): Promise<void> {
    const browser = this.browser;
    this.browser = undefined;
    this.prints = 0;
    if (browser) await (await browser.catch(() => null))?.close().catch(() => undefined);
  }
}
