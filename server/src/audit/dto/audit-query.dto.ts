import { IntersectionType } from '@nestjs/swagger';
import type { AuditQuery } from '@huifang/shared';
import { PageQueryDto } from '../../core/http/page-query.dto';
import { AuditFilterDto } from './audit-filter.dto';

export class AuditQueryDto extends IntersectionType(AuditFilterDto, PageQueryDto) implements AuditQuery {}
