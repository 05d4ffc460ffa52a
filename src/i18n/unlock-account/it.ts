import type { UnlockAccountMessages } from './messages';

export const it: UnlockAccountMessages = {
  modalTitle: 'Sblocca account',
  loading: 'Cerco i tuoi account…',
  accountsIntro: 'Questi account sono bloccati per troppi tentativi con la password sbagliata e verranno sbloccati:',
  accountsSkipped: (accounts) => `Disabilitati, quindi non si possono sbloccare qui: ${accounts}`,
  doneTitle: 'Account sbloccato',
  unlocked: (accounts) => `:white_check_mark: Sbloccati: ${accounts}.`,
  notLocked: (accounts) => `Non erano più bloccati, quindi non è stato cambiato nulla: ${accounts}.`,
  disabled: (accounts) => `Disabilitati, quindi non sbloccati (rivolgiti all\u2019help desk): ${accounts}.`,
  failed: (accounts) => `NON è stato possibile sbloccarli ora (restano bloccati): ${accounts}. Riprova più tardi o contatta l\u2019help desk.`,
  passwordUnchanged: 'La tua password non è cambiata: accedi con quella. Se l\u2019hai dimenticata, usa "Ho dimenticato la password" in /password.',
  triggerExpired: 'La finestra ha impiegato troppo ad aprirsi. Esegui di nuovo /password unlock.',
  smsBody: (code, minutes) => `Codice per sbloccare il tuo account: ${code}. Valido ${minutes} minuti. Non comunicarlo a nessuno, nemmeno al personale IT.`,
  ended: {
    accountDisabled: 'Il tuo account è disabilitato, quindi non si può sbloccare qui. Contatta l\u2019help desk.',
    notLocked: 'Il tuo account non è bloccato, quindi non è stato cambiato nulla. Se non riesci ad accedere, forse la password è sbagliata: usa "Ho dimenticato la password" in /password.',
  },
};
