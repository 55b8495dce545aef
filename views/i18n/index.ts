import { en } from './en';
import { nl } from './nl';

export type Dict = typeof nl;
export type Locale = 'nl' | 'en';

const dictionaries: Record<Locale, Dict> = { nl, en };

export function dictFor(locale: Locale | null | undefined): Dict {
  return dictionaries[locale ?? 'nl'];
}

/** Picks the first supported language from an Accept-Language header; Dutch otherwise. */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  if (!header) return 'nl';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.toLowerCase().slice(0, 2), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { lang } of ranked) if (lang === 'nl' || lang === 'en') return lang;
  return 'nl';
}
