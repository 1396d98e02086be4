/*
 * Messages delivered per second through the webhook channel (issue #16's closing note):
 * `SWC_NODE_PROJECT=bench/tsconfig.json node -r @swc-node/register bench/outreach-webhook.ts
 * [--messages 2000] [--in-flight 50] [--latency 20]`. Builds a fresh SQLite database with the built
 * server (`dist/server/main.js`), fills the outbox with `--messages` due survey invitations of
 * consenting patients, then starts the server with HUIFANG_OUTREACH_IN_FLIGHT and a local gateway
 * that checks every HMAC and answers after `--latency` ms; prints the messages recorded `sent` per
 * second from the gateway's first request to the last row sent, and the load average.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

const ROOT = join(__dirname, '..');
const MAIN = join(ROOT, 'dist', 'server', 'main.js');
const SECRET = 'bench-webhook-secret-0123456789abcdef';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
}

async function startServer(databaseUrl: string, env: Record<string, string>): Promise<ChildProcess> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', NODE_ENV: 'production', PORT: String(port), DATABASE_URL: databaseUrl, HUIFANG_ADMIN_PASSWORD: 'bench-admin-password', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the server did not start');
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

async function main(): Promise<void> {
  const messages = option('messages', 2000);
  const inFlight = option('in-flight', 50);
  const latency = option('latency', 20);
  const dir = mkdtempSync(join(tmpdir(), 'huifang-outreach-bench-'));
  const file = join(dir, 'bench.sqlite');
  const databaseUrl = `sqlite:${file}`;
  try {
    // The schema, by the server's own migrations; then the outbox, filled directly.
    await stopServer(await startServer(databaseUrl, {}));
    const db = new Database(file);
    const stamp = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');
    const past = stamp(new Date(Date.now() - 60_000));
    db.transaction(() => {
      const patient = db.prepare(`INSERT INTO patient (name, phone, stage, stage_since, consent_surveys) VALUES (?, ?, 'first_visit', ?, 1)`);
      const message = db.prepare(
        `INSERT INTO outreach_message (kind, patient_id, channel, purpose, idempotency_key, language, subject, body, status, next_attempt_at) VALUES ('survey_invitation', ?, 'sms', 'surveys', ?, 'zh', '', ?, 'queued', ?)`,
      );
      for (let i = 0; i < messages; i++) {
        const { lastInsertRowid } = patient.run(`患者${i}`, `139${String(i).padStart(8, '0')}`, past);
        message.run(lastInsertRowid, `bench:${i}`, `【医院】请评价本次就诊：https://huifang.example/feedback/${'x'.repeat(43)}\n回复“退订”不再接收调查。`, past);
      }
    })();

    let first = 0;
    let requests = 0;
    let badSignatures = 0;
    const gateway = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (first === 0) first = performance.now();
        requests += 1;
        const expected = `sha256=${createHmac('sha256', SECRET).update(`${String(req.headers['x-huifang-timestamp'])}.`).update(Buffer.concat(chunks)).digest('hex')}`;
        if (req.headers['x-huifang-signature'] !== expected) badSignatures += 1;
        setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end(`{"id":"gw-${requests}"}`), latency);
      });
    });
    gateway.listen(0, '127.0.0.1');
    await once(gateway, 'listening');
    const { port } = gateway.address() as { port: number };

    const server = await startServer(databaseUrl, {
      HUIFANG_SMS_WEBHOOK_URL: `http://127.0.0.1:${port}/send`,
      HUIFANG_WEBHOOK_SECRET: SECRET,
      HUIFANG_OUTREACH_IN_FLIGHT: String(inFlight),
      HUIFANG_TIMEZONE: 'Etc/GMT',
    });
    const count = db.prepare(`SELECT COUNT(*) AS n FROM outreach_message WHERE status = 'sent'`);
    let sent = 0;
    const deadline = Date.now() + 600_000;
    while (sent < messages && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      sent = (count.get() as { n: number }).n;
    }
    const seconds = (performance.now() - first) / 1000;
    await stopServer(server);
    gateway.close();
    db.close();
    console.log(
      `outreach webhook: ${sent}/${messages} sent in ${seconds.toFixed(2)} s = ${(sent / seconds).toFixed(0)} messages/s ` +
        `(${inFlight} in flight, gateway latency ${latency} ms, ${requests} gateway requests, ${badSignatures} bad signatures, SQLite; load ${loadavg()[0]?.toFixed(2)})`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
