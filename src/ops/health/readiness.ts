import type { Clock } from '../../clock/clock';

/** One dependency /readyz asks about. `check` throws an error whose message is safe to show. */
export interface ReadinessProbe {
  name: string;
  check(): Promise<void>;
}

export interface ReadinessReport {
  ready: boolean;
  /** Per probe: `ok`, or what is wrong (names settings, never values); `stopping` while shutting down. */
  checks: Record<string, string>;
}

/** How long one probe may take before it counts as failed, whatever the adapter's own timeout. */
export const PROBE_TIMEOUT_MS = 5_000;

/**
 * Whether passdesk can do its work now: every probe answers. An answer is reused for `cacheMs`
 * (by the clock, so tests move time instead of waiting), and concurrent asks share one round of
 * probes, so a busy load balancer cannot hammer the directory. Once stopping, never ready.
 */
export class Readiness {
  private cached?: { at: number; report: ReadinessReport };
  private running?: Promise<ReadinessReport>;
  private stopping = false;

  constructor(
    private readonly probes: ReadinessProbe[],
    private readonly clock: Clock,
    private readonly cacheMs: number,
    private readonly timeoutMs = PROBE_TIMEOUT_MS,
  ) {}

  markStopping(): void {
    this.stopping = true;
  }

  async report(): Promise<ReadinessReport> {
    if (this.stopping) return { ready: false, checks: { passdesk: 'stopping' } };
    const now = this.clock.now().getTime();
    if (this.cached && now - this.cached.at < this.cacheMs) return this.cached.report;
    this.running ??= this.probeAll().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async probeAll(): Promise<ReadinessReport> {
    const results = await Promise.all(this.probes.map(async (probe) => [probe.name, await this.run(probe)] as const));
    const report = { ready: results.every(([, result]) => result === 'ok'), checks: Object.fromEntries(results) };
    this.cached = { at: this.clock.now().getTime(), report };
    return report;
  }

  private async run(probe: ReadinessProbe): Promise<string> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve(`no answer within ${this.timeoutMs / 1000} s`), this.timeoutMs);
      timer.unref();
    });
    try {
      return await Promise.race([
        probe.check().then(() => 'ok', (error: unknown) => (error instanceof Error ? error.message : 'failed')),
        timeout,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }
}
