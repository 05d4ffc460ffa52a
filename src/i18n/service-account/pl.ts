import type { ServiceAccountMessages } from './messages';

export const pl: ServiceAccountMessages = {
  modalTitle: 'Konto serwisowe',
  loading: 'Szukamy kont serwisowych, za które odpowiadasz…',
  accountsIntro: 'Odpowiadasz za te konta serwisowe:',
  accountsSkipped: (accounts) => `Wyłączone, więc nie można tu ustawić ich hasła: ${accounts}`,
  serviceLabel: 'Konto serwisowe',
  newPasswordIntro: 'Nowe hasło konta serwisowego musi mieć:',
  noneChosen: 'Wybierz jedno ze swoich kont serwisowych.',
  notOwned: 'Katalog nie wskazuje już Ciebie jako odpowiedzialnego za to konto (albo zostało wyłączone), więc nic nie zostało zmienione.',
  doneTitle: 'Hasło ustawione',
  doneChanged: (account) => `:white_check_mark: Hasło konta serwisowego ${account} zostało ustawione. Przekaż je tylko osobom obsługującym usługę.`,
  triggerExpired: 'Okno otwierało się zbyt długo. Uruchom ponownie /password.',
  smsBody: (code, minutes) => `Kod do ustawienia hasla konta serwisowego: ${code}. Wazny ${minutes} min. Nie przekazuj go nikomu, nawet pracownikom IT.`,
  ended: {
    accountDisabled: 'Twoje konto (lub konto serwisowe) jest wyłączone, więc nie można tu ustawić hasła.',
    noServiceAccounts: 'Katalog nie wskazuje żadnego konta serwisowego, za które odpowiadasz.',
  },
};
