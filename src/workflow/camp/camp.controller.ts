import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { SessionUser } from '../../auth/session-user.js';
import { Role } from '../../auth/user.entity.js';
import { idempotencyKey } from '../common/idempotency-key.js';
import { CampListDto, CouncilDecisionsDto } from './camp.dto.js';
import { CampCouncilService } from './camp-council.service.js';
import { CampListService } from './camp-list.service.js';

@ApiTags('workflow')
@Controller('api')
export class CampController {
  constructor(
    private readonly council: CampCouncilService,
    private readonly campLists: CampListService,
  ) {}

  @Get('camp-council/candidates')
  @Roles(Role.CAMP_COUNCIL_MEMBER, Role.WARDEN)
  candidates(@CurrentUser() user: SessionUser, @Query('roundId', ParseUUIDPipe) roundId: string) {
    return this.council.candidates(user, roundId);
  }

  @Post('camp-council/decisions')
  @HttpCode(200)
  @Roles(Role.CAMP_COUNCIL_MEMBER)
  decide(
    @CurrentUser() user: SessionUser,
    @Body() body: CouncilDecisionsDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.council.decide(user, body, idempotencyKey(key));
  }

  @Post('camp-lists')
  @Roles(Role.WARDEN)
  post(@CurrentUser() user: SessionUser, @Body() body: CampListDto, @Headers('idempotency-key') key?: string) {
    return this.campLists.approveAndPost(user, body, idempotencyKey(key));
  }

  @Post('lists/:id/submit')
  @HttpCode(200)
  @Roles(Role.WARDEN)
  submit(
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.campLists.submit(user, id, idempotencyKey(key));
  }
}
