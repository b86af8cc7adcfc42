import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { SessionUser } from '../../auth/session-user.js';
import { Role } from '../../auth/user.entity.js';
import { idempotencyKey } from '../common/idempotency-key.js';
import { BallotSubmissionDto, TeamMeetingDto } from './ballot.dto.js';
import { BallotSubmissionService } from './ballot-submission.service.js';
import { BallotService } from './ballot.service.js';

@ApiTags('workflow')
@Controller('api/team-meetings')
export class BallotController {
  constructor(
    private readonly ballots: BallotService,
    private readonly submissions: BallotSubmissionService,
  ) {}

  @Post()
  @Roles(Role.TEAM_OFFICER)
  record(@CurrentUser() user: SessionUser, @Body() body: TeamMeetingDto, @Headers('idempotency-key') key?: string) {
    return this.ballots.record(user, body, idempotencyKey(key));
  }

  // The applications filed in the window, put to the team's meeting together.
  @Post('candidates')
  @HttpCode(200)
  @Roles(Role.TEAM_OFFICER)
  submit(
    @CurrentUser() user: SessionUser,
    @Body() body: BallotSubmissionDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.submissions.submit(user, body, idempotencyKey(key));
  }

  @Get(':id')
  get(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.ballots.get(user, id);
  }
}
