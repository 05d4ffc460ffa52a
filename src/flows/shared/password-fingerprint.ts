import { createHmac } from 'node:crypto';

/**
 * Keyed hash of a password already set on some of a person's accounts, kept only until the flow
 * expires, so a retry after a partial change sets the same password on the rest.
 */
export function passwordFingerprint(key: string, flowId: string, password: string): string {
  return createHmac('sha256', key).update(`password:${flowId}:${password}`).digest('hex');
}
