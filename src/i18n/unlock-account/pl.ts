import type { UnlockAccountMessages } from './messages';

export const pl: UnlockAccountMessages = {
  modalTitle: 'Odblokowanie konta',
  loading: 'Szukamy Twoich kont…',
  accountsIntro: 'Te konta są zablokowane po zbyt wielu próbach z błędnym hasłem i zostaną odblokowane:',
  accountsSkipped: (accounts) => `Wyłączone, więc nie można ich tu odblokować: ${accounts}`,
  doneTitle: 'Konto odblokowane',
  unlocked: (accounts) => `:white_check_mark: Odblokowane: ${accounts}.`,
  notLocked: (accounts) => `Już nie były zablokowane, więc nic nie zostało zmienione: ${accounts}.`,
  disabled: (accounts) => `Wyłączone, więc nie zostały odblokowane (zapytaj help desk): ${accounts}.`,
  failed: (accounts) => `NIE udało się teraz odblokować (nadal zablokowane): ${accounts}. Spróbuj ponownie później lub skontaktuj się z help deskiem.`,
  passwordUnchanged: 'Twoje hasło się nie zmieniło: zaloguj się nim. Jeśli go nie pamiętasz, użyj „Nie pamiętam hasła” w /password.',
  triggerExpired: 'Okno otwierało się zbyt długo. Uruchom ponownie /password unlock.',
  smsBody: (code, minutes) => `Kod do odblokowania konta: ${code}. Wazny ${minutes} min. Nie przekazuj go nikomu, nawet pracownikom IT.`,
  ended: {
    accountDisabled: 'Twoje konto jest wyłączone, więc nie można go tu odblokować. Skontaktuj się z help deskiem.',
    notLocked: 'Twoje konto nie jest zablokowane, więc nic nie zostało zmienione. Jeśli nie możesz się zalogować, być może hasło jest błędne: użyj „Nie pamiętam hasła” w /password.',
  },
};
