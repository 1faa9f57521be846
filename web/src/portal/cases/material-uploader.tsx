import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Checkbox, List, Progress, Radio, Space, Tag, Typography, Upload } from 'antd';
import { DeleteOutlined, EyeOutlined, SwapOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CaseMaterialView, Material } from '@zhengtong/contracts';
import { api, isApiError } from '../../shared/api/client';
import { isMessageKey } from '../../shared/api/problem';
import { acceptAttribute, formatSize, uploadProblem } from '../../shared/schema-form/upload-check';
import { casePaths, uploadMaterial } from './api';
import { FilePreview, type PreviewTarget } from './file-preview';
import type { MaterialChoice } from './material-choices';
import { dateWords } from './plain-words';
import { currentLocale } from '../../shared/forms/rules';


type Props = {
  caseId: string;
  material: CaseMaterialView;
  /** The catalogue's description of the material (notes, blank form, sample), when known. */
  spec?: Material;
  choice: MaterialChoice;
  /** Offered only where the item and the material allow it, and only while the application can change. */
  onChoice?: (choice: MaterialChoice) => void;
  canPledge: boolean;
  canGap: boolean;
  isPledgeSigned: boolean;
  onPledgeSigned: (isSigned: boolean) => void;
  canUpload: boolean;
  /** What a reviewer asked to fix in this material (补正). */
  correction?: string;
  onChanged: () => void;
};

function problemText(error: unknown, fallback: string): string {
  if (isApiError(error)) {
    const detail = error.problem.errors?.[0]?.message ?? error.problem.detail;
    return detail && !isMessageKey(detail) ? `${error.problem.title}:${detail}` : error.problem.title;
  }
  return error instanceof Error ? error.message : fallback;
}

/**
 * One material of an application: what is asked, the files handed in (preview, replace, remove), and — where the
 * item allows — 告知承诺 (a signed promise instead) or 容缺 (hand it in after acceptance). The file's type and size
 * are checked before uploading; the server checks the content again.
 */
