/**
 * What the operator submits on the "choose" screen is read against the flow on the server: only
 * accounts the flow offered count, a phone or a Slack user must exist for the ways needing them,
 * and the ticket is short and plain.
 */
import { readChoice } from '../../src/flows/temporary-password/read-choice';
import { type Candidate, newTemporaryPasswordState } from '../../src/flows/temporary-password/temporary-password-state';

function candidate(overrides: Partial<Candidate>): Candidate {
  return {
    dn: 'uid=x,ou=people,dc=uni,dc=example', username: 'x', displayName: 'X', mail: 'x@uni.example', disabled: false,
    locked: false, mustChange: false, passwordChangedAt: null, passwordExpiresAt: null, hasPhone: true, protection: null,
    ...overrides,
  };
}

const state = {
  ...newTemporaryPasswordState({ teamId: 'T', userId: 'U0OP', operatorName: 'Op', locale: 'en', expiresAt: 0 }),
  candidates: [
    candidate({ dn: 'uid=staff', username: 'staff' }),
    candidate({ dn: 'uid=student', username: 'student', hasPhone: false }),
    candidate({ dn: 'uid=admin', username: 'admin', protection: { reason: 'protected-group', groupDn: 'cn=admins' } }),
    candidate({ dn: 'uid=gone', username: 'gone', disabled: true }),
  ],
};
const valid = { accounts: ['0', '1'], verification: 'sms-code', delivery: 'show', ticket: ' INC-42 ', unlock: false };

describe('reading the operator\'s choice', () => {
  it('takes the offered accounts, the phone of the first one that has it, and a trimmed ticket', () => {
    expect(readChoice(state, valid)).toEqual({
      kind: 'choice',
      choice: { dns: ['uid=staff', 'uid=student'], verification: 'sms-code', ticket: 'INC-42', delivery: 'show', unlock: false },
      phoneAccountDn: 'uid=staff',
    });
  });

  it('ignores protected, disabled and made-up accounts, whatever the modal sent', () => {
    expect(readChoice(state, { ...valid, accounts: ['2', '3', '9', 'uid=admin', '-1'] })).toEqual({
      kind: 'errors', errors: { accounts: 'no-account' },
    });
  });

  it('names every missing or impossible answer', () => {
    expect(readChoice(state, { accounts: ['1'], verification: 'call-back', delivery: 'dm', ticket: '<@U0ALL>', unlock: false })).toEqual({
      kind: 'errors', errors: { verification: 'needs-phone', delivery: 'needs-slack-user', ticket: 'ticket' },
    });
    expect(readChoice(state, { ...valid, verification: undefined, delivery: 'by pigeon' })).toEqual({
      kind: 'errors', errors: { verification: 'no-verification', delivery: 'no-delivery' },
    });
    expect(readChoice(state, { ...valid, ticket: 'T'.repeat(65) })).toMatchObject({ errors: { ticket: 'ticket' } });
    expect(readChoice(state, { ...valid, ticket: 'T'.repeat(64) })).toMatchObject({ kind: 'choice' });
  });

  it('lets a Slack DM be the delivery only when the person\'s Slack user is known', () => {
    expect(readChoice({ ...state, personSlackUserId: 'U0JAN' }, { ...valid, delivery: 'dm' })).toMatchObject({ kind: 'choice' });
  });
});
