import { useTranslation } from 'react-i18next';
import { licensesMessages } from '@zhengtong/contracts';
import { currentLocale } from '../../shared/forms/rules';

/** The licence messages in the UI's language, for `useFormProblem` (codes the server sent without a sentence). */
export function useLicenseMessages(): Readonly<Record<string, string>> {
  const { i18n } = useTranslation();
  return licensesMessages[currentLocale(i18n.language)];
}
