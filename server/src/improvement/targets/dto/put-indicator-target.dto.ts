import { ApiProperty } from '@nestjs/swagger';
import { IsNumber } from 'class-validator';
import { TARGET_COMPARATORS, TARGET_VALUE_MAX_DECIMALS, type IndicatorKey, type PutIndicatorTargetRequest, type TargetComparator } from '@huifang/shared';
import { DepartmentField, IndicatorField, OneOf } from '../../actions/dto/action-fields';

/** The value's range depends on the indicator: the service checks it (`indicator_target.value_out_of_range`). */
export class PutIndicatorTargetDto implements PutIndicatorTargetRequest {
  @ApiProperty({ example: 'wait_median' })
  @IndicatorField()
  indicator!: IndicatorKey;

  @ApiProperty({ type: Number, nullable: true, example: 3, description: "null: the hospital's target (departments without their own use it)" })
  @DepartmentField()
  departmentId!: number | null;

  @ApiProperty({ enum: TARGET_COMPARATORS, example: 'at_most' })
  @OneOf(TARGET_COMPARATORS)
  comparator!: TargetComparator;

  @ApiProperty({ example: 20, description: 'In the indicator’s unit: minutes, percent (0-100), NPS (-100..100), a rating dimension’s top-2-box percent (0-100); at most two decimals' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: TARGET_VALUE_MAX_DECIMALS })
  value!: number;
}
