/** The console's two languages: zh-CN (the default) and English. */
export type Lang = 'zh' | 'en';
