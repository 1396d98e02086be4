import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FhirDepartmentMapping } from '@huifang/shared';
import { Audit, type AuditContext } from '../../audit/audit-context.decorator';
import { Roles } from '../../auth/roles.decorator';
import { IdParam } from '../../core/http/id-param';
import { UpdateFhirDepartmentMappingDto } from './dto/update-fhir-department-mapping.dto';
import { FhirDepartmentMappingsService } from './fhir-department-mappings.service';

@ApiTags('fhir')
@ApiBearerAuth()
@Controller('fhir-department-mappings')
@Roles('admin')
export class FhirDepartmentMappingsController {
  constructor(private readonly mappings: FhirDepartmentMappingsService) {}

  @Get()
  @ApiOperation({ summary: 'FHIR codes (Encounter serviceType / type / class) and their departments; unmapped ones first' })
  list(): Promise<FhirDepartmentMapping[]> {
    return this.mappings.list();
  }

  @Put(':id')
  @ApiOperation({ summary: 'Map a FHIR code to a department (null: unmapped); the next import of the same data moves its encounters' })
  update(@IdParam() id: number, @Body() body: UpdateFhirDepartmentMappingDto, @Audit() context: AuditContext): Promise<FhirDepartmentMapping> {
    return this.mappings.update(id, body.departmentId, context);
  }
}
