import type { ForgotUsernameMessages } from './messages';

const KINDS = { staff: 'account del personale', student: 'account studente', service: 'account di servizio di cui sei responsabile' };

export const it: ForgotUsernameMessages = {
  modalTitle: 'I tuoi nomi utente',
  loading: 'Cerco i tuoi account…',
  intro: 'Questi sono i nomi utente dei tuoi account di Ateneo:',
  account: (username, kind, principalName) =>
    `*${username}*${kind ? ` — ${KINDS[kind]}` : ''}${principalName ? ` (per i servizi Microsoft accedi come ${principalName})` : ''}`,
  disabled: (accounts) => `Disabilitati, quindi non utilizzabili (rivolgiti all\u2019help desk): ${accounts}`,
  hint: 'Hai dimenticato anche la password? Usa "Ho dimenticato la password" in /password.',
  triggerExpired: 'La finestra ha impiegato troppo ad aprirsi. Esegui di nuovo /password username.',
  ended: {
    accountDisabled: 'Il tuo account è disabilitato. Contatta l\u2019help desk.',
    directoryUnavailable: 'La directory degli account non è raggiungibile in questo momento. Riprova più tardi.',
    rateLimited: 'I tuoi nomi utente sono stati cercati troppe volte di recente. Per sicurezza la ricerca è sospesa per un po\u2019; riprova più tardi.',
  },
};
