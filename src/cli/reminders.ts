/**
 * `npm run reminders`: one expiry-reminder sweep now, with the bot's own environment, then exit:
 * 0 when everything due was sent (or had been), 1 when it could not finish (directory or Slack
 * unreachable, a reminder failed or was left for later, stopped by a signal), 2 for bad arguments.
 * `npm run reminders -- --dry-run` prints who would be reminded and sends nothing.
 * Logs go to stderr (JSON lines), so stdout carries only the table or the summary.
 */
import pino from 'pino';
import { AuditTrail } from '../audit/audit-trail';
import { systemClock } from '../clock/clock';
import { createExpirySweep, reminderTimeZone } from '../compose-expiry-reminders';
import { ConfigError, loadConfig } from '../config';
import { createDirectory } from '../directory/create-directory';
import { createLogger } from '../log/logger';
import { SmtpMailer } from '../mail/smtp-mailer';
import { openStore } from '../store/open-store';
import { dryRunTable, summaryLine } from './reminders-output';

const USAGE = 'usage: npm run reminders [-- --dry-run]\n';

async function main(args: string[]): Promise<number> {
  const unknown = args.filter((arg) => arg !== '--dry-run');
  if (unknown.length > 0) {
    process.stderr.write(`unknown argument: ${unknown.join(' ')}\n${USAGE}`);
    return 2;
  }
  const dryRun = args.includes('--dry-run');
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }

  const logger = createLogger(config.logLevel, pino.destination({ dest: 2, sync: true }));
  const clock = systemClock;
  const store = await openStore(config.databaseUrl);
  const directory = createDirectory(config.ldap, clock);
  const mailer = new SmtpMailer({ url: config.mail.smtpUrl, from: config.mail.from });
  const sweep = createExpirySweep(config, { directory, store, audit: new AuditTrail(store, logger, clock), mailer, clock, logger });
  const stopping = new AbortController();
  const stop = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'stopping: the reminder being sent is finished, the rest is left for the next sweep');
    stopping.abort();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  try {
    if (dryRun) {
      const { scanned, planned } = await sweep.plan({ signal: stopping.signal });
      process.stdout.write(dryRunTable(planned, scanned, reminderTimeZone(config)));
      return 0;
    }
    const report = await sweep.run({ signal: stopping.signal });
    process.stdout.write(summaryLine(report));
    return report.finished ? 0 : 1;
  } catch (error) {
    const reason = stopping.signal.aborted ? 'stopped' : error instanceof Error ? error.message : String(error);
    logger.error({ err: reason }, 'expiry reminder sweep did not finish');
    process.stderr.write(`reminders: the sweep did not finish (${reason})\n`);
    return 1;
  } finally {
    await Promise.allSettled([directory.close(), mailer.close()]);
    await store.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`reminders failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