export function MaterialUploader({ caseId, material, spec, choice, onChoice, canPledge, canGap, isPledgeSigned, onPledgeSigned, canUpload, correction, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const { message } = App.useApp();
  const [progress, setProgress] = useState<number>();
  const [error, setError] = useState<string>();
  const [preview, setPreview] = useState<PreviewTarget>();
  const [replacing, setReplacing] = useState<string>();
  const remove = useMutation({
    mutationFn: (fileId: string) => api.delete(casePaths.material(caseId, fileId)),
    onSuccess: () => onChanged(),
    onError: (e) => setError(problemText(e, t('common.states.loadFailed'))),
  });
  const rule = { formats: material.formats, maxSizeMb: material.maxSizeMb };
  const formats = material.formats.map((f) => f.toUpperCase()).join(' / ');
  const isDone = material.files.length > 0 || material.mode === 'pledge' || material.mode === 'gap' || material.mode === 'license';

  const start = (file: File, replace?: string) => {
    setError(undefined);
    const wrong = uploadProblem(file, rule);
    if (wrong) {
      setError(wrong.reason === 'format' ? t('cases.materials.wrongFormat', { formats: wrong.formats }) : wrong.reason === 'size' ? t('cases.materials.tooLarge', { maxSizeMb: wrong.maxSizeMb }) : t('cases.materials.empty'));
      return;
    }
    setProgress(0);
    setReplacing(replace);
    uploadMaterial(caseId, material.key, file, setProgress)
      .then(async () => {
        if (replace) await api.delete(casePaths.material(caseId, replace));
        void message.success(t('cases.materials.uploaded', { name: file.name }));
        onChanged();
      })
      .catch((e: unknown) => setError(problemText(e, t('common.states.loadFailed'))))
      .finally(() => {
        setProgress(undefined);
        setReplacing(undefined);
      });
  };

  const picker = (label: string, icon: ReactNode, replace?: string, ariaLabel?: string) => (
    <Upload
      accept={acceptAttribute(material.formats)}
      showUploadList={false}
      beforeUpload={(file) => {
        start(file, replace);
        return Upload.LIST_IGNORE;
      }}
      disabled={progress !== undefined}
    >
      <Button icon={icon} aria-label={ariaLabel}>
        {label}
      </Button>
    </Upload>
  );

  const choices: { value: MaterialChoice; label: string }[] = [
    { value: 'upload', label: t('cases.materials.modes.upload') },
    ...(canPledge ? [{ value: 'pledge' as const, label: t('cases.materials.modes.pledge') }] : []),
    ...(canGap ? [{ value: 'gap' as const, label: t('cases.materials.modes.gap') }] : []),
  ];

  return (
    <Card
      size="small"
      className="zt-material"
      data-done={isDone ? 'true' : 'false'}
      title={
        <Space wrap size={4}>
          <span style={{ fontWeight: 600 }}>{material.name}</span>
          {material.isRequired ? <Tag color="red">{t('services.guide.materials.mandatory')}</Tag> : <Tag>{t('services.guide.materials.optional')}</Tag>}
          {isDone ? <Tag color="green">{t(`cases.materials.state.${material.mode ?? 'upload'}` as const)}</Tag> : null}
        </Space>
      }
      style={{ marginBottom: 12 }}
    >
      {correction ? <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={t('cases.materials.fixThis')} description={correction} /> : null}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('cases.materials.rule', { formats, maxSizeMb: material.maxSizeMb })}
        {spec?.note ? <span className="zt-pre"> {spec.note}</span> : null}
        {spec?.blankFormUrl ? (
          <>
            {' · '}
            <a href={spec.blankFormUrl} target="_blank" rel="noreferrer">
              {t('services.guide.materials.blankForm')}
            </a>
          </>
        ) : null}
        {spec?.sampleUrl ? (
          <>
            {' · '}
            <a href={spec.sampleUrl} target="_blank" rel="noreferrer">
              {t('services.guide.materials.sample')}
            </a>
          </>
        ) : null}
      </Typography.Paragraph>

      {onChoice && choices.length > 1 ? (
        <Radio.Group value={choice} onChange={(e) => onChoice(e.target.value as MaterialChoice)} options={choices} style={{ marginBottom: 8 }} aria-label={t('cases.materials.howLabel', { name: material.name })} />
      ) : null}

      {choice === 'pledge' ? (
        <div className="zt-pledge">
          {/* The words the server records and fingerprints (SM3) when the application is submitted: what is read is what is signed. */}
          <Typography.Paragraph style={{ marginBottom: 8 }} lang="zh-CN">
            {material.pledgeWords ?? t('cases.materials.pledgeText', { name: material.name })}
          </Typography.Paragraph>
          <Checkbox checked={isPledgeSigned} onChange={(e) => onPledgeSigned(e.target.checked)} disabled={!onChoice}>
            {t('cases.materials.pledgeSign')}
          </Checkbox>
        </div>
      ) : null}
      {choice === 'gap' ? <Alert type="info" showIcon title={material.gapDueAt ? t('cases.materials.gapDue', { date: dateWords(material.gapDueAt, locale) }) : t('cases.materials.gapText')} /> : null}

      {choice === 'upload' || material.files.length > 0 ? (
        <>
          {material.files.length > 0 ? (
            <List
              size="small"
              dataSource={material.files}
              renderItem={(f) => (
                <List.Item
                  actions={[
                    <Button key="view" size="small" icon={<EyeOutlined />} onClick={() => setPreview({ url: casePaths.materialFile(caseId, f.id), fileName: f.fileName, format: f.format })} aria-label={t('cases.materials.previewNamed', { name: f.fileName })}>
                      {t('cases.materials.preview')}
                    </Button>,
                    ...(canUpload
                      ? [
                          <span key="replace">{picker(t('cases.materials.replace'), <SwapOutlined />, f.id, t('cases.materials.replaceNamed', { name: f.fileName }))}</span>,
                          <Button key="remove" size="small" danger icon={<DeleteOutlined />} loading={remove.isPending && remove.variables === f.id} onClick={() => remove.mutate(f.id)} aria-label={t('cases.materials.removeNamed', { name: f.fileName })}>
                            {t('cases.materials.remove')}
                          </Button>,
                        ]
                      : []),
                  ]}
                >
                  <span style={{ wordBreak: 'break-all' }}>
                    {f.fileName} <span className="zt-muted">({formatSize(f.sizeBytes)})</span>
                  </span>
                </List.Item>
              )}
            />
          ) : null}
          {canUpload && choice === 'upload' ? (
            <div style={{ marginTop: 8 }}>{picker(material.files.length > 0 ? t('cases.materials.addMore') : t('cases.materials.upload'), <UploadOutlined />, undefined, t('cases.materials.uploadNamed', { name: material.name }))}</div>
          ) : null}
        </>
      ) : null}

      {progress !== undefined ? (
        <div role="status" aria-live="polite" style={{ marginTop: 8 }}>
          <Progress percent={progress} size="small" />
          <span className="zt-visually-hidden">{t(replacing ? 'cases.materials.replacing' : 'cases.materials.uploading', { percent: progress })}</span>
        </div>
      ) : null}
      {error ? <Alert type="error" showIcon role="alert" style={{ marginTop: 8 }} title={error} closable={{ onClose: () => setError(undefined) }} /> : null}
      <FilePreview target={preview} onClose={() => setPreview(undefined)} />
    </Card>
  );
}

