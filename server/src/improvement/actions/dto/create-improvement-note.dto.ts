import { ApiProperty } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { IMPROVEMENT_NOTE_MAX_LENGTH, type CreateImprovementNoteRequest } from '@huifang/shared';
import { CharLength } from '../../../core/http/chars.validator';
import { Trim } from '../../../core/http/trim';

export class CreateImprovementNoteDto implements CreateImprovementNoteRequest {
  @ApiProperty({ example: '第二周：线上预约占比 40%' })
  @IsString()
  @Trim()
  @CharLength(1, IMPROVEMENT_NOTE_MAX_LENGTH)
  text!: string;
}
