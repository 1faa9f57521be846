import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { caseStatusNames, type CaseStatus, type TrafficLight } from '@zhengtong/contracts';
import { currentLocale } from '../../shared/forms/rules';
import { clockWords } from './plain-words';

const statusColors: Readonly<Record<CaseStatus, string>> = {
  draft: 'default',
  submitted: 'processing',
  accepted: 'processing',
  in_review: 'processing',
  suspended: 'warning',
  decided: 'processing',
  completed: 'success',
  refused: 'error',
  withdrawn: 'default',
  denied: 'error',
};

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  const { i18n } = useTranslation();
  return <Tag color={statusColors[status]}>{caseStatusNames[status][currentLocale(i18n.language)]}</Tag>;
}

const lightColors: Readonly<Record<TrafficLight, string>> = { green: '#1a7f37', yellow: '#b58100', red: '#c4161c', paused: '#5b6b7f', none: '#8c8c8c' };

/**
 * 红黄绿灯: a coloured dot with words beside it (colour alone says nothing to a colour-blind reader or a
 * screen reader — WCAG 1.4.1).
 */
export function LightBadge({ light, workingDaysLeft }: { light: TrafficLight; workingDaysLeft: number | null }) {
  const { t } = useTranslation();
  const words = clockWords(light, workingDaysLeft);
  const text = t(`cases.clock.${words.key}`, { count: words.days });
  return (
    <Tooltip title={t(`cases.lights.${light}`)}>
      <span className="zt-light" data-light={light}>
        <span className="zt-light-dot" style={{ background: lightColors[light] }} aria-hidden="true" />
        <span>{text}</span>
      </span>
    </Tooltip>
  );
}
