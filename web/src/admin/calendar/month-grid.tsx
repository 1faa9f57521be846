import { useTranslation } from 'react-i18next';
import type { CalendarDayView } from '@zhengtong/contracts';

/** ISO weekday (1 Monday … 7 Sunday) of a calendar date, independent of the browser's time zone. */
export function isoWeekday(year: number, month: number, day: number): number {
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** One month, Monday first; each day is a button naming its date, weekday and arrangement. */
export function MonthGrid({ year, month, days, onPick }: { year: number; month: number; days: ReadonlyMap<string, CalendarDayView>; onPick: (date: string) => void }) {
  const { t } = useTranslation();
  const weekdays = t('admin.calendar.weekdays').split(',');
  const blanks = isoWeekday(year, month, 1) - 1;
  const count = daysInMonth(year, month);
  return (
    <section aria-labelledby={`month-${month}`}>
      <h3 id={`month-${month}`} style={{ fontSize: '1em', margin: '0 0 8px' }}>
        {t('admin.calendar.monthTitle', { year, month })}
      </h3>
      <div className="zt-calendar-month" role="presentation">
        {weekdays.map((w) => (
          <div key={w} aria-hidden="true" style={{ textAlign: 'center', fontSize: '0.85em', color: 'rgba(0,0,0,0.6)' }}>
            {w}
          </div>
        ))}
        {Array.from({ length: blanks }, (_, i) => (
          <div key={`blank-${i}`} aria-hidden="true" />
        ))}
        {Array.from({ length: count }, (_, i) => {
          const day = i + 1;
          const date = isoDate(year, month, day);
          const weekday = isoWeekday(year, month, day);
          const special = days.get(date);
          const isWeekend = weekday >= 6;
          const kind = special?.kind ?? 'normal';
          const state = special
            ? `${special.name} ${t(`admin.calendar.kinds.${special.kind}`)}`
            : isWeekend
              ? t('admin.calendar.weekendRest')
              : t('admin.calendar.normalWorkday');
          return (
            <button
              key={date}
              type="button"
              className="zt-calendar-day"
              data-kind={kind}
              data-weekend={String(isWeekend)}
              onClick={() => onPick(date)}
              aria-label={`${t('admin.calendar.dayLabel', { month, day, weekday: weekdays[weekday - 1] ?? '' })} ${state}`}
            >
              <span style={{ fontWeight: 600 }}>{day}</span>
              {special ? (
                <span style={{ display: 'block', fontSize: '0.75em', lineHeight: 1.2 }}>
                  {special.kind === 'holiday' ? t('admin.calendar.rest') : t('admin.calendar.work')}
                </span>
              ) : null}
            </button>
          );
        })}
      </div>
    </section>
  );
}
