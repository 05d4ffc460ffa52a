import { z } from 'zod';
import { type Locale, SUPPORTED_LOCALES } from '../../config';
import type { FlowKey } from './flow-repository';

/** What every journey's stored state begins with: whose flow it is, in which language, until when. */
export const journeyStateFields = {
  teamId: z.string(),
  userId: z.string(),
  locale: z.enum(SUPPORTED_LOCALES),
  /** Epoch ms after which the flow is gone. */
  expiresAt: z.number(),
};

export interface JourneyStateStart {
  key: Pick<FlowKey, 'teamId' | 'userId'>;
  locale: Locale;
  expiresAt: number;
}

export function newJourneyState(start: JourneyStateStart): { teamId: string; userId: string; locale: Locale; expiresAt: number } {
  return { teamId: start.key.teamId, userId: start.key.userId, locale: start.locale, expiresAt: start.expiresAt };
}
