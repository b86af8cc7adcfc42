import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators.js';
import { Role } from '../auth/user.entity.js';
import { AuditService } from './audit.service.js';

@ApiTags('audit')
@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  // Walks the whole chain and names the first broken link, if any.
  @Roles(Role.ADMIN, Role.COUNCIL_STANDING_OFFICER)
  @Get('verify')
  verify() {
    return this.audit.verify();
  }
}
