import type { PolicyRule } from '../../policy/policy';
import type { CommonMessages } from './messages';

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

export const it: CommonMessages = {
  continue: 'Continua',
  cancel: 'Annulla',
  close: 'Chiudi',
  working: 'Un momento…',
  defaultHelpdeskContact: 'l\u2019help desk informatico',
  helpdeskHint: (contact) => `Se ti serve aiuto, contatta ${contact}.`,
  rule,
  slackCannotMask:
    ':warning: Slack non può nascondere ciò che scrivi in questo campo: assicurati che nessuno veda il tuo schermo. passdesk non conserva la password.',
  newPasswordLabel: 'Nuova password',
  confirmPasswordLabel: 'Ripeti la nuova password',
  passwordsDiffer: 'Le due password non coincidono.',
  passwordRefused: 'Questa password non rispetta queste regole:',
  directoryRefused: 'La directory degli account ha rifiutato questa password:',
  directoryReason: (reason) => ({
    'too-short': 'È più corta di quanto consentito.',
    complexity: 'Non rispetta le regole di complessità.',
    'in-history': 'È stata usata di recente; scegline una che non hai mai usato.',
    'too-young': 'La password è stata cambiata da troppo poco tempo; riprova più tardi.',
    other: 'Non rispetta le regole sulle password.',
  })[reason],
  directoryUnavailableInline: 'La directory degli account non è raggiungibile in questo momento. Non è stato modificato nulla. Riprova tra poco.',
  defaultSuccessNotes: [
    'La nuova password vale subito sui sistemi di Ateneo; per Office 365 possono servire alcuni minuti.',
    'Questa procedura non cambia la password di SAP né del portale del personale.',
  ],
  changedNotice: {
    subject: 'La tua password di Ateneo è stata cambiata',
    text: (accounts, when, contact) =>
      `La tua password è stata cambiata per: ${accounts}, il ${when} (UTC), tramite passdesk in Slack.\n\nSe non hai fatto tu questo cambio, contatta subito ${contact}.`,
    notChanged: (accounts) => `NON è stata cambiata per: ${accounts}. Per ora questi account mantengono la password precedente.`,
    notMeButton: 'Non ero io',
  },
  notMe: {
    reply: (contact) =>
      `Grazie per la segnalazione. Chiama subito ${contact}, che può bloccare l\'account e aiutarti a riprenderne il controllo. Non rispondere a messaggi che chiedono la tua password o un codice. Questo pulsante non ha cambiato nulla sul tuo account.`,
    alreadyReported: (contact) => `Hai già segnalato questo cambio; l\u2019help desk è stato avvisato. Se nessuno ti ha richiamato, chiama ${contact}.`,
    unknownNotice: (contact) => `Non possiamo più stabilire di quale cambio si tratti, ma prendilo sul serio: chiama subito ${contact}. Sul tuo account non è stato cambiato nulla.`,
    alert: (person, accounts, when, via) =>
      `:rotating_light: *Cambio password non riconosciuto dal titolare* · persona: ${person} · account: ${accounts} · cambiata: ${when} UTC (${via}) · richiamala e controlla gli account. passdesk non ha cambiato nulla.`,
    via: { reset: 'password dimenticata, codice SMS', change: 'cambio di una password nota', 'service-account': 'account di servizio reimpostato dal responsabile', 'help-desk': 'password temporanea dell\u2019help desk' },
  },
  ended: {
    noVerifiedEmail: 'Il tuo account Slack non ha un indirizzo email confermato, quindi non possiamo trovare il tuo account di Ateneo.',
    noAccount: 'Non abbiamo trovato alcun account di Ateneo con l\'indirizzo email del tuo profilo Slack.',
    ambiguousMail: 'Il tuo indirizzo email risulta associato a più di una persona nell\'anagrafica di Ateneo, quindi non possiamo stabilire quale account sia il tuo. Non è stato inviato né modificato nulla. Contatta l\'help desk per far correggere i dati.',
    directoryUnavailable: 'La directory degli account non è raggiungibile in questo momento. Non è stato modificato nulla. Riprova più tardi.',
    flowExpired: 'La procedura è scaduta o è già stata completata. Ricomincia con /password.',
    flowUnreadable: 'La procedura non può proseguire. Non è stato cambiato nulla. Ricomincia con /password.',
    alreadyInProgress: 'La richiesta precedente è ancora in corso. Attendi un momento e riprova.',
    unexpected: 'Si è verificato un problema da parte nostra. Non è stato modificato nulla. Riprova più tardi.',
  },
};
