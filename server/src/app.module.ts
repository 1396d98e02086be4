import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CallbacksModule } from './callbacks/callbacks.module';
import { AppConfig } from './core/config/app-config';
import { ConfigModule } from './core/config/config.module';
import { DatabaseModule } from './core/database/database.module';
import { WriteTransactionModule } from './core/database/write-transaction.module';
import { ApiExceptionFilter } from './core/http/api-exception.filter';
import { SettingsModule } from './core/settings/settings.module';
import { DepartmentsModule } from './departments/departments.module';
import { FirstStartModule } from './first-start/first-start.module';
import { EncountersModule } from './encounters/encounters.module';
import { FhirModule } from './fhir/fhir.module';
import { HealthModule } from './health/health.module';
import { HospitalSettingsModule } from './hospital-settings/hospital-settings.module';
import { ImportHousekeepingModule, ImportsModule } from './imports/imports.module';
import { ImprovementModule } from './improvement/improvement.module';
import { IndicatorsModule } from './indicators/indicators.module';
import { OutreachModule, OutreachWorkerModule } from './outreach/outreach.module';
import { PatientsModule } from './patients/patients.module';
import { PrivacyModule } from './privacy/privacy.module';
import { RelationshipModule, RelationshipUpkeepModule } from './relationship/relationship.module';
import { ReportScheduleModule, ReportsModule } from './reports/reports.module';
import { SurveysModule } from './surveys/surveys.module';
import { TimelineModule } from './timeline/timeline.module';
import { UsersModule } from './users/users.module';

@Module({})
export class AppModule {
  /** `cli`: for `npm run import` beside a running server, which keeps the upkeep of import jobs to itself. */
  static forRoot(config: AppConfig, { cli = false }: { cli?: boolean } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ScheduleModule.forRoot(),
        DatabaseModule,
        WriteTransactionModule,
        SettingsModule,
        AuditModule,
        HospitalSettingsModule,
        AuthModule,
        UsersModule,
        IndicatorsModule,
        ImprovementModule,
        DepartmentsModule,
        PatientsModule,
        PrivacyModule,
        EncountersModule,
        SurveysModule,
        CallbacksModule,
        TimelineModule,
        HealthModule,
        FirstStartModule,
        ImportsModule,
        FhirModule,
        RelationshipModule,
        ReportsModule,
        OutreachModule,
        ...(cli ? [] : [ImportHousekeepingModule, RelationshipUpkeepModule, ReportScheduleModule, OutreachWorkerModule]),
      ],
      providers: [{ provide: APP_FILTER, useClass: ApiExceptionFilter }],
    };
  }
}
