import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';

// Ready from the moment the application has started (the database is opened and migrated before the application is
// built) until its shutdown begins; from then on /health/ready answers 503. main.ts begins the shutdown itself and,
// on SIGTERM, keeps serving for SHUTDOWN_GRACE_MS so a load balancer stops sending new requests first; any other
// close (tests, the worker) begins it through Nest's shutdown hook.
@Injectable()
export class Readiness implements BeforeApplicationShutdown {
  private stopping = false;

  get shuttingDown(): boolean {
    return this.stopping;
  }

  beginShutdown(): void {
    this.stopping = true;
  }

  beforeApplicationShutdown(): void {
    this.beginShutdown();
  }
}
