import { Button, List, Typography, Upload, message } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '@renda/shared';
import { ApiError, api } from '../../app/api';
import { formatDateTime } from '../../components/format';

const attachmentsKey = (id: string) => ['attachments', 'suggestion', id] as const;

const sizeLabel = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The item's attachments (photos, research reports) through the shared attachments API: list, download and upload. */
export function AttachmentsList({ suggestionId, canUpload }: { suggestionId: string; canUpload: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data, isPending } = useQuery({
    queryKey: attachmentsKey(suggestionId),
    queryFn: () => api.get<{ items: Attachment[] }>('/api/attachments', { ownerEntity: 'suggestion', ownerId: suggestionId }),
    select: (d) => d.items,
  });
  const upload = useMutation({
    mutationFn: (file: File) => api.upload<Attachment>('/api/attachments', { ownerEntity: 'suggestion', ownerId: suggestionId }, file),
    onSuccess: async () => {
      void message.success(t('suggestions.detail.uploaded'));
      await queryClient.invalidateQueries({ queryKey: attachmentsKey(suggestionId) });
    },
    onError: (error) => void message.error(error instanceof ApiError ? error.message : String(error)),
  });

  return (
    <>
      {canUpload && (
        <Upload
          showUploadList={false}
          accept=".pdf,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png,.webp,.heic"
          beforeUpload={(file) => {
            upload.mutate(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={upload.isPending}>
            {t('suggestions.detail.upload')}
          </Button>
          <Typography.Text type="secondary" className="upload-hint">
            {' '}
            {t('suggestions.detail.uploadHint')}
          </Typography.Text>
        </Upload>
      )}
      {/* Plain text when there is none: antd's pale empty text fails the contrast check (axe). */}
      {data && data.length === 0 ? (
        <Typography.Paragraph>{t('suggestions.detail.noAttachments')}</Typography.Paragraph>
      ) : (
        <List<Attachment>
          loading={isPending}
          dataSource={data ?? []}
          renderItem={(a) => (
            <List.Item>
              <a href={`/api/attachments/${a.id}/download`} download={a.fileName}>
                <PaperClipOutlined aria-hidden /> {a.fileName}
              </a>
              <Typography.Text type="secondary">
                {sizeLabel(a.size)} · {formatDateTime(a.createdAt)}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
    </>
  );
}
