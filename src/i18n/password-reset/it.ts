import type { PasswordResetMessages } from './messages';

export const it: PasswordResetMessages = {
  modalTitle: 'Reimposta password',
  loading: 'Sto cercando i tuoi account…',
  accountsIntro: 'La nuova password sarà impostata su questi account:',
  accountsSkipped: (accounts) => `Non modificati (account disabilitato): ${accounts}`,
  newPasswordIntro: 'Scegli la nuova password. Deve avere:',
  retrySamePassword: 'Scrivi la stessa nuova password di prima, così tutti i tuoi account avranno la stessa.',
  doneTitle: 'Password cambiata',
  doneChanged: (accounts) => `:white_check_mark: La tua password è stata cambiata per: ${accounts}.`,
  partialChanged: (changed, failed) =>
    `La password è stata cambiata per: ${changed}. NON è stato possibile cambiarla per: ${failed}. Invia di nuovo la stessa password per completare, oppure contatta l'help desk.`,
  doneIncomplete: (changed, notChanged) =>
    `La password è stata cambiata per: ${changed}. NON è stato possibile cambiarla per: ${notChanged}. Contatta l'help desk per completare.`,
  triggerExpired: 'La finestra della password ha impiegato troppo ad aprirsi. Esegui di nuovo /password.',
  smsBody: (code, minutes) => `Codice per reimpostare la password: ${code}. Valido ${minutes} minuti. Non comunicarlo a nessuno, nemmeno al personale IT.`,
  accountsChanged: 'Uno dei tuoi account è stato rimosso o disabilitato nel frattempo, quindi non è stato modificato nulla. Contatta l\'help desk.',
  ended: {
    accountDisabled: 'Il tuo account è disabilitato, quindi la sua password non può essere reimpostata qui.',
    rateLimited: 'Troppi tentativi. Per la tua sicurezza, la reimpostazione è sospesa per un po\': riprova più tardi.',
    tooManyCodeAttempts: 'Troppi codici errati. La procedura è stata interrotta; ricomincia più tardi con /password.',
    tooManyIdentityAttempts: 'Troppe risposte errate. La procedura è stata interrotta.',
    flowExpired: 'Questa procedura è scaduta o è già terminata. Ricomincia con /password.',
    flowUnreadable: 'Questa procedura non può proseguire. Non è stato modificato nulla. Ricomincia con /password.',
  },
};
