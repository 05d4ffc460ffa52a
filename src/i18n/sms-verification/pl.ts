import { plural } from '../plural';
import type { SmsVerificationMessages } from './messages';

export const pl: SmsVerificationMessages = {
  identityIntro: 'Najpierw potwierdź swoją tożsamość.',
  phoneOwner: (mail) =>
    `Kod zostanie wysłany na telefon zdefiniowany na koncie ${mail ?? 'Twojego adresu e-mail'}.`,
  phoneDigitsLabel: 'Trzy ostatnie cyfry zdefiniowanego numeru telefonu',
  phoneDigitsHint: 'Numer zdefiniowany w systemie do odzyskiwania hasła. Na niego wyślemy kod.',
  challengeLabel: (question) => `Ile to jest ${question}?`,
  phoneDigitsFormat: 'Wpisz dokładnie 3 cyfry.',
  identityWrong: (newQuestion) =>
    `Te odpowiedzi nie zgadzają się z naszymi danymi. Sprawdź je i spróbuj ponownie${newQuestion ? ', z nowym działaniem poniżej' : ''}.`,
  codeIntro: (phone, account, minutes) =>
    `Wysłaliśmy SMS z 6-cyfrowym kodem na numer kończący się na ${phone}, zdefiniowany na koncie ${account}. Kod jest ważny ${minutes} minut i można go użyć raz. Wiadomość dociera zwykle w ciągu kilkunastu do kilkudziesięciu sekund.`,
  codeLabel: 'Kod z SMS-a',
  codeFormat: 'Kod ma dokładnie 6 cyfr.',
  codeWrong: (left) => `Kod jest niepoprawny. ${plural('pl', left, { one: 'Została # próba', few: 'Zostały # próby', many: 'Zostało # prób', other: 'Zostało # próby' })}.`,
  resendButton: 'Wyślij nowy kod',
  resent: (phone) => `Nowy kod jest w drodze na numer kończący się na ${phone}. Wcześniejsze kody już nie działają.`,
  resendCooldown: (seconds) => `Poczekaj ${seconds} s, zanim poprosisz o nowy kod.`,
  ended: {
    noPhone: 'Na Twoim koncie nie zdefiniowano numeru telefonu do odzyskiwania hasła, więc nie możemy wysłać kodu.',
    rateLimited: 'Zbyt wiele prób. Dla bezpieczeństwa ta funkcja jest na jakiś czas wstrzymana; spróbuj ponownie później.',
    smsFailed: 'Nie udało się wysłać SMS-a. Niczego nie zmieniono. Spróbuj ponownie później.',
    smsCountryNotAllowed: 'Numer telefonu zdefiniowany w systemie należy do kraju, do którego nie wysyłamy kodów SMS, więc nie możemy wysłać Ci kodu. Niczego nie zmieniono. Skontaktuj się z pomocą techniczną.',
    codeExpired: 'Kod wygasł. Zacznij od nowa poleceniem /password.',
    tooManyCodeAttempts: 'Zbyt wiele błędnych kodów. Procedura została przerwana; zacznij później od nowa poleceniem /password.',
    tooManyIdentityAttempts: 'Zbyt wiele błędnych odpowiedzi. Procedura została przerwana.',
  },
};
