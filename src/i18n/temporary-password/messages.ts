/** The texts of `/temp-password`: the help desk issues a temporary password for a caller. */
export interface TemporaryPasswordMessages {
  /** At most 24 characters (Slack's limit for a modal title). */
  modalTitle: string;
  loading: string;

  findIntro: string;
  personLabel: string;
  queryLabel: string;
  queryHint: string;
  findSubmit: string;
  findEmpty: string;
  findNone: (query: string) => string;
  /** The Slack member chosen has no confirmed email, so their accounts cannot be found. */
  noSlackEmail: string;

  accountsFound: string;
  state: {
    disabled: string;
    locked: string;
    mustChange: string;
    phone: string;
    noPhone: string;
    changedOn: (date: string) => string;
    changedUnknown: string;
    expiresOn: (date: string) => string;
    neverExpires: string;
  };
  protectedBecause: {
    serviceAccount: string;
    adminCount: string;
    group: (groupDn: string) => string;
  };
  cannotReset: string;

  accountsLabel: string;
  verificationLabel: string;
  verification: { inPerson: string; callBack: string; smsCode: string };
  ticketLabel: string;
  ticketHint: string;
  deliveryLabel: string;
  delivery: { show: string; sms: string; dm: string };
  unlockLabel: string;
  unlockOption: string;
  chooseSubmit: string;
  errors: {
    noAccountChosen: string;
    noVerification: string;
    noDelivery: string;
    ticket: (max: number) => string;
    needsPhone: string;
    needsSlackUser: string;
    smsCountryNotAllowed: string;
  };

  callBackIntro: (phone: string) => string;
  callBackSubmit: string;

  codeIntro: (phoneEnding: string, minutes: number) => string;
  codeLabel: string;
  codeSubmit: string;
  codeFormat: string;
  codeWrong: (attemptsLeft: number) => string;

  doneTitle: string;
  doneSet: (accounts: string) => string;
  shownOnce: string;
  readAloud: (separator: string) => string;
  sentBySms: (phoneEnding: string) => string;
  sentByDm: string;
  /** The chosen delivery failed after the password was set: it is shown here instead. */
  deliveryFailed: string;
  unlocked: (accounts: string) => string;
  stillLocked: (accounts: string) => string;
  notSet: (accounts: string) => string;
  mustChangeNext: string;

  ended: {
    helpDeskOff: string;
    notOperator: string;
    operatorCheckFailed: string;
    nothingToReset: string;
    rateLimitedOperator: string;
    rateLimitedTarget: string;
    rateLimitedSms: string;
    codeExpired: string;
    tooManyCodeAttempts: string;
    smsFailed: string;
    directoryUnavailable: string;
    accountsChanged: string;
    setFailed: string;
    flowExpired: string;
    flowUnreadable: string;
  };

  /** The DM sent when the modal could not open in time. */
  triggerExpired: string;

  /** The SMS with the verification code the caller reads back. */
  smsCode: (code: string, minutes: number) => string;
  /** The SMS with the temporary password (SMS delivery). */
  smsPassword: (password: string) => string;

  /** What the person is told, by DM and mail; the password only in the DM, and only when it is the delivery. */
  personNotice: {
    subject: string;
    text: (accounts: string, whenUtc: string, operator: string, contact: string) => string;
    password: (password: string) => string;
  };

  /** One line per issue or refusal in HELPDESK_LOG_CHANNEL (never the password or the phone). */
  logLine: {
    issued: string;
    refused: string;
    operator: string;
    accounts: string;
    verification: string;
    ticket: string;
    delivery: string;
    result: string;
    none: string;
  };
}
