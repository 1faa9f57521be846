import type { ReactNode } from 'react';
import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled, InfoCircleFilled } from '@ant-design/icons';
import type { Tone } from './verdict';

// The verdict in one glance: a large icon, a large word, a coloured frame. The word carries the meaning; icon and
// colour only repeat it. Colours meet WCAG AA contrast on their tinted backgrounds.
const looks: Readonly<Record<Tone, { color: string; background: string; icon: ReactNode }>> = {
  success: { color: '#1a7f37', background: '#effaf1', icon: <CheckCircleFilled /> },
  warning: { color: '#8a5a00', background: '#fff8e6', icon: <ExclamationCircleFilled /> },
  error: { color: '#b3141a', background: '#fff1f0', icon: <CloseCircleFilled /> },
  info: { color: '#0b57d0', background: '#eef4ff', icon: <InfoCircleFilled /> },
};

export function VerdictPanel({ tone, label, headline, children }: { tone: Tone; label: string; headline: string; children?: ReactNode }) {
  const look = looks[tone];
  return (
    <section
      role="status"
      aria-label={label}
      data-verdict-tone={tone}
      style={{ border: `3px solid ${look.color}`, background: look.background, borderRadius: 12, padding: '24px 16px', textAlign: 'center', marginBottom: 16 }}
    >
      <div aria-hidden="true" style={{ fontSize: 64, lineHeight: 1, color: look.color }}>
        {look.icon}
      </div>
      <h2 style={{ fontSize: '2.25em', margin: '12px 0 4px', color: look.color, fontWeight: 700 }}>{headline}</h2>
      {children ? <div style={{ fontSize: '1.15em' }}>{children}</div> : null}
    </section>
  );
}
