import type { ForgotUsernameMessages } from './messages';

const KINDS = { staff: 'konto pracownicze', student: 'konto studenckie', service: 'konto serwisowe, za które odpowiadasz' };

export const pl: ForgotUsernameMessages = {
  modalTitle: 'Twoje loginy',
  loading: 'Szukamy Twoich kont…',
  intro: 'Oto loginy Twoich kont uczelnianych:',
  account: (username, kind, principalName) =>
    `*${username}*${kind ? ` — ${KINDS[kind]}` : ''}${principalName ? ` (do usług Microsoft logujesz się jako ${principalName})` : ''}`,
  disabled: (accounts) => `Wyłączone, więc nie można z nich korzystać (zapytaj help desk): ${accounts}`,
  hint: 'Nie pamiętasz też hasła? Użyj „Nie pamiętam hasła” w /password.',
  triggerExpired: 'Okno otwierało się zbyt długo. Uruchom ponownie /password username.',
  ended: {
    accountDisabled: 'Twoje konto jest wyłączone. Skontaktuj się z help deskiem.',
    directoryUnavailable: 'Katalog kont jest w tej chwili niedostępny. Spróbuj ponownie później.',
    rateLimited: 'Twoje loginy były ostatnio sprawdzane zbyt wiele razy. Dla bezpieczeństwa ta funkcja jest na jakiś czas wstrzymana; spróbuj ponownie później.',
  },
};
