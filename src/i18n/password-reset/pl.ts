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
    accountDisabled: 'Twoje konto jest wyłączone, więc nie można tu zresetować jego hasła.',
    rateLimited: 'Zbyt wiele prób. Dla Twojego bezpieczeństwa reset hasła jest na jakiś czas wstrzymany; spróbuj ponownie później.',
    tooManyCodeAttempts: 'Zbyt wiele błędnych kodów. Reset został przerwany; spróbuj później poleceniem /password.',
    tooManyIdentityAttempts: 'Zbyt wiele błędnych odpowiedzi. Reset został przerwany.',
    flowExpired: 'Ten reset wygasł lub został już zakończony. Zacznij od nowa poleceniem /password.',
    flowUnreadable: 'Tego resetu nie można kontynuować. Niczego nie zmieniono. Zacznij od nowa poleceniem /password.',
  },
};
