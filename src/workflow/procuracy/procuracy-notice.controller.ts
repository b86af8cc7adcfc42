import { Body, Controller, Get, Headers, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { SessionUser } from '../../auth/session-user.js';
import { Role } from '../../auth/user.entity.js';
import { idempotencyKey } from '../common/idempotency-key.js';
import { ProcuracyNoticeQueryDto, RecordProcuracyNoticeDto } from './procuracy-notice.dto.js';
import { ProcuracyNoticeService } from './procuracy-notice.service.js';

@ApiTags('workflow')
@Controller('api/procuracy-notices')
export class ProcuracyNoticeController {
  constructor(private readonly notices: ProcuracyNoticeService) {}

  @Get()
  @Roles(Role.WARDEN, Role.DEPARTMENT_OFFICER, Role.MINISTRY_OFFICER, Role.COURT_PRESIDENT)
  list(@CurrentUser() user: SessionUser, @Query() query: ProcuracyNoticeQueryDto) {
    return this.notices.list(user, query.roundId ?? null);
  }

  @Post()
  @Roles(Role.WARDEN, Role.COURT_PRESIDENT)
  record(
    @CurrentUser() user: SessionUser,
    @Body() body: RecordProcuracyNoticeDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.notices.record(user, body, idempotencyKey(key));
  }
}
