/**
 * What a fake saw, in order, plus waiting for something to happen without sleeping: a wait resolves
 * with the first recorded item (past or future) that matches, or fails after a timeout naming what
 * was recorded. Pass the index to the predicate to look only at items after a mark.
 */
export class Recorder<T> {
  private readonly items: T[] = [];
  private readonly waiters = new Set<Waiter<T>>();

  constructor(private readonly summarize: (item: T) => string) {}

  get all(): readonly T[] {
    return this.items;
  }

  get length(): number {
    return this.items.length;
  }

  add(item: T): void {
    const index = this.items.push(item) - 1;
    for (const waiter of [...this.waiters]) {
      if (waiter.predicate(item, index)) this.settle(waiter, () => waiter.resolve(item));
    }
  }

  waitFor(predicate: (item: T, index: number) => boolean, timeoutMs = 5000, description = 'a matching item'): Promise<T> {
    const index = this.items.findIndex(predicate);
    if (index >= 0) return Promise.resolve(this.items[index]);
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = { predicate, resolve, reject, timer: undefined };
      waiter.timer = setTimeout(() => {
        const seen = this.items.map(this.summarize).join(', ') || 'nothing';
        this.settle(waiter, () => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${description}; recorded: ${seen}`)));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  clear(): void {
    this.items.length = 0;
  }

  /** Fails every pending wait (the fake is stopping), so no timer outlives it. */
  cancelWaits(reason: string): void {
    for (const waiter of [...this.waiters]) this.settle(waiter, () => waiter.reject(new Error(reason)));
  }

  private settle(waiter: Waiter<T>, finish: () => void): void {
    clearTimeout(waiter.timer);
    this.waiters.delete(waiter);
    finish();
  }
}

interface Waiter<T> {
  predicate: (item: T, index: number) => boolean;
  resolve: (item: T) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout | undefined;
}
