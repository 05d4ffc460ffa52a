import type { TemporaryPasswordMessages } from './messages';

/** 1 próba, 2–4 próby (but 12–14 prób), 5+ prób. */
function tries(count: number): string {
  const lastTwo = count % 100;
  const last = count % 10;
  if (count === 1) return 'została 1 próba';
  if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) return `zostały ${count} próby`;
  return `zostało ${count} prób`;
}

export const pl: TemporaryPasswordMessages = {
  modalTitle: 'Hasło tymczasowe',
  loading: 'Sprawdzanie…',

  findIntro: 'Czyje hasło? Wybierz osobę w Slacku albo wpisz jej nazwę użytkownika lub e-mail.',
  personLabel: 'Osoba w Slacku',
  queryLabel: 'Albo nazwa użytkownika lub e-mail',
  queryHint: 'Na przykład jkowalski albo jan.kowalski@uni.example',
  findSubmit: 'Szukaj',
  findEmpty: 'Wybierz osobę w Slacku albo wpisz nazwę użytkownika lub e-mail.',
  findNone: (query) => `Nie znaleziono konta dla ${query}.`,
  noSlackEmail: 'Ta osoba nie ma potwierdzonego adresu e-mail w Slacku, więc nie znajdziemy jej kont. Wpisz zamiast tego nazwę użytkownika.',

  accountsFound: 'Znalezione konta:',
  state: {
    disabled: 'wyłączone',
    locked: 'zablokowane',
    mustChange: 'musi zmienić hasło',
    phone: 'telefon zarejestrowany',
    noPhone: 'brak zarejestrowanego telefonu',
    changedOn: (date) => `hasło ustawione ${date}`,
    changedUnknown: 'data hasła nieznana',
    expiresOn: (date) => `wygasa ${date}`,
    neverExpires: 'nie wygasa',
  },
  protectedBecause: {
    serviceAccount: 'to konto usługowe passdesk',
    adminCount: 'to konto administracyjne (adminCount)',
    group: (group) => `należy do chronionej grupy ${group}`,
  },
  cannotReset: 'Help desk nie może ustawić hasła na tym koncie:',

  accountsLabel: 'Ustaw hasło tymczasowe na',
  verificationLabel: 'Jak zweryfikowano osobę dzwoniącą?',
  verification: {
    inPerson: 'Sprawdzono dokument tożsamości osobiście',
    callBack: 'Oddzwoniono na zarejestrowany telefon',
    smsCode: 'Kod wysłany SMS-em, odczytany przez dzwoniącego',
  },
  ticketLabel: 'Numer zgłoszenia',
  ticketHint: 'Tylko litery, cyfry i - _ / # . :',
  deliveryLabel: 'Jak osoba otrzyma hasło?',
  delivery: {
    show: 'Pokaż mi je raz, tutaj, do podyktowania',
    sms: 'SMS na zarejestrowany telefon',
    dm: 'Wiadomość bezpośrednia w Slacku do tej osoby',
  },
  unlockLabel: 'Zablokowane konta',
  unlockOption: 'Odblokuj też zablokowane konta',
  chooseSubmit: 'Dalej',
  errors: {
    noAccountChosen: 'Wybierz co najmniej jedno konto.',
    noVerification: 'Wybierz, jak zweryfikowano osobę dzwoniącą.',
    noDelivery: 'Wybierz, jak osoba otrzyma hasło.',
    ticket: (max) => `Najwyżej ${max} znaków: litery, cyfry i - _ / # . :`,
    needsPhone: 'Na tych kontach nie ma zarejestrowanego telefonu.',
    needsSlackUser: 'Nie znamy konta Slack tej osoby.',
    smsCountryNotAllowed: 'SMS-y do kraju tego numeru nie są tu dozwolone (SMS_ALLOWED_COUNTRIES). Wybierz inny sposób.',
  },

  callBackIntro: (phone) =>
    `Oddzwoń do tej osoby na numer zarejestrowany na jej koncie: *${phone}*. Kontynuuj tylko, jeśli odbierze i potwierdzi prośbę.`,
  callBackSubmit: 'Potwierdziła',

  codeIntro: (phone, minutes) =>
    `6-cyfrowy kod został wysłany SMS-em na numer kończący się na ${phone}. Poproś dzwoniącego, aby go odczytał. Kod jest ważny ${minutes} minut.`,
  codeLabel: 'Kod odczytany przez dzwoniącego',
  codeSubmit: 'Sprawdź kod',
  codeFormat: 'Kod ma dokładnie 6 cyfr.',
  codeWrong: (left) => `Kod jest nieprawidłowy. ${tries(left).replace(/^./, (c) => c.toUpperCase())}.`,

  doneTitle: 'Hasło ustawione',
  doneSet: (accounts) => `:white_check_mark: Ustawiono hasło tymczasowe na: ${accounts}.`,
  shownOnce: 'Podyktuj je teraz. Jest pokazane tylko ten jeden raz: po zamknięciu tego okna nikt już go nie zobaczy.',
  readAloud: (separator) => `Każde słowo zaczyna się wielką literą; części łączy „${separator}”; na końcu są dwie cyfry.`,
  sentBySms: (phone) => `Wysłano je SMS-em na numer kończący się na ${phone}.`,
  sentByDm: 'Wysłano je tej osobie w wiadomości bezpośredniej w Slacku.',
  deliveryFailed: ':warning: Nie udało się go wysłać wybranym sposobem, więc jest pokazane tutaj. Podyktuj je teraz; jest pokazane tylko ten jeden raz.',
  unlocked: (accounts) => `Odblokowano: ${accounts}.`,
  stillLocked: (accounts) => `Nadal zablokowane (nie wybrano odblokowania): ${accounts}.`,
  notSet: (accounts) => `NIE udało się ustawić na: ${accounts}. Tam nic się nie zmieniło; spróbuj ponownie dla tych kont.`,
  mustChangeNext: 'Przy następnym logowaniu osoba musi wybrać nowe hasło.',

  ended: {
    helpDeskOff: 'Help desk nie jest skonfigurowany w passdesk: brak operatorów (HELPDESK_USERS, HELPDESK_USERGROUP).',
    notOperator: 'Tylko operatorzy help desku mogą wydawać hasła tymczasowe. Ta próba została zapisana.',
    operatorCheckFailed: 'Nie możemy teraz sprawdzić, czy jesteś operatorem help desku. Nic nie zostało zmienione. Spróbuj później.',
    nothingToReset: 'Żadne z tych kont nie może otrzymać hasła tymczasowego od help desku. Nic nie zostało zmienione.',
    rateLimitedOperator: 'Wydano już największą dozwoloną liczbę haseł tymczasowych w ciągu godziny. Nic nie zostało zmienione; spróbuj później.',
    rateLimitedTarget: 'To konto otrzymało już największą dozwoloną liczbę haseł tymczasowych w ciągu doby. Nic nie zostało zmienione.',
    rateLimitedSms: 'Na ten telefon wysłano ostatnio zbyt wiele SMS-ów. Nic nie zostało zmienione; spróbuj później albo zweryfikuj dzwoniącego inaczej.',
    codeExpired: 'Kod wygasł. Nic nie zostało zmienione. Zacznij od nowa poleceniem /temp-password.',
    tooManyCodeAttempts: 'Zbyt wiele błędnych kodów. Nic nie zostało zmienione; prośba została przerwana.',
    smsFailed: 'Nie udało się wysłać SMS-a. Nic nie zostało zmienione. Spróbuj później.',
    directoryUnavailable: 'Katalog kont jest teraz niedostępny. Nic nie zostało zmienione. Spróbuj później.',
    accountsChanged: 'W międzyczasie konto zostało usunięte, wyłączone lub objęte ochroną, więc nic nie zostało zmienione. Zacznij od nowa poleceniem /temp-password.',
    setFailed: 'Katalog nie przyjął hasła tymczasowego. Nic nie zostało zmienione.',
    flowExpired: 'Ta prośba wygasła lub została już zakończona. Zacznij od nowa poleceniem /temp-password.',
    flowUnreadable: 'Tej prośby nie można już kontynuować. Zacznij od nowa poleceniem /temp-password.',
  },

  triggerExpired: 'Okno help desku otwierało się zbyt długo. Uruchom ponownie /temp-password.',

  smsCode: (code, minutes) =>
    `Twój kod weryfikacyjny dla help desku: ${code}. Ważny ${minutes} minut. Odczytaj go operatorowi help desku przez telefon i nikomu innemu.`,
  smsPassword: (password) => `Twoje tymczasowe hasło uczelniane: ${password}. Przy logowaniu musisz wybrać nowe.`,

  personNotice: {
    subject: 'Help desk ustawił hasło tymczasowe na Twoim koncie',
    text: (accounts, when, operator, contact) =>
      `Help desk IT (${operator}) ustawił hasło tymczasowe na Twoich kontach: ${accounts}, dnia ${when} (UTC).\n\n`
      + 'Przy następnym logowaniu musisz wybrać własne nowe hasło.\n\n'
      + `Jeśli to nie Ty o to prosiłeś, natychmiast skontaktuj się z: ${contact}.`,
    password: (password) => `Twoje hasło tymczasowe: ${password}`,
  },

  logLine: {
    issued: 'Wydano hasło tymczasowe',
    refused: 'Odmówiono hasła tymczasowego',
    operator: 'operator',
    accounts: 'konta',
    verification: 'weryfikacja',
    ticket: 'zgłoszenie',
    delivery: 'przekazanie',
    result: 'wynik',
    none: 'brak',
  },
};
