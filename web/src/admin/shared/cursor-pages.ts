import { useCallback, useState } from 'react';

/**
 * Keyset paging (newest first): the server hands out `nextCursor`; going back means remembering the cursors
 * that led here. Changing the filter starts again from the first page.
 */
export function useCursorPages() {
  const [stack, setStack] = useState<(string | undefined)[]>([undefined]);
  const cursor = stack[stack.length - 1];
  const next = useCallback((nextCursor: string) => setStack((s) => [...s, nextCursor]), []);
  const previous = useCallback(() => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)), []);
  const reset = useCallback(() => setStack([undefined]), []);
  return { cursor, pageNumber: stack.length, hasPrevious: stack.length > 1, next, previous, reset };
}
