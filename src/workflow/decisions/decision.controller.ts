import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { SessionUser } from '../../auth/session-user.js';
import { Role } from '../../auth/user.entity.js';
import { idempotencyKey } from '../common/idempotency-key.js';
import { CouncilService } from './council.service.js';
import { CouncilListsDto, PresidentDecisionDto, ReleaseDto, ReleasesDto } from './decision.dto.js';
import { PresidentDecisionService } from './president-decision.service.js';
import { ReleaseBatchService } from './release-batch.service.js';

@ApiTags('workflow')
@Controller('api')
export class DecisionController {
  constructor(
    private readonly council: CouncilService,
    private readonly president: PresidentDecisionService,
    private readonly releases: ReleaseBatchService,
  ) {}

  @Get('council/pending')
  @Roles(Role.COUNCIL_MEMBER)
  pending(@CurrentUser() user: SessionUser, @Query('roundId', ParseUUIDPipe) roundId: string) {
    return this.council.pending(user, roundId);
  }

  @Post('council/lists')
  @Roles(Role.COUNCIL_MEMBER)
  lists(@CurrentUser() user: SessionUser, @Body() body: CouncilListsDto, @Headers('idempotency-key') key?: string) {
    return this.council.decide(user, body, idempotencyKey(key));
  }

  @Post('president-decisions')
  @Roles(Role.COUNCIL_STANDING_OFFICER)
  record(
    @CurrentUser() user: SessionUser,
    @Body() body: PresidentDecisionDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.president.record(user, body, idempotencyKey(key));
  }

  // The camp's head, or the court president for a person on suspension (Luật Đặc xá 2018, Điều 18, khoản 3).
  @Get('certificates')
  @Roles(Role.WARDEN, Role.COURT_PRESIDENT)
  certificates(@CurrentUser() user: SessionUser) {
    return this.president.certificates(user);
  }

  @Post('certificates/:id/release')
  @HttpCode(200)
  @Roles(Role.WARDEN, Role.COURT_PRESIDENT)
  release(
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReleaseDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.president.release(user, id, body, idempotencyKey(key));
  }

  // Everyone granted of the camp released on one day, in one command.
  @Post('certificates/releases')
  @HttpCode(200)
  @Roles(Role.WARDEN, Role.COURT_PRESIDENT)
  releaseMany(@CurrentUser() user: SessionUser, @Body() body: ReleasesDto, @Headers('idempotency-key') key?: string) {
    return this.releases.release(user, body, idempotencyKey(key));
  }
}
