import type { Locale } from '../config';

/** One text per CLDR plural category of the language; `#` stands for the number. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const rulesByLocale = new Map<Locale, Intl.PluralRules>();

/**
 * The form of `forms` that the language uses for `count` (Polish: 1 próba, 2 próby, 5 prób,
 * 22 próby), with `#` replaced by the number. A category the text does not give falls back to `other`.
 */
export function plural(locale: Locale, count: number, forms: PluralForms): string {
  let rules = rulesByLocale.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    rulesByLocale.set(locale, rules);
  }
  return (forms[rules.select(count)] ?? forms.other).replaceAll('#', String(count));
}
