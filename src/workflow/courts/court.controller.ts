import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { SessionUser } from '../../auth/session-user.js';
import { Role } from '../../auth/user.entity.js';
import { idempotencyKey } from '../common/idempotency-key.js';
import { CourtListDto, CourtProposalDto, CourtQueryDto, CourtRejectionDto } from './court.dto.js';
import { CourtListService } from './court-list.service.js';
import { CourtService } from './court.service.js';

// The courts' route for persons on suspension (Luật Đặc xá 2018, Điều 15, khoản 3–5).
@ApiTags('workflow')
@Controller('api/court')
export class CourtController {
  constructor(
    private readonly court: CourtService,
    private readonly lists: CourtListService,
  ) {}

  @Get('proposals')
  @Roles(Role.COURT_OFFICER, Role.COURT_PRESIDENT)
  proposals(@CurrentUser() user: SessionUser, @Query() query: CourtQueryDto) {
    return this.court.list(user, query.roundId ?? null);
  }

  @Post('proposals')
  @Roles(Role.COURT_OFFICER)
  propose(@CurrentUser() user: SessionUser, @Body() body: CourtProposalDto, @Headers('idempotency-key') key?: string) {
    return this.court.propose(user, body, idempotencyKey(key));
  }

  @Post('dossiers/:id/rejection')
  @HttpCode(200)
  @Roles(Role.COURT_PRESIDENT)
  reject(
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CourtRejectionDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.court.reject(user, id, body, idempotencyKey(key));
  }

  @Post('lists')
  @Roles(Role.COURT_PRESIDENT)
  post(@CurrentUser() user: SessionUser, @Body() body: CourtListDto, @Headers('idempotency-key') key?: string) {
    return this.lists.approveAndPost(user, body, idempotencyKey(key));
  }

  @Post('lists/:id/submit')
  @HttpCode(200)
  @Roles(Role.COURT_PRESIDENT)
  submit(
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.lists.submit(user, id, idempotencyKey(key));
  }
}
