import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, Row, Select, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { confirmCalendarYearInput, type CalendarDayView, type CalendarYearDetail, type calendarYearsView } from '@zhengtong/contracts';
import { api } from '../../shared/api/client';
import { useRules } from '../../shared/forms/rules';
import { useFormProblem } from '../../shared/forms/use-form-problem';
import { PageHeader } from '../../shared/ui/page-header';
import { QueryState } from '../../shared/ui/query-state';
import { MonthGrid } from './month-grid';
import { DayEditor } from './day-editor';
import { AddYear } from './add-year';

type Years = z.infer<typeof calendarYearsView>;
export const calendarKey = ['calendar'] as const;

function ConfirmYear({ detail, onConfirmed }: { detail: CalendarYearDetail; onConfirmed: (d: CalendarYearDetail) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ source: string }>();
  const rules = useRules();
  const problem = useFormProblem(form, ['source', 'version']);
  const confirm = useMutation({
    mutationFn: (v: { source: string }) => api.post<CalendarYearDetail>(`/api/calendar/years/${detail.year}/confirm`, { source: v.source, version: detail.version }),
    onMutate: () => problem.clear(),
    onSuccess: onConfirmed,
    onError: problem.handle,
  });
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('admin.calendar.provisionalBanner', { year: detail.year })}
      description={
        <>
          {problem.alert}
          <Form form={form} layout="vertical" onFinish={(v) => confirm.mutate(v)} style={{ marginTop: 8 }}>
            <Form.Item name="source" label={t('admin.calendar.noticeSource')} extra={t('admin.calendar.noticeHelp')} rules={[rules.required(), rules.schema(confirmCalendarYearInput.shape.source)]}>
              <Input maxLength={300} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={confirm.isPending}>
              {t('admin.calendar.confirmYear')}
            </Button>
          </Form>
        </>
      }
    />
  );
}

/** 工作日历: the official holidays and 调休 workdays per year; every deadline in working days depends on it. */
export function CalendarPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [year, setYear] = useState<number>();
  const [picked, setPicked] = useState<string>();
  const years = useQuery({ queryKey: [...calendarKey, 'years'], queryFn: () => api.get<Years>('/api/calendar/years') });
  useEffect(() => {
    if (year !== undefined || !years.data) return;
    const thisYear = new Date().getFullYear();
    const available = years.data.items.map((y) => y.year);
    setYear(available.includes(thisYear) ? thisYear : available[available.length - 1]);
  }, [years.data, year]);
  const detail = useQuery({
    queryKey: [...calendarKey, 'year', year],
    queryFn: () => api.get<CalendarYearDetail>(`/api/calendar/${year ?? ''}`),
    enabled: year !== undefined,
  });
  const loadOfficial = useMutation({
    mutationFn: () => api.post<{ loadedYears: number[] }>('/api/calendar/load-official'),
    onSuccess: (r) => {
      void message.success(t('admin.calendar.loaded', { years: r.loadedYears.join('、') }));
      void queryClient.invalidateQueries({ queryKey: calendarKey });
    },
    onError: (error) => void message.error(error.message),
  });
  const days = useMemo(() => new Map<string, CalendarDayView>((detail.data?.days ?? []).map((d) => [d.date, d])), [detail.data]);
  const updated = (d: CalendarYearDetail) => {
    queryClient.setQueryData([...calendarKey, 'year', d.year], d);
    void queryClient.invalidateQueries({ queryKey: [...calendarKey, 'years'] });
  };

  return (
    <>
      <PageHeader
        title={t('admin.sections.calendar.title')}
        description={t('admin.calendar.intro')}
        extra={
          <Space wrap>
            <AddYear onAdded={(d) => {
              updated(d);
              setYear(d.year);
            }} />
          </Space>
        }
      />
      <QueryState query={years} isEmpty={(d) => d.items.length === 0 && d.missingBuiltInYears.length === 0} emptyText={t('admin.calendar.empty')}>
        {(data) => (
          <>
            {data.missingBuiltInYears.length > 0 ? (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 16 }}
                title={t('admin.calendar.missingBuiltIn', { years: data.missingBuiltInYears.join('、') })}
                action={
                  <Button onClick={() => loadOfficial.mutate()} loading={loadOfficial.isPending}>
                    {t('admin.calendar.loadOfficial')}
                  </Button>
                }
              />
            ) : null}
            <Space wrap style={{ marginBottom: 16 }}>
              <label htmlFor="calendar-year">{t('admin.calendar.year')}</label>
              <Select<number>
                id="calendar-year"
                value={year}
                onChange={setYear}
                style={{ width: 140 }}
                options={data.items.map((y) => ({ value: y.year, label: y.isProvisional ? `${y.year} ${t('admin.calendar.provisionalTag')}` : String(y.year) }))}
              />
              <Tag color="red">{t('admin.calendar.legendHoliday')}</Tag>
              <Tag color="blue">{t('admin.calendar.legendWorkday')}</Tag>
              <Tag>{t('admin.calendar.legendWeekend')}</Tag>
            </Space>
          </>
        )}
      </QueryState>
      {year !== undefined ? (
        <QueryState query={detail} rows={10}>
          {(d) => (
            <>
              {d.isProvisional ? <ConfirmYear detail={d} onConfirmed={(next) => {
                updated(next);
                void message.success(t('admin.calendar.confirmed'));
              }} /> : null}
              <Card style={{ marginBottom: 16 }}>
                <Typography.Paragraph style={{ marginBottom: 0 }}>
                  <strong>{t('admin.calendar.source')}</strong> {d.source}
                </Typography.Paragraph>
                <Typography.Text type="secondary">{t('admin.calendar.counts', { holidays: d.holidayCount, workdays: d.workdayCount })}</Typography.Text>
              </Card>
              <Row gutter={[16, 16]}>
                {Array.from({ length: 12 }, (_, i) => (
                  <Col key={i} xs={24} md={12} xl={8}>
                    <Card size="small">
                      <MonthGrid year={d.year} month={i + 1} days={days} onPick={setPicked} />
                    </Card>
                  </Col>
                ))}
              </Row>
              <DayEditor date={picked} year={d} current={picked ? days.get(picked) : undefined} onClose={() => setPicked(undefined)} onSaved={(next) => {
                setPicked(undefined);
                updated(next);
              }} />
            </>
          )}
        </QueryState>
      ) : null}
    </>
  );
}
