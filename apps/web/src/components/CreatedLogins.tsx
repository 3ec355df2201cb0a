import { Alert, Button, List, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CreatedLogin } from '@renda/shared';

/** Logins just created with one-time initial passwords: shown once, never fetched again. */
export function CreatedLoginsModal({
  logins,
  skipped = [],
  onClose,
}: {
  logins: CreatedLogin[];
  skipped?: { name: string; reason: string }[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={t('common.logins.title')}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('common.logins.close')}
        </Button>
      }
    >
      {logins.some((l) => l.password) && <Alert type="warning" showIcon message={t('common.logins.onceOnly')} />}
      <List
        dataSource={logins}
        renderItem={(l) => (
          <List.Item>
            <List.Item.Meta
              title={l.displayName}
              description={
                <>
                  {t('common.logins.username')}：<Typography.Text copyable>{l.username}</Typography.Text>
                  <br />
                  {l.password ? (
                    <>
                      {t('common.logins.password')}：
                      <Typography.Text copyable strong>
                        {l.password}
                      </Typography.Text>
                    </>
                  ) : (
                    t('common.logins.bySms', { phone: l.smsTo })
                  )}
                </>
              }
            />
          </List.Item>
        )}
      />
      {skipped.length > 0 && (
        <List
          header={t('common.logins.skipped')}
          dataSource={skipped}
          renderItem={(s) => (
            <List.Item>
              {s.name}：{s.reason}
            </List.Item>
          )}
        />
      )}
    </Modal>
  );
}
