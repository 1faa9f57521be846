import { Button, Modal, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

export type PreviewTarget = { url: string; fileName: string; format: string };

/** A material as the applicant or the reviewer sees it: images and PDF inline, anything else to download. */
export function FilePreview({ target, onClose }: { target: PreviewTarget | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const kind = target ? (target.format === 'pdf' ? 'pdf' : target.format === 'jpg' || target.format === 'png' ? 'image' : 'none') : 'none';
  return (
    <Modal
      open={target !== undefined}
      title={target?.fileName}
      onCancel={onClose}
      width="min(960px, 96vw)"
      footer={
        target ? (
          <Button icon={<DownloadOutlined />} href={target.url} target="_blank" rel="noreferrer">
            {t('cases.materials.openInTab')}
          </Button>
        ) : null
      }
      destroyOnHidden
    >
      {target && kind === 'image' ? <img src={target.url} alt={target.fileName} style={{ maxWidth: '100%', display: 'block', margin: '0 auto' }} /> : null}
      {target && kind === 'pdf' ? <iframe src={target.url} title={target.fileName} style={{ width: '100%', height: '70vh', border: 0 }} /> : null}
      {target && kind === 'none' ? <Typography.Paragraph>{t('cases.materials.noPreview')}</Typography.Paragraph> : null}
    </Modal>
  );
}
