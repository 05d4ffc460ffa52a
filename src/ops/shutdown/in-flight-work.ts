/**
 * Work that has started and must be let finish on a stop: Slack requests being handled (their
 * listeners run on after the ack), sweeps. A stop first stops taking new work, then `drain`s.
 */
export class InFlightWork {
  private active = 0;
  private readonly idleWaiters = new Set<() => void>();

  get count(): number {
    return this.active;
  }

  async track<T>(work: () => Promise<T>): Promise<T> {
    this.active += 1;
    try {
      return await work();
    } finally {
      this.active -= 1;
      if (this.active === 0) for (const wake of [...this.idleWaiters]) wake();
    }
  }

  /** Resolves when nothing is in flight, or after `timeoutMs` with what is still running. */
  drain(timeoutMs: number): Promise<{ drained: boolean; remaining: number }> {
    if (this.active === 0) return Promise.resolve({ drained: true, remaining: 0 });
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.idleWaiters.delete(finish);
        resolve({ drained: this.active === 0, remaining: this.active });
      };
      const timer = setTimeout(finish, timeoutMs);
      this.idleWaiters.add(finish);
    });
  }
}
