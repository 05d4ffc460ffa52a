import type { MenuMessages } from './messages';

export const pl: MenuMessages = {
  modalTitle: 'Pomoc z hasłem',
  intro: 'Co chcesz zrobić?',
  entries: {
    forgotPassword: { button: 'Nie pamiętam hasła', explain: 'Ustaw nowe hasło po podaniu kodu wysłanego SMS-em na zdefiniowany numer telefonu.' },
    changePassword: { button: 'Zmień hasło', explain: 'Znasz obecne hasło i chcesz nowe (także po haśle tymczasowym z help desku).' },
    forgotUsername: { button: 'Nie pamiętam loginu', explain: 'Zobacz loginy swoich kont uczelnianych.' },
    unlockAccount: { button: 'Odblokuj konto', explain: 'Twoje konto zostało zablokowane po zbyt wielu próbach z błędnym hasłem: odblokuj je kodem wysłanym SMS-em.' },
    serviceAccount: { button: 'Zarządzaj kontem serwisowym', explain: 'Ustaw nowe hasło konta serwisowego (bezosobowego), za które odpowiadasz.' },
  },
  triggerExpired: 'Okno hasła otwierało się zbyt długo. Uruchom ponownie /password.',
};
