/** The console's two languages: zh-CN (default) and English; a preference, not a secret, so it outlives the tab. */
export type Lang = 'zh' | 'en';

const KEY = 'sla-console.lang';

export function storedLang(): Lang {
  return localStorage.getItem(KEY) === 'en' ? 'en' : 'zh';
}

export function storeLang(lang: Lang): void {
  localStorage.setItem(KEY, lang);
}
