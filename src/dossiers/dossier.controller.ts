import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { Role } from '../auth/user.entity.js';
import type { SessionUser } from '../auth/session-user.js';
import { DossierBatchDto, DossierDto, UpdateDossierDto } from './dossier.dto.js';
import { DossierQueryDto } from './dossier-query.dto.js';
import { DossierListService } from './dossier-list.service.js';
import { DossierService } from './dossier.service.js';
import type { DossierDocument } from './dossier-format.js';

// A court's officer enters the dossiers of the persons on suspension the court lists.
const CAMP_STAFF = [Role.TEAM_OFFICER, Role.CAMP_COUNCIL_MEMBER, Role.WARDEN, Role.COURT_OFFICER];

@ApiTags('dossiers')
@Controller('api')
export class DossierController {
  constructor(
    private readonly dossiers: DossierService,
    private readonly lists: DossierListService,
  ) {}

  @ApiOperation({ summary: 'Import one dossier in the exchange format (docs/dossier-format.md)' })
  @Roles(...CAMP_STAFF)
  @Post('dossiers')
  create(@CurrentUser() user: SessionUser, @Body() body: DossierDto) {
    return this.dossiers.importOne(user, body as DossierDocument);
  }

  @ApiOperation({ summary: 'Import many dossiers, all or nothing; errors name each record and field' })
  @Roles(...CAMP_STAFF)
  @Post('dossiers\\:batch')
  async batch(@CurrentUser() user: SessionUser, @Body() body: DossierBatchDto) {
    const created = await this.dossiers.importMany(user, body.records as DossierDocument[]);
    return { created: created.length, dossiers: created };
  }

  @ApiOperation({ summary: 'Candidates visible to the caller, with the latest engine verdict' })
  @Get('dossiers')
  list(@CurrentUser() user: SessionUser, @Query() query: DossierQueryDto) {
    return this.lists.list(user, query);
  }

  @Get('dossiers/:id')
  get(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.dossiers.get(user, id);
  }

  @ApiOperation({ summary: 'The dossier in the exchange format' })
  @Get('dossiers/:id/export')
  export(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.dossiers.exportOne(user, id);
  }

  @ApiOperation({ summary: 'Replace a dossier; expectedVersion must be the version read (409 otherwise)' })
  @Roles(...CAMP_STAFF)
  @Put('dossiers/:id')
  update(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateDossierDto) {
    return this.dossiers.update(user, id, body.expectedVersion, body.dossier as DossierDocument);
  }

  @ApiOperation({ summary: 'Every dossier of a round visible to the caller, in the exchange format' })
  @Get('rounds/:code/dossiers/export')
  exportRound(@CurrentUser() user: SessionUser, @Param('code') code: string) {
    return this.dossiers.exportRound(user, code);
  }
}
