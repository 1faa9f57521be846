import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Locale } from '@zhengtong/contracts';
import { readSetting, writeSetting } from './storage';

const LANGUAGE_KEY = 'zt.language';
const ELDERLY_KEY = 'zt.elderly';

export type Preferences = {
  language: Locale;
  isElderly: boolean;
  setLanguage: (language: Locale) => void;
  setElderly: (isElderly: boolean) => void;
};

const PreferencesContext = createContext<Preferences | undefined>(undefined);

/**
 * zh-CN unless the visitor chose English with the switch before. The browser's language is not followed: a
 * government site speaks the official language first, and an English system locale on a shared office PC or a
 * kiosk should not turn the page English for the next person.
 */
export function initialLanguage(): Locale {
  const stored = readSetting(LANGUAGE_KEY);
  return stored === 'en-US' ? 'en-US' : 'zh-CN';
}

export function initialElderly(): boolean {
  return readSetting(ELDERLY_KEY) === 'on';
}

export function PreferencesProvider({ children, onLanguageChange }: { children: ReactNode; onLanguageChange: (language: Locale) => void }) {
  const [language, setLanguageState] = useState<Locale>(initialLanguage);
  const [isElderly, setElderlyState] = useState<boolean>(initialElderly);

  const setLanguage = useCallback(
    (next: Locale) => {
      writeSetting(LANGUAGE_KEY, next);
      setLanguageState(next);
      onLanguageChange(next);
    },
    [onLanguageChange],
  );
  const setElderly = useCallback((next: boolean) => {
    writeSetting(ELDERLY_KEY, next ? 'on' : 'off');
    setElderlyState(next);
  }, []);

  const value = useMemo(() => ({ language, isElderly, setLanguage, setElderly }), [language, isElderly, setLanguage, setElderly]);
  return <PreferencesContext value={value}>{children}</PreferencesContext>;
}

export function usePreferences(): Preferences {
  const value = useContext(PreferencesContext);
  if (!value) throw new Error('usePreferences outside PreferencesProvider');
  return value;
}
