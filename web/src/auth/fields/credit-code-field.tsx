import { useTranslation } from 'react-i18next';
import { parseCreditCode } from '@zhengtong/contracts';
import { CheckedCodeField } from './checked-code-field';

export function CreditCodeField({ name, label }: { name: string; label: string }) {
  const { t } = useTranslation();
  return (
    <CheckedCodeField
      name={name}
      label={label}
      help={t('auth.register.creditCodeHelp')}
      length={18}
      parse={parseCreditCode}
      messagePrefix="creditCode"
      describe={(p) => t('auth.register.creditCodeOk', { regionCode: p.regionCode })}
    />
  );
}
