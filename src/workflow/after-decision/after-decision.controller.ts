import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { SessionUser } from '../../auth/session-user.js';
import { Role } from '../../auth/user.entity.js';
import { idempotencyKey } from '../common/idempotency-key.js';
import { RecordCopyDto, RecordPostingDto, RecordPresentationDto, RoundQueryDto } from './after-decision.dto.js';
import { AfterDecisionService } from './after-decision.service.js';
import { PresentationService } from './presentation.service.js';

@ApiTags('workflow')
@Controller('api')
export class AfterDecisionController {
  constructor(
    private readonly afterDecision: AfterDecisionService,
    private readonly presentation: PresentationService,
  ) {}

  @Post('decision-postings')
  @Roles(Role.WARDEN)
  post(@CurrentUser() user: SessionUser, @Body() body: RecordPostingDto, @Headers('idempotency-key') key?: string) {
    return this.afterDecision.recordPosting(user, body, idempotencyKey(key));
  }

  @Get('decision-postings')
  @Roles(Role.WARDEN, Role.DEPARTMENT_OFFICER, Role.MINISTRY_OFFICER, Role.COUNCIL_STANDING_OFFICER)
  postings(@CurrentUser() user: SessionUser, @Query() query: RoundQueryDto) {
    return this.afterDecision.postings(user, query.roundId ?? null);
  }

  @Get('certificates/:id')
  @Roles(Role.WARDEN, Role.DEPARTMENT_OFFICER, Role.COURT_PRESIDENT)
  certificate(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.afterDecision.certificate(user, id);
  }

  @Post('certificates/:id/copies')
  @Roles(Role.WARDEN, Role.DEPARTMENT_OFFICER, Role.COURT_PRESIDENT)
  copy(
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RecordCopyDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.afterDecision.recordCopy(user, id, body, idempotencyKey(key));
  }

  // The commune or military unit the certificate names records the presentation made to it; the issuing camp or
  // court records it where the certificate names no unit with an account (Luật Đặc xá 2018, Điều 20, khoản 2, điểm a).
  @Post('certificates/:id/presentation')
  @HttpCode(200)
  @Roles(Role.LOCAL_UNIT_OFFICER, Role.WARDEN, Role.DEPARTMENT_OFFICER, Role.COURT_PRESIDENT)
  present(
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RecordPresentationDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.presentation.recordPresentation(user, id, body, idempotencyKey(key));
  }

  @Get('presentations')
  @Roles(Role.LOCAL_UNIT_OFFICER)
  presentingTo(@CurrentUser() user: SessionUser) {
    return this.presentation.presentingTo(user);
  }

  @Get('rounds/:roundId/certificate-presentations')
  @Roles(
    Role.WARDEN,
    Role.DEPARTMENT_OFFICER,
    Role.MINISTRY_OFFICER,
    Role.COUNCIL_STANDING_OFFICER,
    Role.COURT_PRESIDENT,
  )
  presentations(@CurrentUser() user: SessionUser, @Param('roundId', ParseUUIDPipe) roundId: string) {
    return this.afterDecision.presentationSummary(user, roundId);
  }
}
