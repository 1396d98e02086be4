/**
 * One seeder per feature (users, patients, encounters, …), each in its feature's folder.
 * They run in the order of DEMO_SEEDERS (demo.module.ts) on an empty database when HUIFANG_DEMO=1.
 */
export interface DemoSeeder {
  /** Shown in the start-up log. */
  readonly feature: string;
  seed(): Promise<void>;
}
