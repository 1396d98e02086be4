import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { StaffUser } from '@huifang/shared';
import { Audit, type AuditContext } from '../audit/audit-context.decorator';
import { Roles } from '../auth/roles.decorator';
import { IdParam } from '../core/http/id-param';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { toStaffUser, UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'All staff accounts' })
  async list(): Promise<StaffUser[]> {
    return (await this.users.list()).map(toStaffUser);
  }

  @Post()
  @ApiOperation({ summary: 'Create a staff account' })
  async create(@Body() body: CreateUserDto, @Audit() context: AuditContext): Promise<StaffUser> {
    return toStaffUser(await this.users.create(body, context));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change role or display name, (de)activate, or reset the password' })
  async update(
    @IdParam() id: number,
    @Body() body: UpdateUserDto,
    @Audit() context: AuditContext,
  ): Promise<StaffUser> {
    return toStaffUser(await this.users.update(id, body, context));
  }
}
