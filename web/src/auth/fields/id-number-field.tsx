import { useTranslation } from 'react-i18next';
import { parseIdNumber } from '@zhengtong/contracts';
import { CheckedCodeField } from './checked-code-field';

export function IdNumberField({ name, label }: { name: string; label: string }) {
  const { t } = useTranslation();
  return (
    <CheckedCodeField
      name={name}
      label={label}
      help={t('auth.register.idNumberHelp')}
      length={18}
      parse={(v) => parseIdNumber(v)}
      messagePrefix="idNumber"
      describe={(p) => t('auth.register.idNumberOk', { birthDate: p.birthDate, gender: t(`common.genders.${p.gender}`) })}
    />
  );
}
