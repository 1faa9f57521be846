import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { IdentityCodePreset, IdentityCodeView } from '@zhengtong/contracts';
import { api } from '../../shared/api/client';

/** A minted code and when this browser received it: the countdown runs from there, not from the device's clock. */
export type LiveCode = IdentityCodeView & { receivedAt: number };

export const identityCodeQueryKey = ['me', 'identity-code'] as const;
export const identityCodeScansQueryKey = ['me', 'identity-code-scans'] as const;

/** Renew a little before the code expires, so the one on screen can always be scanned. */
function renewAfterMs(code: LiveCode): number {
  const lifetime = code.ttlSeconds * 1000;
  return Math.max(1_000, lifetime - Math.min(5_000, lifetime * 0.2));
}

/**
 * The holder's current code for a consent preset, renewed before it expires. Renewal pauses while the page is hidden
 * (no codes are minted for nobody to see) and resumes, with a fresh code, when the page is shown again.
 */
export function useIdentityCode(preset: IdentityCodePreset) {
  return useQuery({
    queryKey: [...identityCodeQueryKey, preset],
    queryFn: async (): Promise<LiveCode> => ({ ...(await api.post<IdentityCodeView>('/api/me/identity-code', { preset })), receivedAt: Date.now() }),
    refetchInterval: (query) => (query.state.data ? renewAfterMs(query.state.data) : false),
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: 'always',
    staleTime: 0,
    gcTime: 0,
    retry: 1,
  });
}

/** Whole seconds until the code expires, recounted every second. */
export function useSecondsLeft(code: LiveCode | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  if (!code) return 0;
  // `now` may be up to a second older than a code that just arrived.
  return Math.min(code.ttlSeconds, Math.max(0, Math.ceil((code.receivedAt + code.ttlSeconds * 1000 - now) / 1000)));
}
