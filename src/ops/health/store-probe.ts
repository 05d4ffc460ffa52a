import type { Clock } from '../../clock/clock';
import type { LimitStore } from '../../store/limit-store';
import type { ReadinessProbe } from './readiness';

/** A read the store must answer: counting a key nobody uses. */
export function storeProbe(store: Pick<LimitStore, 'count'>, clock: Clock): ReadinessProbe {
  return {
    name: 'store',
    async check() {
      try {
        await store.count('readyz:probe', 1_000, clock.now());
      } catch (error) {
        throw new Error(`the store does not answer (${error instanceof Error ? error.name : 'unknown error'}); check DATABASE_URL`);
      }
    },
  };
}
