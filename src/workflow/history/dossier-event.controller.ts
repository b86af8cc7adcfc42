import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../../auth/auth.decorators.js';
import type { SessionUser } from '../../auth/session-user.js';
import { idempotencyKey } from '../common/idempotency-key.js';
import { DossierEventDto } from './dossier-event.dto.js';
import { DossierEventService } from './dossier-event.service.js';

@ApiTags('workflow')
@Controller('api/dossiers')
export class DossierEventController {
  constructor(private readonly events: DossierEventService) {}

  // Submit for ballot, send back, resubmit, withdraw, remove: one named event on one dossier.
  @Post(':id/events')
  @HttpCode(200)
  fire(
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: DossierEventDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.events.fire(user, id, body, idempotencyKey(key));
  }

  @Get(':id/history')
  history(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.events.history(user, id);
  }
}
