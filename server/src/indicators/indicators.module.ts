import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SqliteReaders } from '../core/database/sqlite-readers';
import { DepartmentEntity } from '../departments/department.entity';
import { RelationshipModule } from '../relationship/relationship.module';
import { DrillDownService } from './drill-down.service';
import { DriversService } from './drivers.service';
import { IndicatorSqlProvider } from './indicator-sql.provider';
import { IndicatorsController } from './indicators.controller';
import { IndicatorsService } from './indicators.service';
import { LiveBoardService } from './live-board.service';
import { OutreachRatesService } from './outreach-rates.service';
import { RollupsService } from './rollups/rollups.service';
import { ThemeTrendService } from './theme-trend.service';

@Module({
  imports: [TypeOrmModule.forFeature([DepartmentEntity]), RelationshipModule],
  controllers: [IndicatorsController],
  providers: [SqliteReaders, IndicatorSqlProvider, IndicatorsService, DrillDownService, DriversService, LiveBoardService, OutreachRatesService, RollupsService, ThemeTrendService],
  exports: [RollupsService, IndicatorsService, IndicatorSqlProvider],
})
export class IndicatorsModule {}
