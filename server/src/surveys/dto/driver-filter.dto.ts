import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { NPS_BANDS, WAIT_BAND_KEYS, type DriverResponseFilter, type NpsBandName, type WaitBand } from '@huifang/shared';

/** The responses behind one cell of the drivers panel (GET /api/indicators/drivers); `themeId` is the list's own filter. */
export class DriverFilterDto implements DriverResponseFilter {
  @ApiPropertyOptional({ enum: NPS_BANDS, description: 'Only NPS answers in the band (detractors 0-6, passives 7-8, promoters 9-10)' })
  @IsOptional()
  @IsIn(NPS_BANDS)
  npsBand?: NpsBandName;

  @ApiPropertyOptional({ enum: WAIT_BAND_KEYS, description: "Only responses whose visit's wait is in the band (minutes: < 15, 15-30, 30-60, ≥ 60)" })
  @IsOptional()
  @IsIn(WAIT_BAND_KEYS)
  waitBand?: WaitBand;
}
