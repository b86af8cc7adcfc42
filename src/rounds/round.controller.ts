import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { Role } from '../auth/user.entity.js';
import type { SessionUser } from '../auth/session-user.js';
import { CreateRoundDto, UpdateRoundDto } from './round.dto.js';
import { RoundService } from './round.service.js';

@ApiTags('rounds')
@Controller('api/rounds')
export class RoundController {
  constructor(private readonly rounds: RoundService) {}

  @Get()
  list() {
    return this.rounds.list();
  }

  // Everyone who may evaluate a dossier may read the presets an evaluation can name.
  @Get('presets')
  presets() {
    return this.rounds.presets();
  }

  @Get(':code')
  get(@Param('code') code: string) {
    return this.rounds.get(code);
  }

  @Roles(Role.ADMIN)
  @Post()
  create(@CurrentUser() user: SessionUser, @Body() body: CreateRoundDto) {
    return this.rounds.create(user, body);
  }

  @Roles(Role.ADMIN)
  @Put(':code')
  update(@CurrentUser() user: SessionUser, @Param('code') code: string, @Body() body: UpdateRoundDto) {
    return this.rounds.update(user, code, body);
  }
}
