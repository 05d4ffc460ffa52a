import type { PolicyRule } from '../policy/policy';
import type { Messages } from './messages';

function rule(rule: PolicyRule): string {
  const p = rule.params ?? {};
  switch (rule.code) {
    case 'min-length': return `Almeno ${p.min} caratteri`;
    case 'max-length': return `Al massimo ${p.max} caratteri`;
    case 'uppercase': return 'Almeno una lettera maiuscola';
    case 'lowercase': return 'Almeno una lettera minuscola';
    case 'digit': return 'Almeno una cifra';
    case 'special': return `Almeno uno di questi caratteri speciali: ${p.chars}`;
    case 'no-username': return 'Non deve contenere il tuo nome utente';
    case 'no-name-parts': return 'Non deve contenere il tuo nome o cognome';
    case 'not-blocked': return 'Non deve contenere parole non ammesse (come il nome dell\'Ateneo)';
    case 'strength': return 'Difficile da indovinare: evita parole comuni, nomi, date e sequenze di tasti';
    case 'directory-complexity': return 'Caratteri di almeno tre tipi: maiuscole, minuscole, cifre, simboli';
    case 'directory-history': return `Diversa dalle tue ultime ${p.count} password`;
  }
}

export const it: Messages = {
  modalTitle: 'Reimposta password',
  continue: 'Continua',
  cancel: 'Annulla',
  close: 'Chiudi',
  loading: 'Sto cercando i tuoi account…',

  accountsIntro: 'La nuova password sarà impostata su questi account:',
  accountsSkipped: (accounts) => `Non modificati (account disabilitato): ${accounts}`,

  identityIntro: 'Per prima cosa, conferma la tua identità.',
  phoneDigitsLabel: 'Ultime 3 cifre del numero di telefono registrato',
  phoneDigitsHint: 'Il numero che hai registrato per il recupero della password. Il codice arriverà lì.',
  challengeLabel: (question) => `Quanto fa ${question}?`,
  phoneDigitsFormat: 'Scrivi esattamente 3 cifre.',
  phoneDigitsWrong: 'Queste cifre non corrispondono al numero di telefono registrato.',
  challengeWrong: 'Il risultato non è corretto. Ecco una nuova domanda.',

  codeIntro: (phone, minutes) =>
    `Ti abbiamo inviato un SMS con un codice di 6 cifre al numero che termina con ${phone}. Vale ${minutes} minuti e si può usare una sola volta. Di solito arriva entro un minuto.`,
  codeLabel: 'Codice ricevuto via SMS',
  codeFormat: 'Il codice ha esattamente 6 cifre.',
  codeWrong: (left) => `Il codice non è corretto. ${left === 1 ? 'Resta 1 tentativo' : `Restano ${left} tentativi`}.`,
  resendButton: 'Invia un nuovo codice',
  resent: (phone) => `Un nuovo codice sta arrivando al numero che termina con ${phone}. I codici precedenti non valgono più.`,
  resendCooldown: (seconds) => `Attendi ${seconds} secondi prima di chiedere un nuovo codice.`,

  newPasswordIntro: 'Scegli la nuova password. Deve avere:',
  slackCannotMask:
    ':warning: Slack non può nascondere ciò che scrivi in questo campo: assicurati che nessuno veda il tuo schermo. passdesk non conserva la password.',
  newPasswordLabel: 'Nuova password',
  confirmPasswordLabel: 'Ripeti la nuova password',
  passwordsDiffer: 'Le due password non coincidono.',
  passwordRefused: 'Questa password non rispetta queste regole:',
  retrySamePassword: 'Scrivi la stessa nuova password di prima, così tutti i tuoi account avranno la stessa.',
  rule,

  doneTitle: 'Password cambiata',
  doneChanged: (accounts) => `:white_check_mark: La tua password è stata cambiata per: ${accounts}.`,
  partialChanged: (changed, failed) =>
    `La password è stata cambiata per: ${changed}. NON è stato possibile cambiarla per: ${failed}. Invia di nuovo la stessa password per completare, oppure contatta l'help desk.`,
  defaultSuccessNotes: [
    'La nuova password vale subito sui sistemi di Ateneo; per Office 365 possono servire alcuni minuti.',
    'Questa procedura non cambia la password di SAP né del portale del personale.',
  ],

  ended: {
    noVerifiedEmail: 'Il tuo account Slack non ha un indirizzo email confermato, quindi non possiamo trovare il tuo account di Ateneo.',
    noAccount: 'Non abbiamo trovato alcun account di Ateneo con l\'indirizzo email del tuo profilo Slack.',
    noPhone: 'Il tuo account non ha un numero di telefono registrato per il recupero della password, quindi non possiamo inviarti un codice.',
    accountDisabled: 'Il tuo account è disabilitato, quindi la sua password non può essere reimpostata qui.',
    rateLimited: 'Troppi tentativi. Per la tua sicurezza, la reimpostazione è sospesa per un po\'.',
    directoryUnavailable: 'Il servizio account non è raggiungibile in questo momento. Non è stato modificato nulla. Riprova più tardi.',
    smsFailed: 'Non è stato possibile inviare l\'SMS. Non è stato modificato nulla. Riprova più tardi.',
    codeExpired: 'Il codice è scaduto. Ricomincia con /password.',
    tooManyCodeAttempts: 'Troppi codici errati. La procedura è stata interrotta; ricomincia più tardi con /password.',
    tooManyIdentityAttempts: 'Troppe risposte errate. La procedura è stata interrotta.',
    flowExpired: 'Questa procedura è scaduta o è già terminata. Ricomincia con /password.',
    alreadyInProgress: 'La richiesta precedente è ancora in corso. Attendi un momento e riprova.',
    unexpected: 'Si è verificato un problema da parte nostra. Non è stato modificato nulla. Riprova più tardi.',
  },
  helpdeskHint: (contact) => `Se ti serve aiuto, contatta ${contact}.`,

  triggerExpired: 'La finestra della password ha impiegato troppo ad aprirsi. Esegui di nuovo /password.',
  working: 'Un momento…',

  smsBody: (code, minutes) => `Codice per reimpostare la password: ${code}. Valido ${minutes} minuti. Non comunicarlo a nessuno, nemmeno al personale IT.`,
  directoryRefused: 'Il servizio account ha rifiutato questa password:',
  directoryReason: (reason) => ({
    'too-short': 'È più corta di quanto consentito.',
    complexity: 'Non rispetta le regole di complessità.',
    'in-history': 'È stata usata di recente; scegline una che non hai mai usato.',
    'too-young': 'La password è stata cambiata da troppo poco tempo; riprova più tardi.',
    other: 'Non rispetta le regole sulle password.',
  })[reason],
  accountsChanged: 'Uno dei tuoi account è stato rimosso o disabilitato nel frattempo, quindi non è stato modificato nulla. Contatta l\'help desk.',
  directoryUnavailableInline: 'Il servizio account non è raggiungibile in questo momento. Non è stato modificato nulla. Riprova tra poco.',

  changedNotice: {
    subject: 'La tua password di Ateneo è stata cambiata',
    text: (accounts, when, contact) =>
      `La tua password è stata cambiata per: ${accounts}, il ${when} (UTC), tramite passdesk in Slack.\n\nSe non sei stato tu, contatta subito ${contact}.`,
  },
};
