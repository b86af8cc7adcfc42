import { Injectable } from '@nestjs/common';

// The one source of "now", so tests and documents can pin time.
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  // Today's calendar date in Vietnam (UTC+7), as 'YYYY-MM-DD'.
  today(): string {
    return new Date(this.now().getTime() + 7 * 3600_000).toISOString().slice(0, 10);
  }
}
