import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Department } from '@huifang/shared';
import { Audit, type AuditContext } from '../audit/audit-context.decorator';
import { Roles } from '../auth/roles.decorator';
import { DepartmentsService, toDepartment } from './departments.service';
import { CreateDepartmentDto } from './dto/create-department.dto';

@ApiTags('departments')
@ApiBearerAuth()
@Controller('departments')
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  @Get()
  @ApiOperation({ summary: 'All departments' })
  async list(): Promise<Department[]> {
    return (await this.departments.list()).map(toDepartment);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a department' })
  async create(@Body() body: CreateDepartmentDto, @Audit() context: AuditContext): Promise<Department> {
    return toDepartment(await this.departments.create(body, context));
  }
}
