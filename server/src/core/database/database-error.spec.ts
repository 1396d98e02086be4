import { ERROR_CODES } from '@huifang/shared';
import { QueryFailedError } from 'typeorm';
import { databaseErrorToHttp, describeQueryError } from './database-error';

function failed(driverError: Record<string, unknown>): QueryFailedError {
  return new QueryFailedError('INSERT INTO "patient" ("name", "phone") VALUES ($1, $2)', ['王芳', '13812345678'], Object.assign(new Error(String(driverError['message'])), driverError));
}

describe('databaseErrorToHttp', () => {
  it('maps unique violations of both databases to 409 conflict.duplicate', () => {
    for (const code of ['23505', 'SQLITE_CONSTRAINT_UNIQUE']) {
      const http = databaseErrorToHttp(failed({ code, message: 'duplicate key value violates unique constraint "UQ_department_code"' }));
      expect([http?.getStatus(), (http?.getResponse() as { code: string }).code]).toEqual([409, ERROR_CODES.duplicate]);
    }
  });

  it('maps foreign-key violations to 409 and bad values to 400', () => {
    expect(databaseErrorToHttp(failed({ code: '23503', message: 'fk' }))?.getStatus()).toBe(409);
    expect(databaseErrorToHttp(failed({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY', message: 'fk' }))?.getStatus()).toBe(409);
    for (const code of ['22003', '22001', '22P02', '22021', '23502', '23514', 'SQLITE_CONSTRAINT_CHECK']) {
      expect(databaseErrorToHttp(failed({ code, message: 'bad' }))?.getStatus()).toBe(400);
    }
  });

  it('maps a PostgreSQL deadlock or serialization failure to 503 database.busy (nothing stored; try again)', () => {
    for (const code of ['40P01', '40001']) {
      const http = databaseErrorToHttp(failed({ code, message: 'deadlock detected' }));
      expect([http?.getStatus(), (http?.getResponse() as { code: string }).code]).toEqual([503, ERROR_CODES.databaseBusy]);
    }
  });

  it('leaves other errors to be 500s', () => {
    expect(databaseErrorToHttp(failed({ code: 'SQLITE_BUSY', message: 'database is locked' }))).toBeUndefined();
    expect(databaseErrorToHttp(new Error('boom'))).toBeUndefined();
  });
});

describe('describeQueryError', () => {
  it('keeps codes and names, never parameters, SQL values or the driver detail', () => {
    const error = failed({
      code: '23505',
      constraint: 'UQ_patient_phone_name',
      detail: 'Key (phone, name)=(13812345678, 王芳) already exists.',
      message: 'invalid input syntax for type integer: "13812345678"',
    });
    const described = describeQueryError(error);
    expect(described).toMatchObject({ code: '23505', constraint: 'UQ_patient_phone_name' });
    expect(JSON.stringify(described)).not.toMatch(/13812345678|王芳|VALUES/);
  });
});
