import { countingDirectory } from '../harness/counting-directory';
import { type PassdeskUnderTest, startPassdeskUnderTest } from '../harness/passdesk-under-test';
import type { FakeView } from '../harness/fake-slack';
import { JAN_PHONE, type SeededPeople, seedPeople } from '../harness/people';
import { type SlapdServer, startSlapd } from '../harness/slapd';
import { fillByLabel, visibleText } from '../harness/slack-driver';
import { SlackUser, nextSmsCode } from './slack-user';

/** Limits on `/password` that hold across flows: refused starts, wrong answers, per user and per team. */

const TOO_MANY = 'Too many attempts. For your safety, password reset is paused for a while; please try again later.';

let slapd: SlapdServer;
let people: SeededPeople;
beforeAll(async () => {
  slapd = await startSlapd();
  people = await seedPeople(slapd, { tag: 'lim' });
});
afterAll(async () => {
  await slapd?.stop();
});

/** A passdesk of its own for one test (its own limits and store), stopped whatever the test does. */
async function withPassdesk(env: Record<string, string>, test: (harness: PassdeskUnderTest, lookUps: () => number) => Promise<void>) {
  const counting = countingDirectory(slapd.env);
  const harness = await startPassdeskUnderTest({ directory: slapd, env, adapters: { directory: counting.directory } });
  try {
    await test(harness, counting.lookUps);
  } finally {
    await harness.stop();
  }
}

