import { Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { resultTemplatePlaceholders } from '@zhengtong/contracts';
import { FieldListEditor } from './field-list-editor';

/** 办理结果: what the decision records (result fields) and the decision letter's text with {{placeholders}}. */
export function ResultEditor({ isReadOnly }: { isReadOnly: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Card size="small" title={t('catalogue.result.fieldsTitle')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t('catalogue.result.fieldsHelp')}</Typography.Paragraph>
        <FieldListEditor listPath={['resultFields']} addLabel={t('catalogue.result.addField')} emptyText={t('catalogue.result.noFields')} isReadOnly={isReadOnly} />
      </Card>
      <Card size="small" title={t('catalogue.result.templateTitle')}>
        <Typography.Paragraph type="secondary">
          {t('catalogue.result.templateHelp')}{' '}
          {resultTemplatePlaceholders.map((p) => (
            <code key={p} style={{ marginInlineEnd: 6 }}>{`{{${p}}}`}</code>
          ))}
          <code>{'{{form.<key>}}'}</code> <code>{'{{result.<key>}}'}</code>
        </Typography.Paragraph>
        <Form.Item name="resultTemplate" label={t('catalogue.result.templateTitle')}>
          <Input.TextArea maxLength={20_000} autoSize={{ minRows: 8, maxRows: 24 }} spellCheck={false} />
        </Form.Item>
      </Card>
    </>
  );
}
