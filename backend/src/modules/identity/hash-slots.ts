/**
 * A counting semaphore with a bounded waiting line. Each argon2 hash takes tens of megabytes and a CPU
 * core for a fifth of a second; running a flood of them at once made everyone's sign-in wait 25 s.
 * Here at most `concurrency` run, up to `queue` more wait their turn in order, and beyond that the
 * caller is refused at once (it never holds memory or a socket waiting for a slot that will be late).
 */
export class HashSlots {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  /** The most that ever ran at once; read by tests to prove the bound holds. */
  peak = 0;

  constructor(
    readonly concurrency: number,
    readonly queue: number,
  ) {}

  get active(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Runs `work` in a slot; returns null without running it when the line is full. */
  async run<T>(work: () => Promise<T>): Promise<{ value: T } | null> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queue) return null;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    this.peak = Math.max(this.peak, this.running);
    try {
      return { value: await work() };
    } finally {
      // Hand the slot straight to the next in line, so `running` never dips and lets a newcomer jump it.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