/** What the modals read once updated: the first `count` views.update calls from `since` on (waits for them). */
async function allModalUpdates(harness: PassdeskUnderTest, since: number, count: number): Promise<string[]> {
  const updates = () => harness.slack.calls.slice(since).filter((call) => call.method === 'views.update');
  const deadline = Date.now() + 60_000;
  while (updates().length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  return updates().map((call) => visibleText(call.args.view as { blocks?: unknown[] }));
}

function auditOf(harness: PassdeskUnderTest, userId: string): string[] {
  return harness.logs
    .map((line) => JSON.parse(line) as { audit?: { actor: string; action: string; detail?: { reason?: string } } })
    .flatMap((entry) => (entry.audit?.actor.endsWith(`:${userId}`) ? [`${entry.audit.action} ${entry.audit.detail?.reason ?? ''}`.trim()] : []));
}

describe('refused starts count too', () => {
  it('200 starts without an account cause as many look-ups and audit rows as the allowance, then "try later"', async () => {
    await withPassdesk({ LIMIT_FLOWS_PER_DAY: '3' }, async (harness, lookUps) => {
      harness.slack.setUser('UNOACCOUNT', { email: 'nobody-here@uni.example' });
      const since = harness.slack.calls.length;
      // In bursts of 25 at once: the allowance is consumed atomically, whatever the order.
      for (let burst = 0; burst < 8; burst += 1) {
        await Promise.all(Array.from({ length: 25 }, () => harness.driver.slashCommand('UNOACCOUNT', '/password', 'reset')));
      }
      const updates = await allModalUpdates(harness, since, 200);
      expect(updates.filter((text) => text.includes('We found no university account'))).toHaveLength(3);
      expect(updates.filter((text) => text.includes(TOO_MANY))).toHaveLength(197);
      expect(lookUps()).toBe(3);
      expect(auditOf(harness, 'UNOACCOUNT').sort()).toEqual([
        'password-reset.refused no-account', 'password-reset.refused no-account', 'password-reset.refused no-account',
        'password-reset.refused rate-limited',
      ]);
    });
  });

  it.each([
    ['a disabled account', 'Your account is disabled', (p: SeededPeople) => ({ email: p.disabled.mail })],
    ['no registered phone', 'no phone number registered', (p: SeededPeople) => ({ email: p.noPhone.mail })],
    ['an unconfirmed email', 'no confirmed email address', (p: SeededPeople) => ({ email: p.staff.mail, is_email_confirmed: false })],
  ])('%s: counted like any other start', async (_case, refusal, profile) => {
    await withPassdesk({ LIMIT_FLOWS_PER_DAY: '2' }, async (harness) => {
      harness.slack.setUser('UREFUSED', profile(people));
      const user = new SlackUser(harness, 'UREFUSED');
      for (let i = 0; i < 2; i += 1) {
        await user.runPassword();
        expect(user.text()).toContain(refusal);
      }
      await user.runPassword();
      expect(user.text()).toContain(TOO_MANY);
      expect(user.text()).not.toContain(refusal);
    });
  });

  it('are limited per team, and one person past their own allowance does not use up the team\'s', async () => {
    await withPassdesk({ LIMIT_FLOWS_PER_DAY: '2', LIMIT_FLOWS_PER_TEAM_PER_HOUR: '4' }, async (harness, lookUps) => {
      const run = async (userId: string) => {
        harness.slack.setUser(userId, { email: `${userId.toLowerCase()}@uni.example` });
        const user = new SlackUser(harness, userId);
        // Straight to the reset (`/password reset`): the menu's own look-up has its own allowance.
        await user.openMenu('reset');
        return user.text();
      };
      // One person asks ten times: two count against the team, the rest stop at their own limit.
      for (let i = 0; i < 10; i += 1) await run('UPERSISTENT');
      expect(await run('UFIRST')).toContain('We found no university account');
      expect(await run('USECOND')).toContain('We found no university account');
      expect(await run('UTHIRD')).toContain(TOO_MANY);
      expect(await run('UFOURTH')).toContain(TOO_MANY);
      expect(lookUps()).toBe(4);

      // The team's allowance is per hour.
      harness.clock.advance(60 * 60_000 + 1000);
      expect(await run('UTHIRD')).toContain('We found no university account');
    });
  });
});

describe('wrong answers are limited across flows', () => {
  const PHONE_DIGITS = 'Last 3 digits of your registered phone number';
  const CODE = 'Code from the SMS';
  const RIGHT_DIGITS = JAN_PHONE.slice(-3);

  /**
   * Submits `answers` to one of the person's modals, even one a later `/password` has replaced
   * (as a second Slack client would), and returns what passdesk answered: the updated modal's
   * text, or the errors shown under its inputs.
   */
  async function answer(harness: PassdeskUnderTest, userId: string, view: FakeView, answers: Record<string, string>) {
    const response = await harness.driver.submitView(userId, view, fillByLabel(view, answers));
    const body = response.body as { response_action?: string; view?: { blocks?: unknown[] }; errors?: Record<string, string> };
    return body.response_action === 'errors' ? Object.values(body.errors ?? {}).join('\n') : visibleText({ blocks: body.view?.blocks });
  }

  /** `/password` `count` times: each opens a modal with a flow of its own, kept for later. */
  async function openModals(user: SlackUser, count: number): Promise<FakeView[]> {
    const views: FakeView[] = [];
    for (let i = 0; i < count; i += 1) {
      await user.runPassword();
      views.push(user.view());
    }
    return views;
  }

  it('at the identity check: modals opened in advance do not multiply the allowance', async () => {
    const env = { LIMIT_WRONG_ANSWERS_PER_HOUR: '3', RESET_ARITHMETIC_CHALLENGE: 'false' };
    await withPassdesk(env, async (harness) => {
      harness.slack.setUser('UADVANCE', { email: people.staff.mail });
      const user = new SlackUser(harness, 'UADVANCE');
      const [first, second, third] = await openModals(user, 3);

      expect(await answer(harness, user.id, first, { [PHONE_DIGITS]: '901' })).toContain('do not match our records');
      expect(await answer(harness, user.id, first, { [PHONE_DIGITS]: '902' })).toContain('do not match our records');
      expect(await answer(harness, user.id, second, { [PHONE_DIGITS]: '903' })).toContain('do not match our records');

      // Three wrong answers in all: even the right one, in a third modal, is no longer checked.
      expect(await answer(harness, user.id, third, { [PHONE_DIGITS]: RIGHT_DIGITS })).toContain(TOO_MANY);
      expect(harness.twilio.messages).toHaveLength(0);
    });
  });

  it('at the code: wrong codes in two flows share one allowance', async () => {
    const env = { LIMIT_WRONG_ANSWERS_PER_HOUR: '4', RESET_ARITHMETIC_CHALLENGE: 'false' };
    await withPassdesk(env, async (harness) => {
      harness.slack.setUser('UCODES', { email: people.staff.mail });
      const user = new SlackUser(harness, 'UCODES');
      const atCode: { view: FakeView; code: string }[] = [];
      for (let i = 0; i < 2; i += 1) {
        await user.runPassword();
        await user.submit([[PHONE_DIGITS, RIGHT_DIGITS]]);
        atCode.push({ view: user.view(), code: await nextSmsCode(harness, i) });
      }
      const wrong = (code: string) => (code === '000000' ? '000001' : '000000');
      for (const { view, code } of atCode) {
        for (let i = 0; i < 2; i += 1) expect(await answer(harness, user.id, view, { [CODE]: wrong(code) })).toContain('That code is not right');
      }

      // Four wrong codes in all (two per flow, each flow allowing five): the right one is refused.
      const [first] = atCode;
      const refused = await answer(harness, user.id, first.view, { [CODE]: first.code });
      expect(refused).toContain(TOO_MANY);
      expect(refused).not.toContain('New password');
    });
  });
});
