import { plural } from '../plural';
import type { ChangePasswordMessages } from './messages';

export const pl: ChangePasswordMessages = {
  modalTitle: 'Zmiana hasła',
  loading: 'Szukamy Twoich kont…',
  intro: 'Wpisz obecne hasło i wybierz nowe. Zostanie zmienione na zaznaczonych kontach.',
  accountsLabel: 'Konta do zmiany',
  accountOption: (username, principalName) => (principalName ? `${username} (${principalName})` : username),
  accountsSkipped: (accounts) => `Bez zmian (konto jest wyłączone): ${accounts}`,
  currentLabel: 'Obecne hasło',
  currentForLabel: (username) => `Obecne hasło konta ${username}, jeśli inne`,
  currentForHint: 'Zostaw puste, jeśli to konto ma to samo obecne hasło co wyżej.',
  newPasswordIntro: 'Nowe hasło musi mieć:',
  noneChosen: 'Zaznacz co najmniej jedno konto.',
  currentMissing: 'Wpisz obecne hasło.',
  wrongCurrent: (accounts, left) =>
    `Obecne hasło jest niepoprawne dla: ${accounts}. ${plural('pl', left, { one: 'Po # kolejnej błędnej próbie', few: 'Po # kolejnych błędnych próbach', many: 'Po # kolejnych błędnych próbach', other: 'Po # kolejnych błędnych próbach' })} passdesk przez godzinę przestanie o nie pytać, żeby Twoje konto nie zostało zablokowane.`,
  stopped: (accounts) =>
    `Zbyt wiele błędnych obecnych haseł dla: ${accounts}. Żeby konto nie zostało zablokowane, passdesk przez najbliższą godzinę nie będzie sprawdzać jego hasła. Jeśli go nie pamiętasz, użyj „Nie pamiętam hasła” w /password.`,
  cannotCheckSafely: (accounts) =>
    `passdesk nie może bezpiecznie sprawdzić obecnego hasła dla: ${accounts}. Zasady konta blokują je już po jednej lub dwóch błędnych próbach, więc passdesk nawet nie próbuje. Użyj „Nie pamiętam hasła” w /password (reset z kodem SMS) albo skontaktuj się z help deskiem.`,
  locked: (accounts) => `Konto zablokowane po zbyt wielu próbach z błędnym hasłem: ${accounts}. Użyj „Odblokuj konto” w /password.`,
  expired: (accounts) => `Hasło wygasło dla: ${accounts}. Użyj „Nie pamiętam hasła” w /password, aby ustawić nowe.`,
  retrySamePassword: 'Wpisz to samo nowe hasło co poprzednio, aby wszystkie Twoje konta miały takie samo.',
  accountsChanged: 'Jedno z Twoich kont zostało w międzyczasie usunięte lub wyłączone, więc nic nie zostało zmienione. Skontaktuj się z help deskiem.',
  partialChanged: (changed, failed) =>
    `Hasło zostało zmienione dla: ${changed}. NIE udało się go zmienić dla: ${failed}. Wyślij ponownie to samo nowe hasło, aby dokończyć, albo skontaktuj się z help deskiem.`,
  doneTitle: 'Hasło zmienione',
  doneChanged: (accounts) => `:white_check_mark: Hasło zostało zmienione dla: ${accounts}.`,
  triggerExpired: 'Okno zmiany hasła otwierało się zbyt długo. Uruchom ponownie /password change.',
  ended: {
    accountDisabled: 'Twoje konto jest wyłączone, więc nie można tu zmienić jego hasła.',
    flowExpired: 'Ta zmiana wygasła lub została już zakończona. Zacznij od nowa poleceniem /password.',
    flowUnreadable: 'Tej zmiany nie można kontynuować. Nic nie zostało zmienione. Zacznij od nowa poleceniem /password.',
    rateLimited: 'Zmiana hasła była ostatnio rozpoczynana zbyt wiele razy. Dla bezpieczeństwa jest na jakiś czas wstrzymana; spróbuj ponownie później. Nic nie zostało zmienione.',
  },
};
