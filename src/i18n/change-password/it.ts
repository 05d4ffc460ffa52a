import { plural } from '../plural';
import type { ChangePasswordMessages } from './messages';

export const it: ChangePasswordMessages = {
  modalTitle: 'Cambio password',
  loading: 'Cerco i tuoi account…',
  intro: 'Scrivi la password attuale e scegline una nuova. Sarà cambiata sugli account che selezioni.',
  accountsLabel: 'Account da cambiare',
  accountOption: (username, principalName) => (principalName ? `${username} (${principalName})` : username),
  accountsSkipped: (accounts) => `Non cambiati (account disabilitato): ${accounts}`,
  currentLabel: 'Password attuale',
  currentForLabel: (username) => `Password attuale di ${username}, se diversa`,
  currentForHint: 'Lascia vuoto se questo account ha la stessa password attuale indicata sopra.',
  newPasswordIntro: 'La nuova password deve avere:',
  noneChosen: 'Seleziona almeno un account.',
  currentMissing: 'Scrivi la password attuale.',
  wrongCurrent: (accounts, left) =>
    `La password attuale non è corretta per: ${accounts}. ${plural('it', left, { one: 'Dopo # altro tentativo errato', other: 'Dopo altri # tentativi errati' })}, passdesk smette di chiederla per un\u2019ora, così il tuo account non viene bloccato.`,
  stopped: (accounts) =>
    `Troppe password attuali errate per: ${accounts}. Perché l\u2019account non venga bloccato, passdesk non controllerà la sua password per la prossima ora. Se l\u2019hai dimenticata, usa "Ho dimenticato la password" in /password.`,
  cannotCheckSafely: (accounts) =>
    `passdesk non può controllare in sicurezza la password attuale di: ${accounts}. Le regole dell\u2019account lo bloccano dopo uno o due tentativi errati, quindi passdesk non ci prova. Usa "Ho dimenticato la password" in /password (reimpostazione con un codice via SMS) oppure contatta l\u2019help desk.`,
  locked: (accounts) => `Account bloccato per troppi tentativi con la password sbagliata: ${accounts}. Usa "Sblocca il mio account" in /password.`,
  expired: (accounts) => `La password è scaduta per: ${accounts}. Usa "Ho dimenticato la password" in /password per impostarne una nuova.`,
  retrySamePassword: 'Scrivi la stessa nuova password di prima, così tutti i tuoi account avranno la stessa.',
  accountsChanged: 'Uno dei tuoi account è stato rimosso o disabilitato nel frattempo, quindi non è stato cambiato nulla. Contatta l\u2019help desk.',
  partialChanged: (changed, failed) =>
    `La password è stata cambiata per: ${changed}. NON è stato possibile cambiarla per: ${failed}. Invia di nuovo la stessa nuova password per completare, oppure contatta l\u2019help desk.`,
  doneTitle: 'Password cambiata',
  doneChanged: (accounts) => `:white_check_mark: La password è stata cambiata per: ${accounts}.`,
  triggerExpired: 'La finestra della password ha impiegato troppo ad aprirsi. Esegui di nuovo /password change.',
  ended: {
    accountDisabled: 'Il tuo account è disabilitato, quindi la sua password non si può cambiare qui.',
    flowExpired: 'Questo cambio è scaduto o è già stato completato. Ricomincia con /password.',
    flowUnreadable: 'Questo cambio non può proseguire. Non è stato cambiato nulla. Ricomincia con /password.',
    rateLimited: 'Il cambio password è stato avviato troppe volte di recente. Per sicurezza è sospeso per un po\u2019; riprova più tardi. Non è stato cambiato nulla.',
  },
};
