import { useState } from 'react';
import { Alert, App, Button, Checkbox, Flex, Form, Input, Modal, Table, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DeputyImportPreview, DeputyLoginsResult } from '@renda/shared';
import { ApiError } from '../../app/api';
import { useCurrentUser } from '../../app/auth/session';
import { BodyTreeSelect } from '../../components/bodies';
import { deputiesKey, deputyUrls, importDeputies, previewDeputyImport } from './api';

type PreviewRow = DeputyImportPreview['rows'][number];

/**
 * 导入代表名册: the file is checked first and every row's problem shown; only a file with no bad row
 * can be imported, and the server writes all of it or nothing. Optionally it opens the imported deputies'
 * logins in the same go; the page then shows them as 开通登录账号 does.
 */
export function ImportModal({ onClose, onLogins }: { onClose: () => void; onLogins: (logins: DeputyLoginsResult) => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [bodyId, setBodyId] = useState<string | undefined>(user.bodyId ?? undefined);
  const [term, setTerm] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<DeputyImportPreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [openLogins, setOpenLogins] = useState(false);

  type Fields = { bodyId: string; term: string; openLogins: string };
  const fields = (): Fields => ({ bodyId: bodyId ?? '', term: term.trim(), openLogins: String(openLogins) });
  const send = async <T,>(upload: (fields: Fields, file: File) => Promise<T>): Promise<T | null> => {
    if (!file) {
      setProblem(t('deputies.import.chooseFile'));
      return null;
    }
    setBusy(true);
    setProblem(null);
    try {
      return await upload(fields(), file);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
      if (error instanceof ApiError && error.code === 'IMPORT_ROWS_INVALID') setPreview(null);
      return null;
    } finally {
      setBusy(false);
    }
  };
  const check = async () => {
    setPreview(null);
    const result = await send(previewDeputyImport);
    if (result) setPreview(result);
  };
  const confirm = async () => {
    const result = await send(importDeputies);
    if (!result) return;
    await queryClient.invalidateQueries({ queryKey: deputiesKey });
    void message.success(t('deputies.import.done', { count: result.imported }));
    onClose();
    if (result.logins) onLogins(result.logins);
  };

  const columns: TableColumnsType<PreviewRow> = [
    { title: t('deputies.import.row'), dataIndex: 'row', width: 64 },
    { title: t('deputies.fields.name'), dataIndex: 'name' },
    { title: t('deputies.fields.gender'), dataIndex: 'gender', render: (v: string | null) => v ?? '—' },
    { title: t('deputies.fields.birthDate'), dataIndex: 'birthDate', render: (v: string | null) => v ?? '—' },
    { title: t('deputies.fields.employer'), dataIndex: 'employer', render: (v: string | null) => v ?? '—' },
    { title: t('deputies.fields.constituency'), dataIndex: 'constituency', render: (v: string | null) => v ?? '—' },
    { title: t('deputies.fields.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
    {
      title: t('deputies.import.problems'),
      dataIndex: 'errors',
      render: (errors: string[]) =>
        errors.length === 0 ? (
          t('deputies.import.rowOk')
        ) : (
          <ul className="import-errors">
            {errors.map((e) => (
              <li key={e}>
                <Typography.Text type="danger">{e}</Typography.Text>
              </li>
            ))}
          </ul>
        ),
    },
  ];
  const bad = preview ? preview.rows.filter((r) => r.errors.length > 0) : [];
  const ready = !!preview && preview.total > 0 && preview.valid === preview.total && preview.errors.length === 0;

  return (
    <Modal
      title={t('deputies.import.title')}
      open
      width={960}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="check" onClick={() => void check()} loading={busy && !ready}>
          {t('deputies.import.check')}
        </Button>,
        <Button key="import" type="primary" disabled={!ready} loading={busy && ready} onClick={() => void confirm()}>
          {t('deputies.import.confirm', { count: preview?.total ?? 0 })}
        </Button>,
      ]}
    >
      <Flex vertical gap="middle">
        <Typography.Paragraph>{t('deputies.import.intro')}</Typography.Paragraph>
        <div>
          <Button icon={<DownloadOutlined />} href={deputyUrls.template}>
            {t('deputies.import.template')}
          </Button>
        </div>
        <Form layout="vertical" name="deputy-import" component="div">
          <Form.Item label={t('deputies.fields.body')} htmlFor="deputy-import-body" required>
            <BodyTreeSelect id="deputy-import-body" value={bodyId} onChange={(v) => (setBodyId(v), setPreview(null))} />
          </Form.Item>
          <Form.Item label={t('deputies.fields.term')} htmlFor="deputy-import-term" extra={t('deputies.form.termHint')} required>
            <Input id="deputy-import-term" value={term} onChange={(e) => (setTerm(e.target.value), setPreview(null))} />
          </Form.Item>
          <Form.Item label={t('deputies.import.file')} htmlFor="deputy-import-file" required>
            <input
              id="deputy-import-file"
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setPreview(null);
                setProblem(null);
              }}
            />
          </Form.Item>
          <Form.Item extra={t('deputies.import.openLoginsHint')}>
            <Checkbox checked={openLogins} onChange={(e) => setOpenLogins(e.target.checked)}>
              {t('deputies.import.openLogins')}
            </Checkbox>
          </Form.Item>
        </Form>
        {problem && <Alert type="error" showIcon message={problem} />}
        {preview && (
          <>
            <Alert
              type={ready ? 'success' : 'error'}
              showIcon
              message={
                ready
                  ? t('deputies.import.allGood', { total: preview.total })
                  : t('deputies.import.someBad', { total: preview.total, bad: bad.length || preview.total - preview.valid })
              }
            />
            {!ready && preview.errors.some((e) => !preview.rows.some((r) => r.row === e.row)) && (
              <ul className="import-errors">
                {preview.errors
                  .filter((e) => !preview.rows.some((r) => r.row === e.row))
                  .map((e) => (
                    <li key={`${e.row}-${e.message}`}>
                      <Typography.Text type="danger">{e.message}</Typography.Text>
                    </li>
                  ))}
              </ul>
            )}
            <Table<PreviewRow>
              rowKey="row"
              size="small"
              columns={columns}
              dataSource={bad.length ? [...bad, ...preview.rows.filter((r) => r.errors.length === 0)] : preview.rows}
              pagination={{ pageSize: 10, showSizeChanger: false }}
              scroll={{ x: 'max-content' }}
            />
          </>
        )}
      </Flex>
    </Modal>
  );
}
