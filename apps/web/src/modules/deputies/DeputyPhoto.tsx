import { Button, Flex, Image, Popconfirm, Typography, Upload, message } from 'antd';
import { DeleteOutlined, UploadOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Deputy } from '@renda/shared';
import { ApiError } from '../../app/api';
import { deputiesKey, deputyUrls, deleteDeputyPhoto, uploadDeputyPhoto } from './api';

interface DeputyPhotoProps {
  deputy: Pick<Deputy, 'id' | 'name' | 'photoId'>;
  /** Staff read any deputy's photo by id; a deputy reads their own through /api/me. */
  own: boolean;
  canManage: boolean;
}

/** The registry photo (一寸照) on the performance file, with upload, replace and remove for staff. */
export function DeputyPhoto({ deputy, own, canManage }: DeputyPhotoProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const done = (text: string) => async () => {
    void message.success(text);
    await queryClient.invalidateQueries({ queryKey: deputiesKey });
  };
  const failed = (error: Error) => void message.error(error instanceof ApiError ? error.message : String(error));
  const upload = useMutation({
    mutationFn: (file: File) => uploadDeputyPhoto(deputy.id, file),
    onSuccess: done(t('deputies.photo.uploaded')),
    onError: failed,
  });
  const remove = useMutation({
    mutationFn: () => deleteDeputyPhoto(deputy.id),
    onSuccess: done(t('deputies.photo.removed')),
    onError: failed,
  });

  return (
    <Flex vertical align="center" gap={8} className="deputy-photo">
      {deputy.photoId ? (
        <Image
          src={deputyUrls.photo(own ? null : deputy.id, deputy.photoId)}
          alt={t('deputies.photo.alt', { name: deputy.name })}
          width={105}
          height={140}
          style={{ objectFit: 'cover' }}
        />
      ) : (
        <Flex vertical align="center" justify="center" className="deputy-photo-empty">
          <UserOutlined aria-hidden />
          <Typography.Text>{t('deputies.photo.none')}</Typography.Text>
        </Flex>
      )}
      {canManage && (
        <Flex gap={4} wrap justify="center">
          <Upload
            showUploadList={false}
            accept=".jpg,.jpeg,.png"
            beforeUpload={(file) => {
              upload.mutate(file);
              return false;
            }}
          >
            <Button size="small" icon={<UploadOutlined />} loading={upload.isPending}>
              {deputy.photoId ? t('deputies.photo.replace') : t('deputies.photo.upload')}
            </Button>
          </Upload>
          {deputy.photoId && (
            <Popconfirm title={t('deputies.photo.removeConfirm')} onConfirm={() => remove.mutate()}>
              <Button size="small" danger icon={<DeleteOutlined />} loading={remove.isPending}>
                {t('deputies.photo.remove')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      )}
      {canManage && <Typography.Text type="secondary">{t('deputies.photo.hint')}</Typography.Text>}
    </Flex>
  );
}
