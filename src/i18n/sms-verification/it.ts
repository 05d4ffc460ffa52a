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
};
