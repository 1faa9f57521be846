import { useCallback, useState } from 'react';

/**
 * One key per attempt to create something: a double click or a retry after a dropped connection replays the
 * first answer instead of creating a duplicate. `renew` after a success or when the form is opened again.
 */
export function useIdempotencyKey() {
  const [key, setKey] = useState(() => crypto.randomUUID());
  const renew = useCallback(() => setKey(crypto.randomUUID()), []);
  return { headers: { 'Idempotency-Key': key }, renew };
}
