import { Body, Controller, Get, Headers, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { SessionUser } from '../../auth/session-user.js';
import { Role } from '../../auth/user.entity.js';
import { idempotencyKey } from '../common/idempotency-key.js';
import { ForeignMinistryNoticeQueryDto, RecordForeignMinistryNoticeDto } from './foreign-ministry-notice.dto.js';
import { ForeignMinistryNoticeService } from './foreign-ministry-notice.service.js';

@ApiTags('workflow')
@Controller('api/foreign-ministry-notices')
export class ForeignMinistryNoticeController {
  constructor(private readonly notices: ForeignMinistryNoticeService) {}

  @Get()
  @Roles(Role.COUNCIL_STANDING_OFFICER, Role.COUNCIL_MEMBER)
  list(@CurrentUser() user: SessionUser, @Query() query: ForeignMinistryNoticeQueryDto) {
    return this.notices.list(user, query.roundId ?? null);
  }

  @Post()
  @Roles(Role.COUNCIL_STANDING_OFFICER)
  record(
    @CurrentUser() user: SessionUser,
    @Body() body: RecordForeignMinistryNoticeDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.notices.record(user, body, idempotencyKey(key));
  }
}
