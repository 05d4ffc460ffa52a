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
    noVerifiedEmail: 'Il tuo account Slack non ha un indirizzo email confermato, quindi non possiamo trovare il tuo account di Ateneo.',
    noAccount: 'Non abbiamo trovato alcun account di Ateneo con l\'indirizzo email del tuo profilo Slack.',
    ambiguousMail: 'Il tuo indirizzo email risulta associato a più di una persona nell\'anagrafica di Ateneo, quindi non possiamo stabilire quale account sia il tuo. Non è stato inviato né modificato nulla. Contatta l\'help desk per far correggere i dati.',
    noPhone: 'Il tuo account non ha un numero di telefono registrato per il recupero della password, quindi non possiamo inviarti un codice.',
    accountDisabled: 'Il tuo account è disabilitato, quindi la sua password non può essere reimpostata qui.',
    rateLimited: 'Troppi tentativi. Per la tua sicurezza, la reimpostazione è sospesa per un po\': riprova più tardi.',
    directoryUnavailable: 'La directory degli account non è raggiungibile in questo momento. Non è stato modificato nulla. Riprova più tardi.',
    smsFailed: 'Non è stato possibile inviare l\'SMS. Non è stato modificato nulla. Riprova più tardi.',
    smsCountryNotAllowed: 'Il tuo numero di telefono registrato è di un paese verso cui non inviamo codici via SMS, quindi non possiamo inviarti il codice. Non è stato modificato nulla. Contatta l\'help desk.',
    codeExpired: 'Il codice è scaduto. Ricomincia con /password.',
    tooManyCodeAttempts: 'Troppi codici errati. La procedura è stata interrotta; ricomincia più tardi con /password.',
    tooManyIdentityAttempts: 'Troppe risposte errate. La procedura è stata interrotta.',
    flowExpired: 'Questa procedura è scaduta o è già terminata. Ricomincia con /password.',
    flowUnreadable: 'Questa procedura non può proseguire. Non è stato modificato nulla. Ricomincia con /password.',
  },
};
