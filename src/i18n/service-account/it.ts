import type { ServiceAccountMessages } from './messages';

export const it: ServiceAccountMessages = {
  modalTitle: 'Account di servizio',
  loading: 'Cerco gli account di servizio di cui sei responsabile…',
  accountsIntro: 'Sei responsabile di questi account di servizio:',
  accountsSkipped: (accounts) => `Disabilitati, quindi non se ne può impostare la password qui: ${accounts}`,
  serviceLabel: 'Account di servizio',
  newPasswordIntro: 'La nuova password dell\u2019account di servizio deve avere:',
  noneChosen: 'Scegli uno dei tuoi account di servizio.',
  notOwned: 'La directory non ti indica più come responsabile di questo account (o è stato disabilitato), quindi non è stato cambiato nulla.',
  doneTitle: 'Password impostata',
  doneChanged: (account) => `:white_check_mark: La password dell\u2019account di servizio ${account} è stata impostata. Comunicala solo a chi gestisce il servizio.`,
  triggerExpired: 'La finestra ha impiegato troppo ad aprirsi. Esegui di nuovo /password.',
  smsBody: (code, minutes) => `Codice per impostare la password di un account di servizio: ${code}. Valido ${minutes} minuti. Non comunicarlo a nessuno, nemmeno al personale IT.`,
  ended: {
    accountDisabled: 'Il tuo account (o l\u2019account di servizio) è disabilitato, quindi qui non si può impostare nessuna password.',
    noServiceAccounts: 'La directory non indica nessun account di servizio di cui tu sia responsabile.',
  },
};
