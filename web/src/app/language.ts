import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { Locale } from '@zhengtong/contracts';
import { setApiLanguage } from '../shared/api/client';
import { i18n } from '../shared/i18n';

/** Switches every part that speaks: i18next, the API's Accept-Language, dates, and the page's lang. */
export function applyLanguage(language: Locale): void {
  setApiLanguage(language);
  void i18n.changeLanguage(language);
  dayjs.locale(language === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = language;
}
