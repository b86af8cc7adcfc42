import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { SessionUser } from '../../auth/session-user.js';
import { Role } from '../../auth/user.entity.js';
import { idempotencyKey } from '../common/idempotency-key.js';
import { ComplaintQueryDto, DecideComplaintDto, FileComplaintDto } from './complaint.dto.js';
import { ComplaintService } from './complaint.service.js';

const CAMP_AND_ABOVE = [
  Role.TEAM_OFFICER,
  Role.CAMP_COUNCIL_MEMBER,
  Role.WARDEN,
  Role.DEPARTMENT_OFFICER,
  Role.MINISTRY_OFFICER,
];

// Complaints of persons left off the eligible list (Luật Đặc xá 2018, Điều 36, khoản 3; Điều 37). Who may record or
// decide one at which level is the transition table's answer; the roles here only keep out those who never may.
@ApiTags('workflow')
@Controller('api/complaints')
export class ComplaintController {
  constructor(private readonly complaints: ComplaintService) {}

  @Get()
  @Roles(...CAMP_AND_ABOVE)
  list(@CurrentUser() user: SessionUser, @Query() query: ComplaintQueryDto) {
    return this.complaints.list(user, query);
  }

  @Get(':id')
  @Roles(...CAMP_AND_ABOVE)
  get(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.complaints.get(user, id);
  }

  @Post()
  @Roles(Role.TEAM_OFFICER, Role.MINISTRY_OFFICER)
  file(@CurrentUser() user: SessionUser, @Body() body: FileComplaintDto, @Headers('idempotency-key') key?: string) {
    return this.complaints.file(user, body, idempotencyKey(key));
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Roles(Role.WARDEN, Role.MINISTRY_OFFICER)
  decide(
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: DecideComplaintDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.complaints.decide(user, id, body, idempotencyKey(key));
  }
}
