import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { SessionUser } from '../../auth/session-user.js';
import { Role } from '../../auth/user.entity.js';
import { CreateCertificateBatchDto } from './certificate-batch.dto.js';
import { CertificateBatchService } from './certificate-batch.service.js';

// The units that issue certificates (Luật Đặc xá 2018, Điều 18, khoản 3): the camp, the provincial or military-region
// department for its detention centres, the court for its persons on suspension.
const ISSUING = [Role.WARDEN, Role.DEPARTMENT_OFFICER, Role.COURT_PRESIDENT];

@ApiTags('documents')
@Controller('api/certificate-batches')
@Roles(...ISSUING)
export class CertificateBatchController {
  constructor(private readonly batches: CertificateBatchService) {}

  // Queues one document of one certificate per page for every released person of the facility in the round who holds
  // none yet; 409 when nobody is left.
  @Post()
  @HttpCode(202)
  create(@CurrentUser() user: SessionUser, @Body() body: CreateCertificateBatchDto) {
    return this.batches.issue(user, body);
  }

  // Per round and facility of the caller's scope: how many released persons still have no certificate.
  @Get('pending')
  pending(@CurrentUser() user: SessionUser) {
    return this.batches.pending(user);
  }
}
