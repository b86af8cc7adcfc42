import { Body, Controller, Get, Headers, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { SessionUser } from '../../auth/session-user.js';
import { Role } from '../../auth/user.entity.js';
import { idempotencyKey } from '../common/idempotency-key.js';
import { AppraisalRecordDto, AppraisalRecordQueryDto } from './appraisal.dto.js';
import { AppraisalRecordService } from './appraisal-record.service.js';

@ApiTags('workflow')
@Controller('api/appraisal/records')
export class AppraisalRecordController {
  constructor(private readonly records: AppraisalRecordService) {}

  @Post()
  @Roles(Role.APPRAISER)
  draw(@CurrentUser() user: SessionUser, @Body() body: AppraisalRecordDto, @Headers('idempotency-key') key?: string) {
    return this.records.draw(user, body, idempotencyKey(key));
  }

  @Get()
  @Roles(Role.APPRAISER, Role.COUNCIL_STANDING_OFFICER, Role.COUNCIL_MEMBER)
  list(@CurrentUser() user: SessionUser, @Query() query: AppraisalRecordQueryDto) {
    return this.records.list(user, query.roundId ?? null);
  }

  @Get(':id')
  @Roles(Role.APPRAISER, Role.COUNCIL_STANDING_OFFICER, Role.COUNCIL_MEMBER)
  get(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.records.get(user, id);
  }
}
