/** The language context: `useI18n()` gives the language, `t` for the console's words and a switch. */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Lang } from './lang.ts';
import { MESSAGES, type MessageKey } from './messages.ts';

export interface I18n {
  lang: Lang;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  setLang: (lang: Lang) => void;
}

/** The chosen language is a preference, not a secret: it outlives the tab. */
const LANG_KEY = 'sla-console.lang';
const storedLang = (): Lang => (localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh');

const I18nContext = createContext<I18n | undefined>(undefined);

export function translate(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  return MESSAGES[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(LANG_KEY, next);
    document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(() => ({ lang, setLang, t: (key, vars) => translate(lang, key, vars) }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
