import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { zhCN, type Messages } from './zh-CN';
import { en } from './en';

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'renda.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

function storedLanguage(): Language {
  const saved = localStorage.getItem(storageKey);
  return languages.find((l) => l === saved) ?? 'zh-CN';
}

function applyLanguage(lng: Language) {
  document.documentElement.lang = lng;
  dayjs.locale(lng === 'en' ? 'en' : 'zh-cn');
}

export function setLanguage(lng: Language) {
  localStorage.setItem(storageKey, lng);
  void i18n.changeLanguage(lng);
}

i18n.on('languageChanged', (lng) => applyLanguage(lng === 'en' ? 'en' : 'zh-CN'));

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
});

export default i18n;
