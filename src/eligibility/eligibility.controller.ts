import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { Role } from '../auth/user.entity.js';
import type { SessionUser } from '../auth/session-user.js';
import type { DossierDocument } from '../dossiers/dossier-format.js';
import type { RoundParameters } from './core/index.js';
import { EvaluateRequestDto } from './eligibility.dto.js';
import { EligibilityService } from './eligibility.service.js';
import { ScreeningService } from './screening.service.js';
import { ScreeningQueue } from './screening.queue.js';

@ApiTags('eligibility')
@Controller('api')
export class EligibilityController {
  constructor(
    private readonly eligibility: EligibilityService,
    private readonly screenings: ScreeningService,
    private readonly queue: ScreeningQueue,
  ) {}

  @ApiOperation({
    summary:
      'Evaluate a dossier in the exchange format against a round (stored, by code or id, or a preset); nothing is stored',
  })
  @Post('eligibility/evaluate')
  @HttpCode(200)
  evaluate(@Body() body: EvaluateRequestDto) {
    return this.eligibility.evaluateInline({
      roundCode: body.roundCode,
      roundId: body.roundId,
      presetCode: body.presetCode,
      round: body.round as unknown as RoundParameters | undefined,
      councilMeetingDate: body.councilMeetingDate,
      dossier: body.dossier as DossierDocument,
    });
  }

  @ApiOperation({ summary: 'The latest stored evaluation of a dossier, with every rule, reason and citation' })
  @Get('dossiers/:id/eligibility')
  latest(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.eligibility.latest(user, id);
  }

  @ApiOperation({ summary: 'Screen every dossier of a round in the background; poll GET /api/screenings/:id' })
  @Roles(Role.ADMIN, Role.COUNCIL_STANDING_OFFICER, Role.MINISTRY_OFFICER)
  @Post('rounds/:id/screenings')
  @HttpCode(202)
  async screen(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string) {
    const screening = await this.screenings.create({ id: user.id, name: user.username }, user, id);
    await this.queue.enqueue(screening.id);
    return screening;
  }

  @Get('screenings/:id')
  status(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.screenings.status(user, id);
  }
}
