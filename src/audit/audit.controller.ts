import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators.js';
import { Role } from '../auth/user.entity.js';
import { AuditCheckpoints } from './audit-checkpoints.js';
import { AuditVerifier } from './audit-verifier.js';

@ApiTags('audit')
@Controller('api/audit')
export class AuditController {
  constructor(
    private readonly verifier: AuditVerifier,
    private readonly checkpoints: AuditCheckpoints,
  ) {}

  // Walks the whole chain, checks it against the signed checkpoints and every protected row against it, and names the
  // first break, if any.
  @Roles(Role.ADMIN, Role.COUNCIL_STANDING_OFFICER)
  @Get('verify')
  verify() {
    return this.verifier.verify();
  }

  // The key that signs the checkpoints (to compare with the one published for this installation) and the latest one.
  @Roles(Role.ADMIN, Role.COUNCIL_STANDING_OFFICER)
  @Get('checkpoints')
  async checkpointInfo() {
    const { index, count, invalid } = await this.checkpoints.load();
    const key = this.checkpoints.publicKey;
    return {
      algorithm: 'Ed25519',
      keyId: key.keyId,
      publicKey: key.pem,
      count,
      invalid: invalid.length,
      latest: index.latest,
    };
  }
}
