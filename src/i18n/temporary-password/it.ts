import type { TemporaryPasswordMessages } from './messages';

export const it: TemporaryPasswordMessages = {
  modalTitle: 'Password temporanea',
  loading: 'Verifica in corso…',

  findIntro: 'Di chi è la password? Scegli la persona in Slack, oppure scrivi il suo nome utente o la sua email.',
  personLabel: 'Persona in Slack',
  queryLabel: 'Oppure nome utente o email',
  queryHint: 'Per esempio mrossi oppure mario.rossi@uni.example',
  findSubmit: 'Cerca',
  findEmpty: 'Scegli una persona in Slack, oppure scrivi un nome utente o un\'email.',
  findNone: (query) => `Nessun account trovato per ${query}.`,
  noSlackEmail: 'Questo utente Slack non ha un indirizzo email confermato, quindi non troviamo i suoi account. Scrivi invece il suo nome utente.',

  accountsFound: 'Account trovati:',
  state: {
    disabled: 'disabilitato',
    locked: 'bloccato',
    mustChange: 'deve cambiare la password',
    phone: 'telefono registrato',
    noPhone: 'nessun telefono registrato',
    changedOn: (date) => `password impostata il ${date}`,
    changedUnknown: 'data della password sconosciuta',
    expiresOn: (date) => `scade il ${date}`,
    neverExpires: 'non scade',
  },
  protectedBecause: {
    serviceAccount: 'è l\'account di servizio di passdesk',
    adminCount: 'è un account amministrativo (adminCount)',
    group: (group) => `è membro del gruppo protetto ${group}`,
  },
  cannotReset: 'L\'help desk non può impostare una password su questo account:',

  accountsLabel: 'Imposta una password temporanea su',
  verificationLabel: 'Come hai verificato chi chiama?',
  verification: {
    inPerson: 'Documento d\'identità controllato di persona',
    callBack: 'Richiamato al telefono registrato',
    smsCode: 'Codice inviato per SMS e letto da chi chiama',
  },
  ticketLabel: 'Riferimento del ticket',
  ticketHint: 'Solo lettere, cifre e - _ / # . :',
  deliveryLabel: 'Come riceverà la password la persona?',
  delivery: {
    show: 'Mostrala a me una volta, qui, per dettarla',
    sms: 'SMS al telefono registrato',
    dm: 'Messaggio diretto Slack alla persona',
  },
  unlockLabel: 'Account bloccati',
  unlockOption: 'Sblocca anche gli account bloccati',
  chooseSubmit: 'Continua',
  errors: {
    noAccountChosen: 'Scegli almeno un account.',
    noVerification: 'Scegli come hai verificato chi chiama.',
    noDelivery: 'Scegli come la persona riceverà la password.',
    ticket: (max) => `Al massimo ${max} caratteri: lettere, cifre e - _ / # . :`,
    needsPhone: 'Su questi account non è registrato alcun telefono.',
    needsSlackUser: 'Non conosciamo un account Slack di questa persona.',
    smsCountryNotAllowed: 'Qui non si possono inviare SMS al paese di questo numero (SMS_ALLOWED_COUNTRIES). Scegli un altro modo.',
  },

  callBackIntro: (phone) =>
    `Richiama la persona al numero registrato sul suo account: *${phone}*. Continua solo se risponde e conferma la richiesta.`,
  callBackSubmit: 'Ha confermato',

  codeIntro: (phone, minutes) =>
    `Un codice di 6 cifre è stato inviato per SMS al numero che termina con ${phone}. Chiedi a chi chiama di leggertelo. È valido ${minutes} minuti.`,
  codeLabel: 'Codice letto da chi chiama',
  codeSubmit: 'Verifica il codice',
  codeFormat: 'Il codice ha esattamente 6 cifre.',
  codeWrong: (left) => `Il codice non è corretto. ${left === 1 ? 'Resta 1 tentativo' : `Restano ${left} tentativi`}.`,

  doneTitle: 'Password impostata',
  doneSet: (accounts) => `:white_check_mark: È stata impostata una password temporanea su: ${accounts}.`,
  shownOnce: 'Dettala ora. È mostrata solo questa volta: chiusa questa finestra, nessuno potrà più vederla.',
  readAloud: (separator) => `Ogni parola inizia con una maiuscola; le parti sono unite da “${separator}”; finisce con due cifre.`,
  sentBySms: (phone) => `È stata inviata per SMS al numero che termina con ${phone}.`,
  sentByDm: 'È stata inviata alla persona con un messaggio diretto Slack.',
  deliveryFailed: ':warning: Non è stato possibile inviarla come scelto, quindi è mostrata qui. Dettala ora; è mostrata solo questa volta.',
  unlocked: (accounts) => `Sbloccati: ${accounts}.`,
  stillLocked: (accounts) => `Ancora bloccati (non hai scelto di sbloccarli): ${accounts}.`,
  notSet: (accounts) => `NON è stato possibile impostarla su: ${accounts}. Lì non è cambiato nulla; riprova per quegli account.`,
  mustChangeNext: 'Al prossimo accesso la persona dovrà scegliere una nuova password.',

  ended: {
    helpDeskOff: 'L\'help desk non è configurato in passdesk: non ci sono operatori (HELPDESK_USERS, HELPDESK_USERGROUP).',
    notOperator: 'Solo gli operatori dell\'help desk possono rilasciare password temporanee. Il tentativo è stato registrato.',
    operatorCheckFailed: 'Ora non riusciamo a verificare che tu sia un operatore dell\'help desk. Non è cambiato nulla. Riprova più tardi.',
    nothingToReset: 'Nessuno di questi account può ricevere una password temporanea dall\'help desk. Non è cambiato nulla.',
    rateLimitedOperator: 'Hai rilasciato il numero massimo di password temporanee consentito in un\'ora. Non è cambiato nulla; riprova più tardi.',
    rateLimitedTarget: 'Questo account ha ricevuto il numero massimo di password temporanee consentito in un giorno. Non è cambiato nulla.',
    rateLimitedSms: 'Di recente sono stati inviati troppi SMS a questo telefono. Non è cambiato nulla; riprova più tardi o verifica chi chiama in un altro modo.',
    codeExpired: 'Il codice è scaduto. Non è cambiato nulla. Ricomincia con /temp-password.',
    tooManyCodeAttempts: 'Troppi codici errati. Non è cambiato nulla; la richiesta è stata interrotta.',
    smsFailed: 'Non è stato possibile inviare l\'SMS. Non è cambiato nulla. Riprova più tardi.',
    directoryUnavailable: 'La directory degli account non è raggiungibile. Non è cambiato nulla. Riprova più tardi.',
    accountsChanged: 'Nel frattempo un account è stato rimosso, disabilitato o protetto, quindi non è cambiato nulla. Ricomincia con /temp-password.',
    setFailed: 'La directory non ha accettato la password temporanea. Non è cambiato nulla.',
    flowExpired: 'Questa richiesta è scaduta o è già conclusa. Ricomincia con /temp-password.',
    flowUnreadable: 'Questa richiesta non può più continuare. Ricomincia con /temp-password.',
  },

  triggerExpired: 'La finestra dell\'help desk ha impiegato troppo ad aprirsi. Esegui di nuovo /temp-password.',

  smsCode: (code, minutes) =>
    `Il tuo codice di verifica per l'help desk: ${code}. Valido ${minutes} minuti. Leggilo all'operatore dell'help desk al telefono, e a nessun altro.`,
  smsPassword: (password) => `La tua password temporanea di Ateneo: ${password}. Al primo accesso dovrai sceglierne una nuova.`,

  personNotice: {
    subject: 'L\'help desk ha impostato una password temporanea sul tuo account',
    text: (accounts, when, operator, contact) =>
      `L'help desk informatico (${operator}) ha impostato una password temporanea sui tuoi account: ${accounts}, il ${when} (UTC).\n\n`
      + 'Al prossimo accesso dovrai scegliere una nuova password personale.\n\n'
      + `Se non l'hai chiesto tu, contatta subito ${contact}.`,
    password: (password) => `La tua password temporanea: ${password}`,
  },

  logLine: {
    issued: 'Password temporanea rilasciata',
    refused: 'Password temporanea rifiutata',
    operator: 'operatore',
    accounts: 'account',
    verification: 'verifica',
    ticket: 'ticket',
    delivery: 'consegna',
    result: 'esito',
    none: 'nessuno',
  },
};
