import type { App } from '@slack/bolt';
import type { AuditTrail } from './audit/audit-trail';
import type { Clock } from './clock/clock';
import type { Config } from './config';
import type { Directory, DirectoryPasswordSettings } from './directory/directory';
import { changeFlows } from './flows/change-password/change-flows';
import { ChangePasswordJourney } from './flows/change-password/change-password-journey';
import { WrongCurrentGuard } from './flows/change-password/wrong-current-guard';
import { ForgotUsernameJourney } from './flows/forgot-username/forgot-username-journey';
import { MenuJourney } from './flows/menu/menu-journey';
import { resetLimits } from './flows/password-reset/reset-limits';
import { serviceFlows } from './flows/service-account/service-flows';
import { ServiceAccountJourney } from './flows/service-account/service-account-journey';
import { unlockFlows } from './flows/unlock-account/unlock-flows';
import { UnlockAccountJourney } from './flows/unlock-account/unlock-account-journey';
import { journeyStartRules } from './flows/shared/start-allowance';
import { messagesFor } from './i18n';
import type { Logger } from './log/logger';
import type { PasswordChangedNotifier } from './notification/password-changed-notifier';
import { policyFromConfig } from './policy/policy-from-config';
import type { PasswordRules } from './flows/password-reset/journey-types';
import { DAY_MS, HOUR_MS, type LimitRule } from './regulation/limit-rule';
import type { Limiter } from './regulation/limiter';
import type { SmsDestinations } from './sms/sms-destinations';
import type { SmsSender } from './sms/sms-sender';
import { registerChangePassword } from './slack/journeys/change-password/register';
import { forgotUsernameEntry } from './slack/journeys/forgot-username/register';
import type { MenuEntry } from './slack/journeys/menu/menu-entry';
import type { Subcommand } from './slack/journeys/menu/password-command';
import { ONE_CHOICE, registerMenu } from './slack/journeys/menu/register';
import { registerServiceAccount } from './slack/journeys/service-account/register';
import { registerUnlockAccount } from './slack/journeys/unlock-account/register';
import type { SlackDeps } from './slack/shared/slack-deps';
import type { Store } from './store/store';

export interface SelfServiceParts {
  config: Config;
  slack: SlackDeps;
  store: Store;
  directory: Directory;
  directorySettings: DirectoryPasswordSettings;
  sms: SmsSender;
  smsDestinations: SmsDestinations;
  policy: PasswordRules;
  limiter: Limiter;
  audit: AuditTrail;
  notifier: PasswordChangedNotifier;
  clock: Clock;
  logger: Logger;
  secretKey: string;
}

/**
 * The `/password` menu and the journeys it offers besides the forgot-password one (`first`):
 * change a password I know, forgot my username, my account is locked, manage a service account.
 * `others` are `/password` sub-commands that open no menu entry (e.g. `status`). The change entry
 * is returned for buttons elsewhere that open it directly (the expiry reminders' "Change now").
 */
export function registerSelfServiceMenu(
  app: App,
  parts: SelfServiceParts,
  first: MenuEntry,
  others: Record<string, Subcommand> = {},
): { limitRules: LimitRule[]; changePassword: MenuEntry } {
  const { config, slack, directory, audit, logger, clock, limiter, notifier, secretKey } = parts;
  const changeStart = journeyStartRules('change-password', config.limits);
  const usernameStart = journeyStartRules('forgot-username', config.limits);
  const changePassword = new ChangePasswordJourney({
    directory, flows: changeFlows(parts.store), policy: parts.policy, audit, notifier, clock, logger, secretKey,
    limiter, startRules: changeStart,
    guard: new WrongCurrentGuard({ directory, limiter, wrongAnswersPerHour: config.limits.wrongAnswersPerHour }),
    settings: config.reset, defaultLocale: config.defaultLocale,
  });
  const serviceAccount = new ServiceAccountJourney({
    directory, flows: serviceFlows(parts.store), sms: parts.sms, smsDestinations: parts.smsDestinations, limiter, limits: resetLimits(config.limits), audit, notifier,
    clock, logger, settings: config.reset, defaultLocale: config.defaultLocale, secretKey,
    policy: policyFromConfig({ ...config.policy, minLength: config.servicePolicyMinLength }, parts.directorySettings),
    smsBody: (locale, code, minutes) => messagesFor(locale).serviceAccount.smsBody(code, minutes),
  });
  const unlockAccount = new UnlockAccountJourney({
    directory, flows: unlockFlows(parts.store), sms: parts.sms, smsDestinations: parts.smsDestinations, limiter,
    limits: resetLimits(config.limits), audit, clock, logger, settings: config.reset, defaultLocale: config.defaultLocale, secretKey,
    smsBody: (locale, code, minutes) => messagesFor(locale).unlockAccount.smsBody(code, minutes),
  });
  const changeEntry = registerChangePassword(app, { ...slack, journey: changePassword, presentation: config });
  const entries = [
    first,
    changeEntry,
    forgotUsernameEntry({
      ...slack, journey: new ForgotUsernameJourney({ directory, audit, logger, limiter, startRules: usernameStart }),
      helpdeskContact: config.helpdeskContact,
    }),
    registerUnlockAccount(app, { ...slack, journey: unlockAccount, helpdeskContact: config.helpdeskContact }),
    registerServiceAccount(app, { ...slack, journey: serviceAccount, helpdeskContact: config.helpdeskContact }),
  ];
  const lookups = {
    perUser: { name: 'menu-lookup', limit: config.limits.flowsPerDay, windowMs: DAY_MS },
    perTeam: { name: 'team-menu-lookup', limit: config.limits.flowsPerTeamPerHour, windowMs: HOUR_MS },
  };
  const menu = new MenuJourney({ directory, logger, serviceAccounts: config.ldap.serviceAccounts !== undefined, limiter, lookups });
  registerMenu(app, { ...slack, menu, limiter, helpdeskContact: config.helpdeskContact }, entries, others);
  // For pruning: counters are kept as long as the longest window that still counts them.
  const startRules = [changeStart, usernameStart].flatMap((rules) => [rules.flow, rules.teamFlow]);
  return {
    limitRules: [lookups.perUser, lookups.perTeam, ...startRules, ONE_CHOICE, ...WrongCurrentGuard.rules(config.limits.wrongAnswersPerHour)],
    changePassword: changeEntry,
  };
}
