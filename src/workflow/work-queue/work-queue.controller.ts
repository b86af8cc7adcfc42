import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../../auth/auth.decorators.js';
import type { SessionUser } from '../../auth/session-user.js';
import { WorkQueueService } from './work-queue.service.js';

@ApiTags('workflow')
@Controller('api/work-queue')
export class WorkQueueController {
  constructor(private readonly queue: WorkQueueService) {}

  @Get()
  get(@CurrentUser() user: SessionUser) {
    return this.queue.forUser(user);
  }
}
