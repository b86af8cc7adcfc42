import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { Role } from '../auth/user.entity.js';
import type { SessionUser } from '../auth/session-user.js';
import { CreateOrgUnitDto, CreateUserDto, UpdateUserDto } from './org.dto.js';
import { OrgService } from './org.service.js';

@ApiTags('organisation')
@Controller('api')
export class OrgController {
  constructor(private readonly org: OrgService) {}

  @Get('org/units')
  units(@CurrentUser() user: SessionUser) {
    return this.org.listUnits(user);
  }

  @Roles(Role.ADMIN)
  @Post('org/units')
  createUnit(@CurrentUser() user: SessionUser, @Body() body: CreateOrgUnitDto) {
    return this.org.createUnit(user, body);
  }

  @Roles(Role.ADMIN)
  @Get('users')
  users() {
    return this.org.listUsers();
  }

  @Roles(Role.ADMIN)
  @Post('users')
  createUser(@CurrentUser() user: SessionUser, @Body() body: CreateUserDto) {
    return this.org.createUser(user, body);
  }

  @Roles(Role.ADMIN)
  @Patch('users/:id')
  updateUser(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateUserDto) {
    return this.org.updateUser(user, id, body);
  }
}
