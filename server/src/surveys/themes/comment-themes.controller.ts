import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommentTheme, CommentThemeChange } from '@huifang/shared';
import { Audit, type AuditContext } from '../../audit/audit-context.decorator';
import { Roles } from '../../auth/roles.decorator';
import { CommentThemesService } from './comment-themes.service';
import { CreateCommentThemeDto } from './dto/create-comment-theme.dto';
import { UpdateCommentThemeDto } from './dto/update-comment-theme.dto';

const RETAG_NOTE =
  'Returns `{ theme, taggerVersion, retagStarted }`: when the change alters what the tagger assigns (not a rename), stored comments are stale and the server re-tags them in the background (`retagStarted: true`; `npm run themes:retag` does the same).';

/** Theme names and phrases hold no personal data: quality managers read them (the Themes view names themes); admins change them. */
@ApiTags('comment-themes')
@ApiBearerAuth()
@Controller('comment-themes')
export class CommentThemesController {
  constructor(private readonly themes: CommentThemesService) {}

  @Get()
  @Roles('quality_manager', 'admin')
  @ApiOperation({ summary: 'All comment themes, built-in and added by admins, with zh/en names, enabled flag and phrases' })
  list(): Promise<CommentTheme[]> {
    return this.themes.list();
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a comment theme found by its Chinese and English phrases; 409 on a key that exists', description: RETAG_NOTE })
  create(@Body() body: CreateCommentThemeDto, @Audit() context: AuditContext): Promise<CommentThemeChange> {
    return this.themes.create(body, context);
  }

  @Patch(':key')
  @Roles('admin')
  @ApiOperation({ summary: 'Rename, enable or disable a theme; replace the phrases of an admin-added theme; 404 on an unknown key', description: RETAG_NOTE })
  update(@Param('key') key: string, @Body() body: UpdateCommentThemeDto, @Audit() context: AuditContext): Promise<CommentThemeChange> {
    return this.themes.update(key, body, context);
  }
}
