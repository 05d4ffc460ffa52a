import { plural } from '../plural';
import type { SmsVerificationMessages } from './messages';

export const it: SmsVerificationMessages = {
  identityIntro: 'Per prima cosa, conferma la tua identità.',
  phoneOwner: (mail) =>
    `Il codice arriverà al telefono registrato sull'account ${mail ? `di ${mail}` : 'del tuo indirizzo email'}.`,
  phoneDigitsLabel: 'Ultime 3 cifre del numero di telefono registrato',
  phoneDigitsHint: 'Il numero che hai registrato per il recupero della password. Il codice arriverà lì.',
  challengeLabel: (question) => `Quanto fa ${question}?`,
  phoneDigitsFormat: 'Scrivi esattamente 3 cifre.',
  identityWrong: (newQuestion) =>
    `Queste risposte non corrispondono ai nostri dati. Controllale e riprova${newQuestion ? ', con la nuova domanda qui sotto' : ''}.`,
  codeIntro: (phone, account, minutes) =>
    `Ti abbiamo inviato un SMS con un codice di 6 cifre al numero che termina con ${phone}, registrato sull'account ${account}. Vale ${minutes} minuti e si può usare una sola volta. Di solito arriva entro un minuto.`,
  codeLabel: 'Codice ricevuto via SMS',
  codeFormat: 'Il codice ha esattamente 6 cifre.',
  codeWrong: (left) => `Il codice non è corretto. ${plural('it', left, { one: 'Resta # tentativo', other: 'Restano # tentativi' })}.`,
  resendButton: 'Invia un nuovo codice',
  resent: (phone) => `Un nuovo codice sta arrivando al numero che termina con ${phone}. I codici precedenti non valgono più.`,
  resendCooldown: (seconds) => `Attendi ${seconds} secondi prima di chiedere un nuovo codice.`,
  ended: {
    noPhone: 'Il tuo account non ha un numero di telefono registrato per il recupero della password, quindi non possiamo inviarti un codice.',
    rateLimited: 'Troppi tentativi. Per sicurezza, questa funzione è sospesa per un po\u2019; riprova più tardi.',
    smsFailed: 'Non è stato possibile inviare l\'SMS. Non è stato modificato nulla. Riprova più tardi.',
    smsCountryNotAllowed: 'Il tuo numero di telefono registrato è di un paese verso cui non inviamo codici via SMS, quindi non possiamo inviarti il codice. Non è stato modificato nulla. Contatta l\'help desk.',
    codeExpired: 'Il codice è scaduto. Ricomincia con /password.',
    tooManyCodeAttempts: 'Troppi codici errati. La procedura è stata interrotta; ricomincia più tardi con /password.',
    tooManyIdentityAttempts: 'Troppe risposte errate. La procedura è stata interrotta.',
  },
};
