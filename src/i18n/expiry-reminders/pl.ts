import type { ExpiryReminderMessages } from './messages';

const expires = (count: number) => (count === 1 ? 'Twoje hasło uczelniane wkrótce wygaśnie' : 'Twoje hasła uczelniane wkrótce wygasną');
const expired = (count: number) => (count === 1 ? 'Twoje hasło uczelniane wygasło' : 'Twoje hasła uczelniane wygasły');

export const pl: ExpiryReminderMessages = {
  dmHeading: (count) => `:hourglass_flowing_sand: ${expires(count)}`,
  expiredHeading: (count) => `:warning: ${expired(count)}`,
  accountExpires: (username, date) => `*${username}*: wygasa ${date.text}`,
  accountExpired: (username, date) => `*${username}*: wygasło ${date.text}`,
  // "je" is both "it" (hasło) and "them" (hasła).
  howToChange: () => 'Zmień je przed tym terminem, inaczej nie będzie można się zalogować. Naciśnij *Zmień teraz* (lub wpisz `/password change`): nowe hasło od razu działa we wszystkich usługach uczelni.',
  howToReset: 'Aby znów się zalogować, ustaw nowe hasło: naciśnij *Ustaw nowe hasło* (lub wpisz `/password reset`), a kod zostanie wysłany na zarejestrowany telefon.',
  changeNow: 'Zmień teraz',
  resetNow: 'Ustaw nowe hasło',
  remindLater: 'Przypomnij mi później',
  snoozed: (date) => `:ok_hand: Przypomnę ponownie ${date.text}.`,
  tooLateToSnooze: 'Nie ma już czasu na kolejne przypomnienie: zmień hasło teraz.',
  reminderGone: 'To przypomnienie jest już nieaktualne. Wpisz `/password status`, aby zobaczyć swoje hasła.',

  mail: {
    subject: (count) => expires(count),
    expiredSubject: (count) => expired(count),
    instructions: (contact, expired) => [
      expired ? 'Jak ustawić nowe:' : 'Jak je zmienić:',
      expired
        ? '- W Slacku wpisz /password reset: kod zostanie wysłany na zarejestrowany telefon.'
        : '- W Slacku wpisz /password change (lub /password status, aby zobaczyć, kiedy wygasają Twoje hasła).',
      '- Albo skorzystaj z uczelnianej strony samoobsługowej zmiany hasła: nowe hasło zostanie automatycznie ustawione we wszystkich usługach uczelni.',
      'Jeśli nie pamiętasz hasła, strona samoobsługowa może wysłać link do jego zresetowania na Twój prywatny adres e-mail.',
      'Jeśli hasło zostało już zmienione, zignoruj tę wiadomość.',
      `Potrzebujesz pomocy? Skontaktuj się z: ${contact}.`,
    ].join('\n'),
  },

  status: {
    heading: 'Twoje hasła',
    account: (username) => `*${username}*`,
    changedOn: (date) => `ostatnia zmiana ${date.text}`,
    changedUnknown: 'data ostatniej zmiany nieznana',
    expiresOn: (date) => `wygasa ${date.text}`,
    expiredOn: (date) => `wygasło ${date.text}`,
    neverExpires: 'nie wygasa',
    mustChange: 'trzeba je zmienić przy następnym logowaniu',
    disabled: 'konto jest wyłączone',
    howToChange: 'Aby zmienić hasło, które pamiętasz, naciśnij *Zmień teraz* (lub wpisz `/password change`).',
    howToReset: 'Wygasłe hasło już nie działa: naciśnij *Ustaw nowe hasło* (lub wpisz `/password reset`), aby ustawić nowe za pomocą kodu wysłanego na zarejestrowany telefon.',
    noVerifiedEmail: 'Twoje konto Slack nie ma potwierdzonego adresu e-mail, więc nie możemy znaleźć Twojego konta uczelnianego.',
    noAccount: 'Nie znaleźliśmy konta uczelnianego z adresem e-mail z Twojego profilu Slack.',
    directoryUnavailable: 'Katalog kont jest teraz niedostępny. Spróbuj ponownie później.',
  },
};
