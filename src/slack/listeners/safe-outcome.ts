import type { Locale } from '../../config';
import type { ResetOutcome } from '../../flows/password-reset/journey-types';
import type { Logger } from '../../log/logger';

/** A journey step that threw (a bug, the store down) still answers the person, and is logged. */
export async function safeOutcome(
  step: () => Promise<ResetOutcome>,
  logger: Logger,
  locale: Locale,
): Promise<ResetOutcome> {
  try {
    return await step();
  } catch (error) {
    logger.error({ err: error instanceof Error ? `${error.name}: ${error.message}` : 'unknown' }, 'journey step failed');
    return { locale, screen: { step: 'ended', reason: 'unexpected' } };
  }
}
