import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, Max, Min, IsObject, ValidateNested } from 'class-validator';
import { FOLLOW_UP_OFFSET_RANGE, FOLLOW_UP_RULE_KEYS, type FollowUpRuleKey, type UpdateFollowUpRulesRequest } from '@huifang/shared';

export class RuleChangeDto {
  @ApiProperty({ enum: FOLLOW_UP_RULE_KEYS })
  @IsIn(FOLLOW_UP_RULE_KEYS)
  key!: FollowUpRuleKey;

  @ApiProperty()
  @IsBoolean()
  enabled!: boolean;

  @ApiProperty({ description: 'Days (hours for service_recovery)', minimum: FOLLOW_UP_OFFSET_RANGE.min, maximum: FOLLOW_UP_OFFSET_RANGE.max })
  @IsInt()
  @Min(FOLLOW_UP_OFFSET_RANGE.min)
  @Max(FOLLOW_UP_OFFSET_RANGE.max)
  offset!: number;
}

export class UpdateRulesDto implements UpdateFollowUpRulesRequest {
  @ApiProperty({ type: () => [RuleChangeDto] })
  @IsArray()
  @ArrayMaxSize(FOLLOW_UP_RULE_KEYS.length)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => RuleChangeDto)
  rules!: RuleChangeDto[];
}
