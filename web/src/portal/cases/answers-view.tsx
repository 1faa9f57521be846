import { Descriptions } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { RegionDetail } from '@zhengtong/contracts';
import { api } from '../../shared/api/client';
import { useTranslation } from 'react-i18next';
import type { FormSchema } from '@zhengtong/contracts';
import { currentLocale } from '../../shared/forms/rules';
import { answerText, textIn, visibleFields } from '../../shared/schema-form/logic';

/** A region answer as its full name (云岭省云溪市澜沧区翠湖街道), the code when the name cannot be loaded. */
function RegionName({ code }: { code: string }) {
  const region = useQuery({ queryKey: ['regions', 'detail', code], queryFn: () => api.get<RegionDetail>(`/api/regions/${code}`), staleTime: 10 * 60_000, enabled: /^\d{12}$/.test(code) });
  return <>{region.data?.fullName ?? code}</>;
}

/** The answers of an application, labelled by its form (keys only when the form is not known). */
export function AnswersView({ form, values, highlight = [] }: { form: FormSchema | undefined; values: Readonly<Record<string, unknown>>; highlight?: readonly string[] }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const words = { yes: t('schemaForm.yes'), no: t('schemaForm.no'), none: t('schemaForm.notAnswered') };
  const items = form
    ? visibleFields(form, values).map((f) => ({
        key: f.key,
        label: textIn(f.label, locale),
        children: (
          <span className={highlight.includes(f.key) ? 'zt-highlight' : undefined}>
            {f.type === 'region' && typeof values[f.key] === 'string' ? <RegionName code={String(values[f.key])} /> : answerText(f, values[f.key], locale, words)}
          </span>
        ),
      }))
    : Object.entries(values).map(([key, value]) => ({ key, label: key, children: Array.isArray(value) ? value.join('、') : String(value) }));
  return <Descriptions bordered size="small" column={1} items={items} />;
}
