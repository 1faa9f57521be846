import { Suspense, type ReactNode } from 'react';
import type { Permission } from '@zhengtong/contracts';
import { FullPageSpin, RequireSession } from '../auth/require-session';

/** A staff page that needs one of the permissions; lazy pages load inside it. */
export function Guarded({ anyOf, children }: { anyOf: readonly Permission[]; children: ReactNode }) {
  return (
    <RequireSession accountTypes={['staff']} anyOf={anyOf}>
      <Suspense fallback={<FullPageSpin />}>{children}</Suspense>
    </RequireSession>
  );
}
