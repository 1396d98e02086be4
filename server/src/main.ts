import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@huifang/shared';
import { type AppConfig, ConfigError, loadConfig } from './core/config/app-config';
import { createApp } from './create-app';

function readConfig(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`huifang: configuration error: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}

function announce(config: AppConfig): void {
  const lines = [`Huifang is running at http://localhost:${config.port}  (API docs: /api/docs, database: ${config.database.kind})`];
  if (config.demo) {
    lines.push(`Demo logins (password "${DEMO_PASSWORD}"): ${DEMO_ACCOUNTS.map((a) => `${a.username} (${a.role})`).join(', ')}`);
  }
  process.stdout.write(lines.join('\n') + '\n');
}

async function main(): Promise<void> {
  const config = readConfig();
  const app = await createApp(config);
  await app.listen({ port: config.port, host: '0.0.0.0' });
  announce(config);
}

main().catch((error: Error) => {
  // One line, no stack: e.g. the database is unreachable or the port is taken.
  process.stderr.write(`huifang: could not start: ${error.message}\n`);
  process.exit(1);
});
