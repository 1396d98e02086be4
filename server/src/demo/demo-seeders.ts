import type { Type } from '@nestjs/common';
import { CallbacksDemoSeeder } from '../callbacks/callbacks.demo-seeder';
import { ImportsDemoSeeder } from '../imports/imports.demo-seeder';
import { PatientsDemoSeeder } from '../patients/patients.demo-seeder';
import { SurveysDemoSeeder } from '../surveys/surveys.demo-seeder';
import { UsersDemoSeeder } from '../users/users.demo-seeder';
import type { DemoSeeder } from './demo-seeder';

/** Feature seeders in the order they run; later features depend on earlier ones' rows. */
export const DEMO_SEEDERS: Type<DemoSeeder>[] = [
  UsersDemoSeeder,
  PatientsDemoSeeder,
  SurveysDemoSeeder,
  CallbacksDemoSeeder,
  // Links the older demo visits to one finished import: after the patients seeder.
  ImportsDemoSeeder,
];
