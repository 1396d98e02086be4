import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { IMPORT_ENCODINGS, IMPORT_MAPPING_NAME_MAX_LENGTH, type ImportEncoding, type ImportRunRequest } from '@huifang/shared';
import { ImportColumnMappingDto } from './import-column-mapping.dto';

/** Preview: the mapping to check the first rows with (and the encoding, to override the detected one). */
export class ImportPreviewDto {
  @ApiPropertyOptional({ type: ImportColumnMappingDto, description: 'Needed for CSV and Excel; ignored for FHIR' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ImportColumnMappingDto)
  mapping?: ImportColumnMappingDto;

  @ApiPropertyOptional({ enum: IMPORT_ENCODINGS })
  @IsOptional()
  @IsIn(IMPORT_ENCODINGS)
  encoding?: ImportEncoding;
}

export class ImportRunDto extends ImportPreviewDto implements ImportRunRequest {
  @ApiPropertyOptional({ maxLength: IMPORT_MAPPING_NAME_MAX_LENGTH, description: 'Save the mapping under this name (replacing one of the same name)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(IMPORT_MAPPING_NAME_MAX_LENGTH)
  @Matches(/\S/, { message: 'saveMappingAs must not be blank' })
  saveMappingAs?: string;
}

/** Peek again at an uploaded CSV in another encoding (no second upload). */
export class ImportPeekDto {
  @ApiProperty({ enum: IMPORT_ENCODINGS })
  @IsIn(IMPORT_ENCODINGS)
  encoding!: ImportEncoding;
}
