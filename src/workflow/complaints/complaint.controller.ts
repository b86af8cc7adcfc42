import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { SessionUser } from '../../auth/session-user.js';
import { Role } from '../../auth/user.entity.js';
import { idempotencyKey } from '../common/idempotency-key.js';
import { ComplaintQueryDto, DecideComplaintDto, FileComplaintDto } from './complaint.dto.js';
import { ComplaintService } from './complaint.service.js';

// The camps and the units above them; the courts and the Supreme People's Court for complaints about a court's list.
export const COMPLAINT_READERS = [
  Role.TEAM_OFFICER,
  Role.CAMP_COUNCIL_MEMBER,
  Role.WARDEN,
  Role.DEPARTMENT_OFFICER,
  Role.MINISTRY_OFFICER,
  Role.COURT_OFFICER,
  Role.COURT_PRESIDENT,
  Role.SUPREME_COURT_OFFICER,
];
export const COMPLAINT_RECORDERS = [
  Role.TEAM_OFFICER,
  Role.MINISTRY_OFFICER,
  Role.COURT_OFFICER,
  Role.SUPREME_COURT_OFFICER,
];
export const COMPLAINT_DECIDERS = [
  Role.WARDEN,
  Role.MINISTRY_OFFICER,
  Role.COURT_PRESIDENT,
  Role.SUPREME_COURT_OFFICER,
];

// Complaints of persons left off the eligible list of a camp or a court (Luật Đặc xá 2018, Điều 36; Điều 37). Who may record or
// decide one at which level is the transition table's answer; the roles here only keep out those who never may.
@ApiTags('workflow')
@Controller('api/complaints')
export class ComplaintController {
  constructor(private readonly complaints: ComplaintService) {}

  @Get()
  @Roles(...COMPLAINT_READERS)
  list(@CurrentUser() user: SessionUser, @Query() query: ComplaintQueryDto) {
    return this.complaints.list(user, query);
  }

  @Get(':id')
  @Roles(...COMPLAINT_READERS)
  get(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.complaints.get(user, id);
  }

  @Post()
  @Roles(...COMPLAINT_RECORDERS)
  file(@CurrentUser() user: SessionUser, @Body() body: FileComplaintDto, @Headers('idempotency-key') key?: string) {
    return this.complaints.file(user, body, idempotencyKey(key));
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Roles(...COMPLAINT_DECIDERS)
  decide(
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: DecideComplaintDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.complaints.decide(user, id, body, idempotencyKey(key));
  }
}
