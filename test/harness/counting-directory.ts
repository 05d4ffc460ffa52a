import { systemClock } from '../../src/clock/clock';
import { loadConfig } from '../../src/config';
import { createDirectory } from '../../src/directory/create-directory';
import type { Directory } from '../../src/directory/directory';

/**
 * passdesk's real directory adapter for the server whose settings are `directoryEnv` (slapd or
 * Samba), counting the people look-ups (`findAccountsByMail`) made through it: passed to
 * passdesk as its adapter, it shows how many directory searches a journey really made.
 */
export function countingDirectory(directoryEnv: Record<string, string>): { directory: Directory; lookUps: () => number } {
  const real = createDirectory(loadConfig({ ...directoryEnv, ...minimalEnv() }, { requireSecretKey: false }).ldap, systemClock);
  let lookUps = 0;
  const directory = new Proxy(real, {
    get(target, property) {
      if (property === 'findAccountsByMail') {
        return (mail: string) => {
          lookUps += 1;
          return target.findAccountsByMail(mail);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { directory, lookUps: () => lookUps };
}

/** Enough of the other settings for loadConfig to build the directory settings. */
function minimalEnv(): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: 'xoxb-unused', SLACK_SIGNING_SECRET: 'unused', TWILIO_ACCOUNT_SID: 'ACunused', TWILIO_AUTH_TOKEN: 'unused',
    TWILIO_FROM: '+15005550006', SMTP_URL: 'smtp://127.0.0.1:25', MAIL_FROM: 'unused@uni.example',
  };
}
