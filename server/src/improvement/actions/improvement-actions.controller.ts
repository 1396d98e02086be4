import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ImprovementAction, ImprovementActionList, ImprovementOwner } from '@huifang/shared';
import { Audit, type AuditContext } from '../../audit/audit-context.decorator';
import { Roles } from '../../auth/roles.decorator';
import { IdParam } from '../../core/http/id-param';
import { CreateImprovementActionDto } from './dto/create-improvement-action.dto';
import { CreateImprovementNoteDto } from './dto/create-improvement-note.dto';
import { ImprovementActionQueryDto } from './dto/improvement-action-query.dto';
import { UpdateImprovementActionDto } from './dto/update-improvement-action.dto';
import { ImprovementActionsService } from './improvement-actions.service';

const EVALUATION =
  'Each action comes with its evaluation: the indicator in the baseline window (the days before start) and the follow-up window (from start + lag), n, change, 95% interval, p and verdict (improved, worse, no_change, too_few when either n < 30, pending before the follow-up window begins). While the satisfaction figures are still being prepared after a start-up, an NPS, CSAT or dimension action comes with `available: false` (verdict pending), never a 503 after a write.';

/** Quality work (PDCA): quality managers and admins record actions and read whether they worked. */
@ApiTags('improvement-actions')
@ApiBearerAuth()
@Controller('improvement-actions')
@Roles('quality_manager', 'admin')
export class ImprovementActionsController {
  constructor(private readonly actions: ImprovementActionsService) {}

  @Get()
  @ApiOperation({ summary: 'Improvement actions, newest start first, each with its verdict; filter by status, department, indicator', description: EVALUATION })
  async list(@Query() query: ImprovementActionQueryDto): Promise<ImprovementActionList> {
    return { items: await this.actions.list(query) };
  }

  @Post()
  @ApiOperation({ summary: 'Record an improvement action (audited)', description: EVALUATION })
  create(@Body() body: CreateImprovementActionDto, @Audit() context: AuditContext): Promise<ImprovementAction> {
    return this.actions.create(body, context);
  }

  @Get('owners')
  @ApiOperation({ summary: 'The staff an action can be given to: active accounts, id and display name only' })
  async owners(): Promise<{ items: ImprovementOwner[] }> {
    return { items: await this.actions.owners() };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One action with its notes and evaluation', description: EVALUATION })
  get(@IdParam() id: number): Promise<ImprovementAction> {
    return this.actions.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change any editable field or the status (audited with the change)' })
  update(@IdParam() id: number, @Body() body: UpdateImprovementActionDto, @Audit() context: AuditContext): Promise<ImprovementAction> {
    return this.actions.update(id, body, context);
  }

  @Post(':id/notes')
  @ApiOperation({ summary: 'Add a note to an action (audited); answers the action with its notes' })
  addNote(@IdParam() id: number, @Body() body: CreateImprovementNoteDto, @Audit() context: AuditContext): Promise<ImprovementAction> {
    return this.actions.addNote(id, body, context);
  }
}
