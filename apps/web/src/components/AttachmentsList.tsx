import { Button, Flex, Image, List, Typography, Upload, message } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '@renda/shared';
import { ApiError, api } from '../app/api';
import { formatDateTime } from './format';

const attachmentsKey = (ownerEntity: string, ownerId: string) => ['attachments', ownerEntity, ownerId] as const;

/** Pictures a browser can show (a phone's HEIC photo is only offered for download). */
const shownAsPicture = (mimeType: string) => ['image/png', 'image/jpeg', 'image/webp', 'image/gif'].includes(mimeType);

const sizeLabel = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

interface AttachmentsListProps {
  /** The owning record, as the server's attachment store names it (suggestion, duty_record, …). */
  ownerEntity: string;
  ownerId: string;
  canUpload: boolean;
}

/** The upload button with its hint: sends the file with the owner's fields, then refreshes the queries that show it. */
export function AttachmentUpload({ fields, invalidate }: { fields: Record<string, string>; invalidate: QueryKey }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const upload = useMutation({
    mutationFn: (file: File) => api.upload<Attachment>('/api/attachments', fields, file),
    onSuccess: async () => {
      void message.success(t('common.attachments.uploaded'));
      await queryClient.invalidateQueries({ queryKey: invalidate });
    },
    onError: (error) => void message.error(error instanceof ApiError ? error.message : String(error)),
  });
  return (
    <Upload
      showUploadList={false}
      accept=".pdf,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png,.webp,.heic"
      beforeUpload={(file) => {
        upload.mutate(file);
        return false;
      }}
    >
      <Button icon={<UploadOutlined />} loading={upload.isPending}>
        {t('common.attachments.upload')}
      </Button>
      <Typography.Text type="secondary" className="upload-hint">
        {' '}
        {t('common.attachments.uploadHint')}
      </Typography.Text>
    </Upload>
  );
}

/** One attachment: a photo's thumbnail, its download link, size and upload time. */
export function AttachmentLink({ attachment: a }: { attachment: Attachment }) {
  return (
    <>
      <Flex gap="small" align="center" wrap>
        {/* A photo (an inspection's, a visit's) is seen on the page, and enlarged on a tap. */}
        {shownAsPicture(a.mimeType) && (
          <Image width={96} height={96} style={{ objectFit: 'cover' }} src={`/api/attachments/${a.id}/download`} alt={a.fileName} />
        )}
        <a href={`/api/attachments/${a.id}/download`} download={a.fileName}>
          <PaperClipOutlined aria-hidden /> {a.fileName}
        </a>
      </Flex>
      <Typography.Text type="secondary">
        {' '}
        {sizeLabel(a.size)} · {formatDateTime(a.createdAt)}
      </Typography.Text>
    </>
  );
}

/** A record's attachments (photos, reports) through the shared attachments API: list, download and upload. */
export function AttachmentsList({ ownerEntity, ownerId, canUpload }: AttachmentsListProps) {
  const { t } = useTranslation();
  const { data, isPending } = useQuery({
    queryKey: attachmentsKey(ownerEntity, ownerId),
    queryFn: () => api.get<{ items: Attachment[] }>('/api/attachments', { ownerEntity, ownerId }),
    select: (d) => d.items,
  });

  return (
    <>
      {canUpload && <AttachmentUpload fields={{ ownerEntity, ownerId }} invalidate={attachmentsKey(ownerEntity, ownerId)} />}
      {/* Plain text when there is none: antd's pale empty text fails the contrast check (axe). */}
      {data && data.length === 0 ? (
        <Typography.Paragraph>{t('common.attachments.none')}</Typography.Paragraph>
      ) : (
        <List<Attachment>
          loading={isPending}
          dataSource={data ?? []}
          renderItem={(a) => (
            <List.Item>
              <AttachmentLink attachment={a} />
            </List.Item>
          )}
        />
      )}
    </>
  );
}
