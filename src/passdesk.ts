import type { DestinationStream } from 'pino';
import { scheduleAuditRetention } from './audit/audit-retention';
import { AuditTrail } from './audit/audit-trail';
import { type Clock, systemClock } from './clock/clock';
import { BotSweeps, createExpirySweep, expiryReminderListenerDeps } from './compose-expiry-reminders';
import type { Config } from './config';
import { createDirectory } from './directory/create-directory';
import type { Directory } from './directory/directory';
import { withNormalisedPhones } from './directory/phone-normalising-directory';
import type { SweepReport } from './flows/expiry-reminders/expiry-sweep';
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
import { NotMeReport } from './flows/not-me/not-me-report';
import { ChangeNotices } from './notification/change-notices';
import { PasswordChangedNotifier } from './notification/password-changed-notifier';
import { PasswordPolicy } from './policy/password-policy';
import { policyFromConfig } from './policy/policy-from-config';
import { directoryProbe } from './ops/health/directory-probe';
import { Readiness, type ReadinessProbe } from './ops/health/readiness';
import { storeProbe } from './ops/health/store-probe';
import { HealthServer } from './ops/http/health-server';
import { opsRoutes } from './ops/http/ops-routes';
import { MeteredLimiter, MeteredSmsSender, meteredDirectory, meteredStore } from './ops/metrics/adapter-metrics';
import { countingJourneys } from './ops/metrics/journey-metrics';
import { PassdeskMetrics } from './ops/metrics/metrics';
import { meteredSlackFetch } from './ops/metrics/slack-metrics';
import { InFlightWork } from './ops/shutdown/in-flight-work';
import { mailCheck } from './ops/startup/mail-check';
import { runStartupChecks, type StartupCheck } from './ops/startup/startup-checks';
import { longestWindowMs } from './regulation/limit-rule';
import { SmsDestinations } from './sms/sms-destinations';
import type { SmsSender } from './sms/sms-sender';
import { TwilioSmsSender } from './sms/twilio-sms-sender';
import { SECRET_KEY_HINT, secretKeyProblem } from './secret-key';
import { registerSelfServiceMenu } from './self-service-menu';
import { createSlackApp } from './slack/app';
import { slackTokenCheck } from './slack/auth-test-check';
import { healthz } from './slack/http/health-route';
import { passwordStatusCommand } from './slack/journeys/expiry-reminders/password-status-command';
import { registerExpiryReminders } from './slack/journeys/expiry-reminders/register';
import { registerNotMe } from './slack/journeys/not-me/register';
import { registerPasswordReset } from './slack/journeys/password-reset/register';
import { SlackNotMeAlerts } from './slack/slack-not-me-alerts';
import { registerTemporaryPassword } from './slack/journeys/temporary-password/register';
import { requestContext } from './slack/shared/request-context';
import type { SlackDeps } from './slack/shared/slack-deps';
import { trackInFlight } from './slack/shared/track-in-flight';
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
  /** Socket Mode: the port of /healthz, /readyz and /metrics (HEALTH_PORT). */
  healthPort?: number;
  logger: Logger;
  metrics: PassdeskMetrics;
  /** Work a stop waits for (Slack requests; sweeps register theirs with `track`). */
  inFlight: InFlightWork;
  /** One expiry-reminder sweep now, as the schedule runs it (in flight, metered): the demo's button. */
  runReminderSweep(): Promise<SweepReport>;
  /**
   * Stops taking work, lets work in flight finish within SHUTDOWN_TIMEOUT_SECONDS, then closes
   * the directory, mail and store connections. Work the bound cut off still counts in `inFlight`.
   */
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
  const metrics = new PassdeskMetrics();
  const inFlight = new InFlightWork();
  const given = options.adapters ?? {};
  const store = meteredStore(given.store ?? (await openStore(config.databaseUrl)), metrics);
  const builtDirectory = given.directory ?? createDirectory(config.ldap, clock);
  const directory = withNormalisedPhones(meteredDirectory(builtDirectory, metrics), config.phoneDefaultRegion, logger);
  const smtpMailer = given.mailer ? undefined : new SmtpMailer({ url: config.mail.smtpUrl, from: config.mail.from });
  const mailer = given.mailer ?? (smtpMailer as Mailer);
  const closeOwned = async () => {
    await Promise.allSettled([given.directory ? undefined : directory.close(), smtpMailer?.close()]);
    if (!given.store) await store.close();
  };

  const probes: ReadinessProbe[] = [storeProbe(store, clock)];
  if (!given.directory) probes.push(directoryProbe(config.ldap));
  const readiness = new Readiness(probes, clock, config.ops.readinessCacheSeconds * 1000);
  const routes = opsRoutes({ readiness, metrics });
  const { app, httpReceiver, pendingAcks } = createSlackApp(config.slack, logger, { getRoutes: routes, fetch: meteredSlackFetch(metrics) });

  const checks: StartupCheck[] = [slackTokenCheck(app.client)];
  if (!given.directory) checks.push({ name: 'directory', run: () => probes[probes.length - 1].check() });
  if (smtpMailer) checks.push(mailCheck(smtpMailer));
  try {
    await runStartupChecks(checks);
  } catch (error) {
    await closeOwned();
    throw error;
  }

  const directorySettings = await directory.passwordSettings().catch((error: unknown) => {
    logger.warn({ err: error instanceof Error ? error.message : 'unknown' }, 'could not read the directory password settings');
    return {};
  });
  const audit = new AuditTrail(countingJourneys(store, metrics), logger, clock);
  const messenger = new SlackDirectMessenger(app.client);
  const policy = policyFromConfig(config.policy, directorySettings);
  // Building zxcvbn's dictionaries takes a few hundred ms: do it now, not on someone's first try.
  PasswordPolicy.warmUp();

  const limits = resetLimits(config.limits);
  const sms = new MeteredSmsSender(given.sms ?? new TwilioSmsSender(config.twilio), metrics);
  const smsDestinations = new SmsDestinations(config.sms.allowedCountries);
  const limiter = new MeteredLimiter(store, clock, secretKey, metrics);
  const changeNotices = new ChangeNotices(store);
  const notifier = new PasswordChangedNotifier(messenger, mailer, config.helpdeskContact, logger, changeNotices);
  const journey = new PasswordResetJourney({
    directory,
    flows: resetFlows(store),
    sms,
    smsDestinations,
    policy,
    limiter,
    limits,
    audit,
    notifier,
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
    changeNotices,
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
  app.use(trackInFlight(inFlight));
  app.use(requestContext(logger));
  registerTemporaryPassword(app, { ...slackDeps, journey: helpDesk, presentation: config });
  registerNotMe(app, {
    ...slackDeps,
    helpdeskContact: config.helpdeskContact,
    report: new NotMeReport({ notices: changeNotices, alerts: new SlackNotMeAlerts(app.client, config.helpdesk.logChannel, config.defaultLocale),
      audit, clock, logger, defaultLocale: config.defaultLocale }),
  });
  const reminderParts = { directory, store, audit, mailer, clock, logger };
  const reminders = { ...slackDeps, ...expiryReminderListenerDeps(config, reminderParts) };
  const forgotPassword = registerPasswordReset(app, { ...slackDeps, journey, presentation: config });
  const selfService = registerSelfServiceMenu(app, {
    config, slack: slackDeps, store, directory, directorySettings, sms, smsDestinations, policy, limiter, audit, notifier, clock, logger, secretKey,
  }, forgotPassword, { status: passwordStatusCommand(reminders) });
  registerExpiryReminders(app, { ...reminders, changePassword: selfService.changePassword, forgotPassword });
  app.error(async (error) => {
    logger.error({ err: `${error.name}: ${error.message}` }, 'unhandled Slack listener error');
  });

  await app.init();
  await app.start();
  // Every journey's limit rules go in this list, so that pruning keeps what each still counts.
  const stopPruning = schedulePruning(store, clock, logger, { keepCountersMs: longestWindowMs([...Object.values(limits), ...selfService.limitRules]) });
  const stopRetention = scheduleAuditRetention(store, config.auditRetentionDays, clock, logger);
  const sweeps = new BotSweeps(createExpirySweep(config, reminderParts), { inFlight, metrics, logger });
  if (config.reminders.enabled) sweeps.startSchedule(config.reminders);
  const healthServer = httpReceiver
    ? undefined
    : await HealthServer.start(config.ops.healthPort, { '/healthz': healthz, ...routes }, logger);
  const port = httpReceiver?.address();
  logger.info({ mode: config.slack.appToken ? 'socket' : 'http', port, healthPort: healthServer?.port,
    directory: config.ldap.flavor }, 'passdesk started');

  return {
    port,
    healthPort: healthServer?.port,
    logger,
    metrics,
    inFlight,
    runReminderSweep: () => sweeps.run(),
    async stop() {
      const timeoutMs = config.ops.shutdownTimeoutSeconds * 1000;
      const deadline = Date.now() + timeoutMs;
      readiness.markStopping();
      stopPruning();
      stopRetention();
      sweeps.stopSchedule();
      // Socket Mode answers over the connection app.stop() closes: requests received get their answer first.
      await pendingAcks?.answered(timeoutMs);
      await withinMs(app.stop(), Math.max(0, deadline - Date.now()));
      // A running sweep may finish until shortly before the bound; then it stops after the reminder
      // being sent, its claims given back, so the rest goes out with the next sweep (here or elsewhere).
      const sweepsUntil = deadline - Math.min(SWEEP_STOP_RESERVE_MS, timeoutMs / 2);
      if (!(await inFlight.drain(Math.max(0, sweepsUntil - Date.now()))).drained) sweeps.cutShort();
      const { drained, remaining } = await inFlight.drain(Math.max(0, deadline - Date.now()));
      if (!drained) {
        logger.warn({ inFlight: remaining, timeoutSeconds: config.ops.shutdownTimeoutSeconds },
          'SHUTDOWN_TIMEOUT_SECONDS reached: closing connections with work still in flight');
      }
      await healthServer?.stop();
      await closeOwned();
      logger.info({ drained }, 'passdesk stopped');
    },
  };
}

/** What a sweep cut short at a stop gets to finish its send and give back its claims. */
const SWEEP_STOP_RESERVE_MS = 2_000;

/** Waits for `work`, but no longer than `ms`. */
async function withinMs(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    work.catch(() => undefined),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    }),
  ]);
  clearTimeout(timer);
}
