// Caps how many pages render at once across every document sharing the browser: on 2 cores more pages only thrash.
export class Semaphore {
  private available: number;
  private readonly waiting: (() => void)[] = [];

  constructor(capacity: number) {
    this.available = capacity;
  }

  async acquire(): Promise<void> {
    if (this.available > 0) {
      this.available -= 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  // Someone is waiting for a slot.
  get contended(): boolean {
    return this.waiting.length > 0;
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.available += 1;
  }
}
