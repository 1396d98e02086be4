import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DepartmentEntity } from '../departments/department.entity';
import { HospitalSettingsModule } from '../hospital-settings/hospital-settings.module';
import { ImprovementModule } from '../improvement/improvement.module';
import { IndicatorsModule } from '../indicators/indicators.module';
import { RelationshipModule } from '../relationship/relationship.module';
import { AssessmentReportEntity } from './assessment-report.entity';
import { AssessmentReportsService } from './assessment-reports.service';
import { ReportArchive } from './report-archive';
import { ReportBuilder } from './report-builder';
import { PdfPrinter } from './report-pdf';
import { ReportSchedule } from './report-schedule';
import { ReportsController } from './reports.controller';

/** The monthly assessment report: assembled from the indicators, archived, scheduled, printed (issue #15). */
@Module({
  imports: [TypeOrmModule.forFeature([DepartmentEntity, AssessmentReportEntity]), IndicatorsModule, RelationshipModule, HospitalSettingsModule, ImprovementModule],
  controllers: [ReportsController],
  providers: [ReportBuilder, ReportArchive, AssessmentReportsService, PdfPrinter],
  exports: [AssessmentReportsService, ReportArchive],
})
export class ReportsModule {}

/** The monthly schedule, for the server only (the import CLI leaves it to the server). */
@Module({
  imports: [ReportsModule, IndicatorsModule],
  providers: [ReportSchedule],
})
export class ReportScheduleModule {}
