import { buttonByText } from '../harness/slack-driver';
import { FLAVOURS, type MenuWorld, startMenuWorld } from './menu-world';

/**
 * HELPDESK_CONTACT, on slapd and on Samba AD: unset, refusals and notices name the help desk in
 * the person's own language; set, the deployer's text is shown as written, in every language.
 */

const CHOSEN = 'Quiet-Harbour-58;Lamp';

describe.each(FLAVOURS)('HELPDESK_CONTACT, on %s', (flavour, launch) => {
  describe('unset', () => {
    let world: MenuWorld;
    beforeAll(async () => {
      // An empty value is no value: passdesk starts as if the deployer had not written the line.
      world = await startMenuWorld(flavour, launch, { HELPDESK_CONTACT: '' });
    }, 120_000);
    afterAll(async () => {
      await world?.stop();
    });

    it.each([
      ['it-IT', 'Il tuo account è disabilitato', 'Se ti serve aiuto, contatta l\u2019help desk informatico.'],
      ['pl-PL', 'Twoje konto jest wyłączone', 'Jeśli potrzebujesz pomocy, skontaktuj się z: help desk IT.'],
      ['en-US', 'Your account is disabled', 'If you need help, contact the IT help desk.'],
    ])('a refusal in %s names the help desk in that language', async (locale, refusal, hint) => {
      const { user } = await world.newPerson({ slackEmail: (p) => p.disabled.mail, locale });
      await user.openMenu('username');
      expect(user.text()).toContain(refusal);
      expect(user.text()).toContain(hint);
      if (locale !== 'en-US') expect(user.text()).not.toContain('the IT help desk');
    });

    it('the password-changed DM and the answer to "this wasn\'t me" name it in the person\'s language', async () => {
      const { people, user } = await world.newPerson({ slackEmail: (p) => p.noPhone.mail, locale: 'it-IT' });
      await user.openMenu('change');
      await user.submit([['Password attuale', people.noPhone.password], ['Nuova password', CHOSEN], ['Ripeti la nuova password', CHOSEN]]);
      const dm = await world.harness.slack.waitForMessage(user.id);
      expect(dm.text).toContain('Se non hai fatto tu questo cambio, contatta subito l\u2019help desk informatico.');
      expect(dm.text).not.toContain('the IT help desk');

      await world.harness.driver.clickButton(user.id, {
        ...buttonByText(dm, 'Non ero io'),
        message: { channel: dm.channel, ts: dm.ts, text: dm.text, blocks: dm.blocks },
      });
      const reply = await world.harness.slack.waitForMessage((message) =>
        message.userId === user.id && message.text?.includes('Grazie per la segnalazione') === true);
      expect(reply.text).toContain('Chiama subito l\u2019help desk informatico, che può bloccare l');
      expect(reply.text).not.toContain('the IT help desk');
    });
  });

  describe('set', () => {
    let world: MenuWorld;
    beforeAll(async () => {
      world = await startMenuWorld(flavour, launch, { HELPDESK_CONTACT: 'Servizio Helpdesk (#it-help)' });
    }, 120_000);
    afterAll(async () => {
      await world?.stop();
    });

    it.each([
      ['it-IT', 'Se ti serve aiuto, contatta Servizio Helpdesk (#it-help).'],
      ['pl-PL', 'Jeśli potrzebujesz pomocy, skontaktuj się z: Servizio Helpdesk (#it-help).'],
      ['en-US', 'If you need help, contact Servizio Helpdesk (#it-help).'],
    ])('is shown as the deployer wrote it, in %s too', async (locale, hint) => {
      const { user } = await world.newPerson({ slackEmail: (p) => p.disabled.mail, locale });
      await user.openMenu('username');
      expect(user.text()).toContain(hint);
    });
  });
});
