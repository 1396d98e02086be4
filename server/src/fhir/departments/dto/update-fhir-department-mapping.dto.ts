import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsInt, Max, Min, ValidateIf } from 'class-validator';
import { MAX_ID } from '@huifang/shared';

export class UpdateFhirDepartmentMappingDto {
  @ApiProperty({ type: 'integer', nullable: true, description: 'The department the code stands for; null: not mapped (its encounters go to the unmapped department)' })
  @IsDefined()
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  departmentId!: number | null;
}
