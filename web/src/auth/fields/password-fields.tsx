import { Form, Input, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fieldMessage, currentLocale, useRules } from '../../shared/forms/rules';
import { passwordStrength } from '../password-strength';

const levelSteps = { weak: 1, fair: 2, strong: 3 } as const;
const levelColors = { weak: '#c4161c', fair: '#d46b08', strong: '#237804' } as const;

/** A new password with the policy spelled out, a strength hint, and a second entry to catch typos. */
export function PasswordFields({
  name = 'password',
  confirmName = 'passwordConfirm',
  label,
  confirmLabel,
  namesToAvoid = [],
}: {
  name?: string;
  confirmName?: string;
  label: string;
  confirmLabel: string;
  namesToAvoid?: readonly string[];
}) {
  const { t, i18n } = useTranslation();
  const rules = useRules();
  const locale = currentLocale(i18n.language);
  const value = Form.useWatch<string | undefined>(name) ?? '';
  const strength = passwordStrength(value, namesToAvoid);
  const strengthText = t('auth.register.strength.label', { level: t(`auth.register.strength.${strength.level}`) });
  return (
    <>
      <Form.Item
        name={name}
        label={label}
        hasFeedback
        rules={[
          rules.required(),
          {
            validator: async (_rule, v: unknown) => {
              if (typeof v !== 'string' || v === '') return;
              const problem = passwordStrength(v, namesToAvoid).problems[0];
              if (problem) throw new Error(fieldMessage(problem, locale));
            },
          },
        ]}
        extra={
          <>
            <div>{t('auth.register.passwordPolicy')}</div>
            {value ? (
              <div aria-live="polite">
                <Progress
                  steps={3}
                  percent={(levelSteps[strength.level] / 3) * 100}
                  showInfo={false}
                  strokeColor={levelColors[strength.level]}
                  aria-label={strengthText}
                />{' '}
                <Typography.Text>{strengthText}</Typography.Text>
              </div>
            ) : null}
          </>
        }
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name={confirmName}
        label={confirmLabel}
        dependencies={[name]}
        hasFeedback
        rules={[
          rules.required(),
          ({ getFieldValue }) => ({
            validator: async (_rule, v: unknown) => {
              if (!v || getFieldValue(name) === v) return;
              throw new Error(t('auth.register.passwordMismatch'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
