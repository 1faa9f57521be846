import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '@zhengtong/contracts';
import { zhCN } from './zh-CN';
import { enUS } from './en-US';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}

export const resources = { 'zh-CN': zhCN, 'en-US': enUS } as const;

export function initI18n(language: Locale): typeof i18n {
  void i18n.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
    lng: language,
    fallbackLng: 'zh-CN',
    supportedLngs: ['zh-CN', 'en-US'],
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return i18n;
}

export { i18n };
