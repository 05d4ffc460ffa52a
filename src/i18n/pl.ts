import type { PolicyRule } from '../policy/policy';
import type { Messages } from './messages';

function rule(rule: PolicyRule): string {
  const p = rule.params ?? {};
  switch (rule.code) {
    case 'min-length': return `Co najmniej ${p.min} znaków`;
    case 'max-length': return `Co najwyżej ${p.max} znaków`;
    case 'uppercase': return 'Co najmniej jedna duża litera';
    case 'lowercase': return 'Co najmniej jedna mała litera';
    case 'digit': return 'Co najmniej jedna cyfra';
    case 'special': return `Co najmniej jeden ze znaków specjalnych: ${p.chars}`;
    case 'no-username': return 'Nie może zawierać nazwy użytkownika';
    case 'no-name-parts': return 'Nie może zawierać imienia ani nazwiska';
    case 'not-blocked': return 'Nie może zawierać niedozwolonych słów (np. nazwy uczelni)';
    case 'strength': return 'Trudne do odgadnięcia: unikaj popularnych słów, imion, dat i układów klawiszy';
    case 'directory-complexity': return 'Znaki co najmniej trzech rodzajów: duże litery, małe litery, cyfry, symbole';
    case 'directory-history': return `Inne niż ${p.count} ostatnich haseł`;
  }
}

function attempts(left: number): string {
  if (left === 1) return 'Została 1 próba';
  const lastDigit = left % 10;
  const teen = left % 100 >= 12 && left % 100 <= 14;
  return lastDigit >= 2 && lastDigit <= 4 && !teen ? `Zostały ${left} próby` : `Zostało ${left} prób`;
}

