import type { DestinationStream } from 'pino';
import { AuditTrail } from './audit/audit-trail';
import { type Clock, systemClock } from './clock/clock';
import type { Config } from './config';
import { createDirectory } from './directory/create-directory';
import type { Directory } from './directory/directory';
import { PasswordResetJourney } from './flows/password-reset/password-reset-journey';
import { resetFlows } from './flows/password-reset/reset-flows';
import { resetLimits } from './flows/password-reset/reset-limits';
import { HelpdeskOperators } from './flows/temporary-password/operators';
import { TemporaryPasswordJourney } from './flows/temporary-password/temporary-password-journey';
import { temporaryPasswordLimits } from './flows/temporary-password/temporary-password-limits';
import { temporaryPasswordFlows } from './flows/temporary-password/temporary-password-state';
import { createLogger, type Logger } from './log/logger';
import type { Mailer } from './mail/mailer';
import { SmtpMailer } from './mail/smtp-mailer';
import { PasswordChangedNotifier } from './notification/password-changed-notifier';
import { PasswordPolicy } from './policy/password-policy';
import { policyFromConfig } from './policy/policy-from-config';
import { longestWindowMs } from './regulation/limit-rule';
import { Limiter } from './regulation/limiter';
import { SmsDestinations } from './sms/sms-destinations';
import type { SmsSender } from './sms/sms-sender';
import { TwilioSmsSender } from './sms/twilio-sms-sender';
import { SECRET_KEY_HINT, secretKeyProblem } from './secret-key';
import { createSlackApp } from './slack/app';
import { registerPasswordReset } from './slack/journeys/password-reset/register';
import { registerTemporaryPassword } from './slack/journeys/temporary-password/register';
import { requestContext } from './slack/shared/request-context';
import type { SlackDeps } from './slack/shared/slack-deps';
import { SlackDirectMessenger } from './slack/slack-direct-messenger';
import { SlackHelpdeskLog } from './slack/slack-helpdesk-log';
import { SlackPeople } from './slack/slack-people';
import { SlackUserGroups } from './slack/slack-user-groups';
import { openStore } from './store/open-store';
import { schedulePruning } from './store/prune-schedule';
import type { Store } from './store/store';
import { unsafeSettingWarnings } from './unsafe-settings';

export interface PassdeskOptions {
  /** The logger (default: one at LOG_LEVEL writing to `logDestination`). */
  logger?: Logger;
  /** Where JSON log lines go (default stdout). */
  logDestination?: DestinationStream;
  /** Time for rules that depend on it (code expiry, limits); tests pass a fake. */
  clock?: Clock;
  /**
   * Adapters to use instead of the ones built from the config (tests, the demo). Whoever
   * passes one keeps it: `stop()` closes only what passdesk built itself.
   */
  adapters?: Partial<Adapters>;
  /**
   * The key that hashes codes, fingerprints and phone numbers, instead of the config's
   * PASSDESK_SECRET_KEY: for the demo, which generates one at each start.
   */
  secretKey?: string;
}

export interface Adapters {
  store: Store;
  directory: Directory;
  sms: SmsSender;
  mailer: Mailer;
}

export interface RunningPassdesk {
  /** The HTTP port in HTTP mode. */
  port?: number;
  logger: Logger;
  stop(): Promise<void>;
}

