import { Writable } from 'node:stream';
import { QueryFailedError } from 'typeorm';
import { createLogger, PinoNestLogger } from './logger';

/** A Nest logger over the app's pino configuration, writing JSON lines into `lines`. */
function captured(): { logger: PinoNestLogger; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: new PinoNestLogger(createLogger({ logLevel: 'info', logFormat: 'json' }, sink)), lines };
}

describe('PinoNestLogger', () => {
  it('logs an Error handed over whole (as @nestjs/schedule does) without the failed query or its parameters', () => {
    const { logger, lines } = captured();
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint "UQ_patient_phone_name"'), {
      code: '23505',
      detail: 'Key (phone, name)=(13812345678, 王芳) already exists.',
    });
    const error = new QueryFailedError('INSERT INTO "patient" ("name", "phone", "password_hash") VALUES ($1, $2, $3)', ['王芳', '13812345678', '$argon2id$v=19$abc'], driverError);
    logger.error(error, 'SchedulerOrchestrator');
    const text = lines.join('');
    expect(text).toContain('23505');
    for (const secret of ['13812345678', '王芳', '$argon2']) expect(text).not.toContain(secret);
  });

  it('keeps plain objects and strings as they were', () => {
    const { logger, lines } = captured();
    logger.log({ requestId: 'r1', msg: 'hello' }, 'Test');
    logger.warn('plain text', 'Test');
    expect(lines.map((line) => JSON.parse(line) as Record<string, unknown>)).toEqual([
      expect.objectContaining({ requestId: 'r1', context: 'Test' }),
      expect.objectContaining({ msg: 'plain text', context: 'Test' }),
    ]);
  });
});