export const pl: Messages = {
  modalTitle: 'Reset hasła',
  continue: 'Dalej',
  cancel: 'Anuluj',
  close: 'Zamknij',
  loading: 'Szukam Twoich kont…',

  accountsIntro: 'Nowe hasło zostanie ustawione na tych kontach:',
  accountsSkipped: (accounts) => `Bez zmian (konto zablokowane): ${accounts}`,

  identityIntro: 'Najpierw potwierdź swoją tożsamość.',
  phoneDigitsLabel: 'Trzy ostatnie cyfry zdefiniowanego numeru telefonu',
  phoneDigitsHint: 'Numer zdefiniowany w systemie do odzyskiwania hasła. Na niego wyślemy kod.',
  challengeLabel: (question) => `Ile to jest ${question}?`,
  phoneDigitsFormat: 'Wpisz dokładnie 3 cyfry.',
  phoneDigitsWrong: 'Te cyfry nie pasują do zdefiniowanego numeru telefonu.',
  challengeWrong: 'To nie jest poprawny wynik. Oto nowe działanie.',

  codeIntro: (phone, minutes) =>
    `Wysłaliśmy SMS z 6-cyfrowym kodem na numer kończący się na ${phone}. Kod jest ważny ${minutes} minut i można go użyć raz. Wiadomość dociera zwykle w ciągu kilkunastu do kilkudziesięciu sekund.`,
  codeLabel: 'Kod z SMS-a',
  codeFormat: 'Kod ma dokładnie 6 cyfr.',
  codeWrong: (left) => `Kod jest niepoprawny. ${attempts(left)}.`,
  resendButton: 'Wyślij nowy kod',
  resent: (phone) => `Nowy kod jest w drodze na numer kończący się na ${phone}. Wcześniejsze kody już nie działają.`,
  resendCooldown: (seconds) => `Poczekaj ${seconds} s, zanim poprosisz o nowy kod.`,

  newPasswordIntro: 'Wybierz nowe hasło. Musi mieć:',
  slackCannotMask:
    ':warning: Slack nie potrafi ukryć tego, co wpisujesz w tym polu: upewnij się, że nikt nie widzi Twojego ekranu. passdesk nie przechowuje hasła.',
  newPasswordLabel: 'Nowe hasło',
  confirmPasswordLabel: 'Powtórz nowe hasło',
  passwordsDiffer: 'Hasła nie są takie same.',
  passwordRefused: 'To hasło nie spełnia tych wymagań:',
  retrySamePassword: 'Wpisz to samo nowe hasło co poprzednio, aby wszystkie Twoje konta miały jednakowe hasło.',
  rule,

  doneTitle: 'Hasło zmienione',
  doneChanged: (accounts) => `:white_check_mark: Hasło zostało zmienione dla: ${accounts}.`,
  partialChanged: (changed, failed) =>
    `Hasło zostało zmienione dla: ${changed}. NIE udało się go zmienić dla: ${failed}. Wyślij to samo hasło ponownie, aby dokończyć, lub skontaktuj się z pomocą techniczną.`,
  defaultSuccessNotes: [
    'Nowe hasło obowiązuje od razu w systemach lokalnych uczelni; jego propagacja do usługi Office 365 może zająć kilka minut.',
    'Ta procedura nie zmienia hasła do systemu SAP ani do portalu pracowniczego.',
  ],

  ended: {
    noVerifiedEmail: 'Twoje konto Slack nie ma potwierdzonego adresu e-mail, więc nie możemy znaleźć Twojego konta uczelnianego.',
    noAccount: 'Nie znaleźliśmy konta uczelnianego z adresem e-mail z Twojego profilu Slack.',
    noPhone: 'Na Twoim koncie nie zdefiniowano numeru telefonu do odzyskiwania hasła, więc nie możemy wysłać kodu.',
    accountDisabled: 'Twoje konto jest zablokowane, więc nie można tu zresetować jego hasła.',
    rateLimited: 'Zbyt wiele prób. Dla Twojego bezpieczeństwa reset hasła jest na jakiś czas wstrzymany.',
    directoryUnavailable: 'Katalog kont jest teraz niedostępny. Niczego nie zmieniono. Spróbuj ponownie później.',
    smsFailed: 'Nie udało się wysłać SMS-a. Niczego nie zmieniono. Spróbuj ponownie później.',
    codeExpired: 'Kod wygasł. Zacznij od nowa poleceniem /password.',
    tooManyCodeAttempts: 'Zbyt wiele błędnych kodów. Reset został przerwany; spróbuj później poleceniem /password.',
    tooManyIdentityAttempts: 'Zbyt wiele błędnych odpowiedzi. Reset został przerwany.',
    flowExpired: 'Ten reset wygasł lub został już zakończony. Zacznij od nowa poleceniem /password.',
    alreadyInProgress: 'Poprzednie zgłoszenie jest jeszcze przetwarzane. Poczekaj chwilę i spróbuj ponownie.',
    unexpected: 'Wystąpił błąd po naszej stronie. Niczego nie zmieniono. Spróbuj ponownie później.',
  },
  helpdeskHint: (contact) => `Jeśli potrzebujesz pomocy, skontaktuj się z: ${contact}.`,

  triggerExpired: 'Okno zmiany hasła otwierało się zbyt długo. Uruchom /password ponownie.',
  working: 'Chwileczkę…',

  smsBody: (code, minutes) => `Kod do zmiany hasla: ${code}. Wazny ${minutes} min. Nie przekazuj go nikomu, nawet pracownikom IT.`,
  directoryRefused: 'Katalog kont odrzucił to hasło:',
  directoryReason: (reason) => ({
    'too-short': 'Jest krótsze, niż pozwala katalog.',
    complexity: 'Nie spełnia wymogów złożoności.',
    'in-history': 'Było niedawno używane; wybierz hasło, którego jeszcze nie używałeś.',
    'too-young': 'Hasło zmieniono zbyt niedawno, aby zmienić je ponownie; spróbuj później.',
    other: 'Nie spełnia zasad dotyczących haseł.',
  })[reason],
  accountsChanged: 'Jedno z Twoich kont zostało w międzyczasie usunięte lub zablokowane, więc niczego nie zmieniono. Skontaktuj się z pomocą techniczną.',
  directoryUnavailableInline: 'Katalog kont jest teraz niedostępny. Niczego nie zmieniono. Spróbuj ponownie za chwilę.',

  changedNotice: {
    subject: 'Twoje hasło uczelniane zostało zmienione',
    text: (accounts, when, contact) =>
      `Hasło zostało zmienione dla: ${accounts}, ${when} (UTC), przez passdesk w Slacku.\n\nJeśli to nie Ty, natychmiast skontaktuj się z: ${contact}.`,
  },
};