/** The composition root: builds every part from the configuration and starts the bot. */
export async function startPassdesk(config: Config, options: PassdeskOptions = {}): Promise<RunningPassdesk> {
  const secretKey = options.secretKey ?? config.secretKey;
  if (secretKey === undefined) {
    throw new Error(`PASSDESK_SECRET_KEY (or PASSDESK_SECRET_KEY_FILE) is required; ${SECRET_KEY_HINT}`);
  }
  const keyProblem = secretKeyProblem('the secret key', secretKey);
  if (keyProblem) throw new Error(keyProblem);
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(config.logLevel, options.logDestination);
  for (const warning of unsafeSettingWarnings(config)) logger.warn({ setting: warning.setting }, warning.message);
  const given = options.adapters ?? {};
  const store = given.store ?? (await openStore(config.databaseUrl));
  const directory = given.directory ?? createDirectory(config.ldap, clock);
  const directorySettings = await directory.passwordSettings().catch((error: unknown) => {
    logger.warn({ err: error instanceof Error ? error.message : 'unknown' }, 'could not read the directory password settings');
    return {};
  });
  const mailer = given.mailer ?? new SmtpMailer({ url: config.mail.smtpUrl, from: config.mail.from });
  const { app, httpReceiver } = createSlackApp(config.slack, logger);
  const audit = new AuditTrail(store, logger, clock);
  const messenger = new SlackDirectMessenger(app.client);
  const policy = policyFromConfig(config.policy, directorySettings);
  // Building zxcvbn's dictionaries takes a few hundred ms: do it now, not on someone's first try.
  PasswordPolicy.warmUp();

  const limits = resetLimits(config.limits);
  const sms = given.sms ?? new TwilioSmsSender(config.twilio);
  const smsDestinations = new SmsDestinations(config.sms.allowedCountries);
  const limiter = new Limiter(store, clock, secretKey);
  const journey = new PasswordResetJourney({
    directory,
    flows: resetFlows(store),
    sms,
    smsDestinations,
    policy,
    limiter,
    limits,
    audit,
    notifier: new PasswordChangedNotifier(messenger, mailer, config.helpdeskContact, logger),
    clock,
    logger,
    settings: config.reset,
    defaultLocale: config.defaultLocale,
    secretKey,
  });
  const helpDesk = new TemporaryPasswordJourney({
    directory,
    flows: temporaryPasswordFlows(store),
    operators: new HelpdeskOperators(
      { users: config.helpdesk.operators, userGroup: config.helpdesk.operatorGroup },
      new SlackUserGroups(app.client),
      clock,
    ),
    people: new SlackPeople(app.client, config.defaultLocale),
    sms,
    smsDestinations,
    messenger,
    mailer,
    helpdeskLog: new SlackHelpdeskLog(app.client, config.helpdesk.logChannel, config.defaultLocale),
    policy,
    limiter,
    limits: temporaryPasswordLimits(config.helpdesk.limits, config.limits),
    audit,
    clock,
    logger,
    settings: {
      protectedGroups: config.helpdesk.protectedGroups,
      codeTtlMinutes: config.reset.codeTtlMinutes,
      codeMaxAttempts: config.reset.codeMaxAttempts,
      flowTtlMinutes: config.reset.flowTtlMinutes,
      helpdeskContact: config.helpdeskContact,
      defaultLocale: config.defaultLocale,
    },
    secretKey,
  });
  const slackDeps: SlackDeps = { messenger, audit, defaultLocale: config.defaultLocale, logger };
  app.use(requestContext(logger));
  registerPasswordReset(app, { ...slackDeps, journey, presentation: config });
  registerTemporaryPassword(app, { ...slackDeps, journey: helpDesk, presentation: config });
  app.error(async (error) => {
    logger.error({ err: `${error.name}: ${error.message}` }, 'unhandled Slack listener error');
  });

  await app.init();
  await app.start();
  // Every journey's limit rules go in this list, so that pruning keeps what each still counts.
  const stopPruning = schedulePruning(store, clock, logger, { keepCountersMs: longestWindowMs(Object.values(limits)) });
  const port = httpReceiver?.address();
  logger.info({ mode: config.slack.appToken ? 'socket' : 'http', port, directory: config.ldap.flavor }, 'passdesk started');

  return {
    port,
    logger,
    async stop() {
      stopPruning();
      await app.stop();
      await Promise.allSettled([
        given.directory ? undefined : directory.close(),
        given.mailer ? undefined : mailer.close(),
      ]);
      if (!given.store) await store.close();
      logger.info('passdesk stopped');
    },
  };
}
