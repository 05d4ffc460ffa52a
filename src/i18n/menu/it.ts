import type { MenuMessages } from './messages';

export const it: MenuMessages = {
  modalTitle: 'Aiuto password',
  intro: 'Che cosa devi fare?',
  entries: {
    forgotPassword: { button: 'Ho dimenticato la password', explain: 'Imposta una nuova password dopo un codice inviato via SMS al telefono registrato.' },
    changePassword: { button: 'Cambia la password', explain: 'Ricordi la password attuale e ne vuoi una nuova (anche se l\u2019help desk ti ha dato una password temporanea).' },
    forgotUsername: { button: 'Non ricordo il nome utente', explain: 'Vedi i nomi utente dei tuoi account di Ateneo.' },
    unlockAccount: { button: 'Sblocca il mio account', explain: 'Il tuo account è bloccato per troppi tentativi con la password sbagliata: sbloccalo con un codice inviato via SMS.' },
    serviceAccount: { button: 'Gestisci un account di servizio', explain: 'Imposta una nuova password per un account di servizio (impersonale) di cui sei responsabile.' },
  },
  triggerExpired: 'La finestra della password ha impiegato troppo ad aprirsi. Esegui di nuovo /password.',
};
