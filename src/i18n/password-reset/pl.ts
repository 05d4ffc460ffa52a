import type { PasswordResetMessages } from './messages';

export const pl: PasswordResetMessages = {
  modalTitle: 'Reset hasła',
  loading: 'Szukam Twoich kont…',
  accountsIntro: 'Nowe hasło zostanie ustawione na tych kontach:',
  accountsSkipped: (accounts) => `Bez zmian (konto wyłączone): ${accounts}`,
  newPasswordIntro: 'Wybierz nowe hasło. Musi mieć:',
  retrySamePassword: 'Wpisz to samo nowe hasło co poprzednio, aby wszystkie Twoje konta miały jednakowe hasło.',
  doneTitle: 'Hasło zmienione',
  doneChanged: (accounts) => `:white_check_mark: Hasło zostało zmienione dla: ${accounts}.`,
  partialChanged: (changed, failed) =>
    `Hasło zostało zmienione dla: ${changed}. NIE udało się go zmienić dla: ${failed}. Wyślij to samo hasło ponownie, aby dokończyć, lub skontaktuj się z pomocą techniczną.`,
  doneIncomplete: (changed, notChanged) =>
    `Hasło zostało zmienione dla: ${changed}. NIE udało się go zmienić dla: ${notChanged}. Skontaktuj się z pomocą techniczną, aby dokończyć.`,
  triggerExpired: 'Okno zmiany hasła otwierało się zbyt długo. Uruchom /password ponownie.',
  smsBody: (code, minutes) => `Kod do zmiany hasla: ${code}. Wazny ${minutes} min. Nie przekazuj go nikomu, nawet pracownikom IT.`,
  accountsChanged: 'Jedno z Twoich kont zostało w międzyczasie usunięte lub wyłączone, więc niczego nie zmieniono. Skontaktuj się z pomocą techniczną.',
  ended: {
    noVerifiedEmail: 'Twoje konto Slack nie ma potwierdzonego adresu e-mail, więc nie możemy znaleźć Twojego konta uczelnianego.',
    noAccount: 'Nie znaleźliśmy konta uczelnianego z adresem e-mail z Twojego profilu Slack.',
    ambiguousMail: 'Twój adres e-mail należy w katalogu uczelni do więcej niż jednej osoby, więc nie możemy ustalić, które konto jest Twoje. Niczego nie wysłano ani nie zmieniono. Skontaktuj się z pomocą techniczną, aby poprawić dane.',
    noPhone: 'Na Twoim koncie nie zdefiniowano numeru telefonu do odzyskiwania hasła, więc nie możemy wysłać kodu.',
    accountDisabled: 'Twoje konto jest wyłączone, więc nie można tu zresetować jego hasła.',
    rateLimited: 'Zbyt wiele prób. Dla Twojego bezpieczeństwa reset hasła jest na jakiś czas wstrzymany; spróbuj ponownie później.',
    directoryUnavailable: 'Katalog kont jest teraz niedostępny. Niczego nie zmieniono. Spróbuj ponownie później.',
    smsFailed: 'Nie udało się wysłać SMS-a. Niczego nie zmieniono. Spróbuj ponownie później.',
    smsCountryNotAllowed: 'Numer telefonu zdefiniowany w systemie należy do kraju, do którego nie wysyłamy kodów SMS, więc nie możemy wysłać Ci kodu. Niczego nie zmieniono. Skontaktuj się z pomocą techniczną.',
    codeExpired: 'Kod wygasł. Zacznij od nowa poleceniem /password.',
    tooManyCodeAttempts: 'Zbyt wiele błędnych kodów. Reset został przerwany; spróbuj później poleceniem /password.',
    tooManyIdentityAttempts: 'Zbyt wiele błędnych odpowiedzi. Reset został przerwany.',
    flowExpired: 'Ten reset wygasł lub został już zakończony. Zacznij od nowa poleceniem /password.',
    flowUnreadable: 'Tego resetu nie można kontynuować. Niczego nie zmieniono. Zacznij od nowa poleceniem /password.',
  },
};
