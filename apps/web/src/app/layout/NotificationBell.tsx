import { Badge, Button } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useUnreadCount } from '../../modules/notifications/api';

export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const count = useUnreadCount().data?.count ?? 0;
  return (
    <Badge count={count} overflowCount={99}>
      <Button
        type="text"
        shape="circle"
        icon={<BellOutlined />}
        aria-label={t('header.bell', { count })}
        onClick={() => navigate('/notifications')}
      />
    </Badge>
  );
}
