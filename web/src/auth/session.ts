import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { z } from 'zod';
import type { MeView, loginResult } from '@zhengtong/contracts';
import { api, isApiError } from '../shared/api/client';

export type LoginResult = z.infer<typeof loginResult>;

export const meKey = ['me'] as const;

/** The signed-in account, or null for a visitor (the portal is public). */
export async function fetchMe(): Promise<MeView | null> {
  try {
    return await api.get<MeView>('/api/me');
  } catch (error) {
    if (isApiError(error, 'UNAUTHENTICATED') || isApiError(error, 'SESSION_EXPIRED')) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

/** After sign-in, sign-out or switching identity: forget everything the previous identity loaded. */
export function useReplaceSession() {
  const queryClient = useQueryClient();
  return useCallback(
    (me: MeView | null) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
      queryClient.setQueryData(meKey, me);
    },
    [queryClient],
  );
}
