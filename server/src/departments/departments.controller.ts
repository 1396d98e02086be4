import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Department } from '@huifang/shared';
import { Audit, type AuditContext } from '../audit/audit-context.decorator';
import { Roles } from '../auth/roles.decorator';
import { DepartmentsService, toDepartment } from './departments.service';
import { IdParam } from '../core/http/id-param';
import { CreateDepartmentDto } from './dto/create-department.dto';
import { UpdateDepartmentDto } from './dto/update-department.dto';

@ApiTags('departments')
@ApiBearerAuth()
@Controller('departments')
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  @Get()
  @ApiOperation({ summary: 'All departments, deactivated ones included (`active: false`; pickers leave them out)' })
  async list(): Promise<Department[]> {
    return (await this.departments.list()).map(toDepartment);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a department' })
  async create(@Body() body: CreateDepartmentDto, @Audit() context: AuditContext): Promise<Department> {
    return toDepartment(await this.departments.create(body, context));
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Rename a department, or deactivate (reactivate) it' })
  async update(@IdParam() id: number, @Body() body: UpdateDepartmentDto, @Audit() context: AuditContext): Promise<Department> {
    return toDepartment(await this.departments.update(id, body, context));
  }
}
