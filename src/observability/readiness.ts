import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';

// Ready from the moment the application has started (main.ts migrates before it builds the application) until its
// shutdown begins; from then on /health/ready answers 503 so a load balancer stops sending new requests while the
// requests in flight finish (SHUTDOWN_GRACE_MS).
@Injectable()
export class Readiness implements BeforeApplicationShutdown {
  private stopping = false;

  get shuttingDown(): boolean {
    return this.stopping;
  }

  beforeApplicationShutdown(): void {
    this.stopping = true;
  }
}
