import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal, Popconfirm, Space } from 'antd';
import { CheckOutlined, CopyOutlined, DeleteOutlined, RollbackOutlined, SendOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import type { ItemVersionDetail } from '@zhengtong/contracts';
import { api } from '../../shared/api/client';
import { useFormProblem } from '../../shared/forms/use-form-problem';
import { useRules } from '../../shared/forms/rules';
import { can } from '../../shared/permissions';
import { useIdempotencyKey } from '../../shared/use-idempotency-key';
import { useSignedInMe } from '../../auth/require-session';
import { adminCataloguePaths } from './api';

type Kind = 'submit' | 'withdraw' | 'approve' | 'reject' | 'retire';
type Values = { note?: string; reason?: string; effectiveFrom?: Dayjs };

function ActionModal({ kind, version, beforeAction, onClose, onDone }: { kind: Kind | undefined; version: ItemVersionDetail; beforeAction: () => Promise<number | undefined>; onClose: () => void; onDone: (v: ItemVersionDetail) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const rules = useRules();
  const problem = useFormProblem(form, ['note', 'reason', 'effectiveFrom']);
  const act = useMutation({
    mutationFn: async (v: Values) => {
      if (!kind) throw new Error('no action');
      const revision = (await beforeAction()) ?? version.revision;
      const body =
        kind === 'reject'
          ? { revision, reason: v.reason ?? '' }
          : kind === 'approve'
            ? { revision, note: v.note ?? '', ...(v.effectiveFrom ? { effectiveFrom: v.effectiveFrom.toISOString() } : {}) }
            : { revision, note: v.note ?? '' };
      return api.post<ItemVersionDetail>(adminCataloguePaths.versionAction(version.id, kind), body);
    },
    onMutate: () => problem.clear(),
    onSuccess: (next) => {
      form.resetFields();
      onDone(next);
    },
    onError: problem.handle,
  });
  return (
    <Modal
      open={kind !== undefined}
      title={kind ? t(`catalogue.actions.${kind}.title`) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={kind ? t(`catalogue.actions.${kind}.button`) : ''}
      okButtonProps={{ loading: act.isPending, danger: kind === 'reject' || kind === 'retire' }}
      cancelText={t('common.actions.cancel')}
      destroyOnHidden
    >
      {kind ? <p>{t(`catalogue.actions.${kind}.text`)}</p> : null}
      {problem.alert}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => act.mutate(v)}>
        {kind === 'approve' ? (
          <Form.Item name="effectiveFrom" label={`${t('catalogue.actions.effectiveFrom')} ${t('common.optional')}`} extra={t('catalogue.actions.effectiveFromHelp')}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(d) => d.isBefore(new Date(), 'day')} style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
        {kind === 'reject' ? (
          <Form.Item name="reason" label={t('catalogue.actions.reason')} rules={[rules.required()]}>
            <Input.TextArea maxLength={1000} autoSize={{ minRows: 3, maxRows: 8 }} />
          </Form.Item>
        ) : (
          <Form.Item name="note" label={`${t('catalogue.actions.note')} ${t('common.optional')}`}>
            <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/**
 * The workflow buttons the server says this reader may press now (allowedActions), plus "new draft from this
 * version" for editors once a version is published. The four-eyes rule is the server's: a submitter sees no approve.
 */
export function VersionActions({ version, beforeAction, onChanged }: { version: ItemVersionDetail; beforeAction: () => Promise<number | undefined>; onChanged: (v?: ItemVersionDetail) => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const me = useSignedInMe();
  const navigate = useNavigate();
  const idempotency = useIdempotencyKey();
  const [kind, setKind] = useState<Kind>();
  const allowed = new Set(version.allowedActions);
  const failed = (error: Error) => void modal.error({ title: t('admin.common.actionFailed'), content: error.message });
  const discard = useMutation({
    mutationFn: () => api.delete(adminCataloguePaths.version(version.id), { revision: version.revision }),
    onSuccess: () => {
      void message.success(t('catalogue.actions.discarded'));
      void navigate(`/admin/catalogue/items/${version.serviceItem.id}`);
    },
    onError: failed,
  });
  const newDraft = useMutation({
    mutationFn: () => api.post<ItemVersionDetail>(adminCataloguePaths.newDraft(version.implementationId), { fromVersionId: version.id }, idempotency.headers),
    onSuccess: (draft) => {
      idempotency.renew();
      void navigate(`/admin/catalogue/versions/${draft.id}`);
    },
    onError: failed,
  });
  const canStartDraft = can(me, 'service-item.manage') && (version.status === 'published' || version.status === 'retired');
  return (
    <>
      <Space wrap>
        {allowed.has('submit') ? (
          <Button type="primary" icon={<SendOutlined />} onClick={() => setKind('submit')}>
            {t('catalogue.actions.submit.button')}
          </Button>
        ) : null}
        {allowed.has('approve') ? (
          <Button type="primary" icon={<CheckOutlined />} onClick={() => setKind('approve')}>
            {t('catalogue.actions.approve.button')}
          </Button>
        ) : null}
        {allowed.has('reject') ? (
          <Button danger icon={<RollbackOutlined />} onClick={() => setKind('reject')}>
            {t('catalogue.actions.reject.button')}
          </Button>
        ) : null}
        {allowed.has('withdraw') ? (
          <Button icon={<UndoOutlined />} onClick={() => setKind('withdraw')}>
            {t('catalogue.actions.withdraw.button')}
          </Button>
        ) : null}
        {allowed.has('retire') ? (
          <Button danger icon={<StopOutlined />} onClick={() => setKind('retire')}>
            {t('catalogue.actions.retire.button')}
          </Button>
        ) : null}
        {allowed.has('discard') ? (
          <Popconfirm title={t('catalogue.actions.discardConfirm')} okText={t('common.actions.delete')} okButtonProps={{ danger: true }} cancelText={t('common.actions.cancel')} onConfirm={() => discard.mutate()}>
            <Button danger icon={<DeleteOutlined />} loading={discard.isPending}>
              {t('catalogue.actions.discard')}
            </Button>
          </Popconfirm>
        ) : null}
        {canStartDraft ? (
          <Button icon={<CopyOutlined />} onClick={() => newDraft.mutate()} loading={newDraft.isPending}>
            {t('catalogue.actions.newDraft')}
          </Button>
        ) : null}
      </Space>
      <ActionModal
        kind={kind}
        version={version}
        beforeAction={beforeAction}
        onClose={() => setKind(undefined)}
        onDone={(next) => {
          void message.success(t('catalogue.actions.done'));
          setKind(undefined);
          onChanged(next);
        }}
      />
    </>
  );
}
