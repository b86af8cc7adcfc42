import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { SessionUser } from '../../auth/session-user.js';
import { Role } from '../../auth/user.entity.js';
import { idempotencyKey } from '../common/idempotency-key.js';
import { ForwardService } from './forward.service.js';
import { ListQueryService } from './list-query.service.js';
import { ForwardDto } from './list.dto.js';

const HOP_ROLES = [Role.DEPARTMENT_OFFICER, Role.MINISTRY_OFFICER, Role.APPRAISER, Role.COUNCIL_STANDING_OFFICER];

@ApiTags('workflow')
@Controller('api/lists')
export class ListController {
  constructor(
    private readonly forwarding: ForwardService,
    private readonly query: ListQueryService,
  ) {}

  @Get()
  index(@CurrentUser() user: SessionUser, @Query('roundId', new ParseUUIDPipe({ optional: true })) roundId?: string) {
    return this.query.index(user, roundId ?? null);
  }

  @Get('pending')
  @Roles(...HOP_ROLES)
  pending(@CurrentUser() user: SessionUser, @Query('roundId', new ParseUUIDPipe({ optional: true })) roundId?: string) {
    return this.forwarding.pending(user, roundId ?? null);
  }

  @Post('forward')
  @HttpCode(200)
  @Roles(...HOP_ROLES)
  forward(@CurrentUser() user: SessionUser, @Body() body: ForwardDto, @Headers('idempotency-key') key?: string) {
    return this.forwarding.forward(user, {
      token: body.token,
      roundId: body.roundId ?? null,
      dossierIds: body.dossierIds,
      idempotencyKey: idempotencyKey(key),
    });
  }

  @Get(':id')
  get(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.query.get(user, id);
  }

  @Get(':id/lineage')
  lineage(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.query.lineageReport(user, id);
  }

  @Get(':id/reconciliation')
  reconciliation(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.query.reconciliation(user, id);
  }
}
