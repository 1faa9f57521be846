import { useEffect, useState, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zh_CN from 'antd/locale/zh_CN';
import en_US from 'antd/locale/en_US';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { Locale } from '@zhengtong/contracts';
import { isApiError } from '../shared/api/client';
import { PreferencesProvider, usePreferences } from './preferences';
import { applyLanguage } from './language';
import { themeFor } from './theme';

// A 4xx will answer the same on retry; only flaky networks and 5xx deserve another try.
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

function ThemedApp({ children }: { children: ReactNode }) {
  const { language, isElderly } = usePreferences();
  useEffect(() => {
    document.documentElement.toggleAttribute('data-elderly', isElderly);
  }, [isElderly]);
  // No space inserted between two Chinese characters (登 录): it would change the accessible name.
  return (
    <ConfigProvider
      locale={language === 'zh-CN' ? zh_CN : en_US}
      theme={themeFor(isElderly, language)}
      componentSize={isElderly ? 'large' : 'medium'}
      button={{ autoInsertSpace: false }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [onLanguageChange] = useState(() => (next: Locale) => {
    applyLanguage(next);
    // Server texts (problem titles, names of things) come in the request's language: ask again — except
    // queries that create something when run (a new TOTP secret), marked `meta.isOneShot`.
    void queryClient.invalidateQueries({ predicate: (q) => q.meta?.isOneShot !== true });
  });
  return (
    <QueryClientProvider client={queryClient}>
      <PreferencesProvider onLanguageChange={onLanguageChange}>
        <ThemedApp>{children}</ThemedApp>
      </PreferencesProvider>
    </QueryClientProvider>
  );
}
