import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import type { AppConfig } from '../config/app-config';
import { serializeError } from './error-serializer';
import { REDACT_PATHS } from './redact';

/**
 * The one pino logger: Fastify writes request lines with it and Nest's Logger forwards to it.
 * `destination` is for tests (JSON lines into a stream of theirs).
 */
export function createLogger(config: Pick<AppConfig, 'logLevel' | 'logFormat'>, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level: config.logLevel,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: { err: serializeError },
    transport:
      config.logFormat === 'pretty'
        ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } }
        : undefined,
  };
  return destination ? pino({ ...options, transport: undefined }, destination) : pino(options);
}

type Message = unknown;

/** Lets Nest's `new Logger(Context)` calls land in pino, with the context as a field. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: Message, context?: string): void {
    this.write('info', message, context);
  }
  error(message: Message, ...rest: unknown[]): void {
    const context = typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
    this.write('error', message, context);
  }
  warn(message: Message, context?: string): void {
    this.write('warn', message, context);
  }
  debug(message: Message, context?: string): void {
    this.write('debug', message, context);
  }
  verbose(message: Message, context?: string): void {
    this.write('trace', message, context);
  }
  fatal(message: Message, context?: string): void {
    this.write('fatal', message, context);
  }

  private write(level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace', message: Message, context?: string): void {
    // An Error goes through the `err` serializer, which keeps a failed query's parameters out.
    if (message instanceof Error) this.logger[level]({ context, err: message }, message.name);
    else if (typeof message === 'object' && message !== null) this.logger[level]({ context, ...message });
    else this.logger[level]({ context }, String(message));
  }
}
