import type { DateWords } from '../dates';
import type { ExpiryReminderMessages } from './messages';

const passwords = (count: number) => (count === 1 ? 'La tua password di Ateneo scadrà' : 'Le tue password di Ateneo scadranno');
const expired = (count: number) => (count === 1 ? 'La tua password di Ateneo è scaduta' : 'Le tue password di Ateneo sono scadute');

/** "il 3 dicembre", but "l'8 dicembre", "l'11", "l'1". */
const on = (date: DateWords) => ([1, 8, 11].includes(date.day) ? `l'${date.text}` : `il ${date.text}`);

export const it: ExpiryReminderMessages = {
  dmHeading: (count) => `:hourglass_flowing_sand: ${passwords(count)} a breve`,
  expiredHeading: (count) => `:warning: ${expired(count)}`,
  accountExpires: (username, date) => `*${username}*: scade ${on(date)}`,
  accountExpired: (username, date) => `*${username}*: è scaduta ${on(date)}`,
  howToChange: (count) => `${count === 1 ? 'Cambiala' : 'Cambiale'} prima di allora, altrimenti non potrai accedere. Premi *Cambia ora* (oppure scrivi \`/password change\`): la nuova password vale subito per tutti i servizi digitali di Ateneo.`,
  howToReset: 'Per accedere di nuovo, imposta una nuova password: premi *Reimposta la password* (oppure scrivi `/password reset`) e riceverai un codice sul telefono registrato.',
  changeNow: 'Cambia ora',
  resetNow: 'Reimposta la password',
  remindLater: 'Ricordamelo più tardi',
  snoozed: (date) => `:ok_hand: Te lo ricorderò di nuovo ${on(date)}.`,
  tooLateToSnooze: 'Non c\'è più tempo per un altro promemoria: cambia la password adesso.',
  reminderGone: 'Questo promemoria non è più valido. Scrivi `/password status` per vedere le tue password.',

  mail: {
    subject: (count) => `${passwords(count)} a breve`,
    expiredSubject: (count) => expired(count),
    instructions: (contact, expired) => [
      expired ? 'Come impostarne una nuova:' : 'Come cambiarla:',
      expired
        ? '- In Slack, scrivi /password reset: riceverai un codice sul telefono registrato.'
        : '- In Slack, scrivi /password change (oppure /password status per vedere quando scadono le tue password).',
      '- Oppure usa la pagina self-service di Ateneo per il cambio password: la password sarà aggiornata automaticamente per tutti gli altri servizi digitali di Ateneo.',
      'Se hai dimenticato la password, la pagina self-service può inviare un link per reimpostarla al tuo indirizzo email privato.',
      'Se hai già cambiato la password, ignora questo messaggio.',
      `Serve aiuto? Contatta ${contact}.`,
    ].join('\n'),
  },

  status: {
    heading: 'Le tue password',
    account: (username) => `*${username}*`,
    changedOn: (date) => `ultimo cambio ${on(date)}`,
    changedUnknown: 'ultimo cambio sconosciuto',
    expiresOn: (date) => `scade ${on(date)}`,
    expiredOn: (date) => `è scaduta ${on(date)}`,
    neverExpires: 'non scade',
    mustChange: 'va cambiata al prossimo accesso',
    disabled: 'l\'account è disabilitato',
    howToChange: 'Per cambiare una password che ricordi, premi *Cambia ora* (oppure scrivi `/password change`).',
    howToReset: 'Una password scaduta non funziona più: premi *Reimposta la password* (oppure scrivi `/password reset`) per impostarne una nuova con un codice inviato al telefono registrato.',
    noVerifiedEmail: 'Il tuo account Slack non ha un indirizzo email confermato, quindi non possiamo trovare il tuo account di Ateneo.',
    noAccount: 'Non abbiamo trovato alcun account di Ateneo con l\'indirizzo email del tuo profilo Slack.',
    directoryUnavailable: 'La directory degli account non è raggiungibile in questo momento. Riprova più tardi.',
  },
};
