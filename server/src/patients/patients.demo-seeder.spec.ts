import type { DataSource } from 'typeorm';
import type { HospitalSettings } from '@huifang/shared';
import type { WriteTransaction } from '../core/database/write-transaction';
import type { HospitalSettingsService } from '../hospital-settings/hospital-settings.service';
import { SurveysDemoSeeder } from '../surveys/surveys.demo-seeder';
import { generateDemoFeedback } from '../surveys/demo/demo-feedback';
import { generateDemoJourneys } from './demo/demo-journeys';
import { PatientsDemoSeeder } from './patients.demo-seeder';

jest.mock('./demo/demo-journeys', () => ({ generateDemoJourneys: jest.fn(() => ({ patients: [], encounters: [], transitions: [] })) }));
jest.mock('../surveys/demo/demo-feedback', () => ({
  generateDemoFeedback: jest.fn(() => ({ invitations: [], responses: [], answers: [], callbacks: [], lastInvited: new Map(), latestDetractor: new Map() })),
}));

/** Settings an admin changed after start-up: the demo data must follow them, not the environment's defaults. */
const SETTINGS = { timeZone: 'Europe/Berlin', returnGraceDays: 21, surveyExpiryDays: 9, surveyMinDays: 45 } as HospitalSettings;
const hospital = { current: async () => SETTINGS } as unknown as HospitalSettingsService;
const writes = { run: async () => undefined } as unknown as WriteTransaction;
const query = { select: () => query, addSelect: () => query, setParameters: () => query, groupBy: () => query, getRawMany: async () => [] };
const dataSource = {
  getRepository: () => ({ find: async () => [], findBy: async () => [], findOneByOrFail: async () => ({ id: 1 }), createQueryBuilder: () => query }),
  // The themes in force (theme-catalog.ts): none but the built-in ones.
  manager: { connection: { options: { type: 'better-sqlite3' } }, query: async () => [] },
} as unknown as DataSource;

describe('demo seeders', () => {
  it('generate patients in the time zone of the hospital settings', async () => {
    await new PatientsDemoSeeder(dataSource, writes, hospital).seed();
    expect(jest.mocked(generateDemoJourneys).mock.calls[0]?.[0]).toMatchObject({ timeZone: 'Europe/Berlin' });
  });

  it('generate survey invitations with the settings’ time zone, expiry and spacing', async () => {
    await new SurveysDemoSeeder(dataSource, writes, hospital).seed();
    expect(jest.mocked(generateDemoFeedback).mock.calls[0]?.[0]).toMatchObject({ timeZone: 'Europe/Berlin', expiryDays: 9, minDays: 45 });
  });
});
