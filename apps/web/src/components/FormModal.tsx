import type { ReactNode } from 'react';
import { Form, Modal, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';

interface FormModalProps<V> {
  title: string;
  open: boolean;
  form: FormInstance<V>;
  initialValues?: Partial<V>;
  pending: boolean;
  onFinish: (values: V) => void;
  onClose: () => void;
  children: ReactNode;
}

/** A modal whose OK button submits the form inside it (Enter submits too). */
export function FormModal<V>({ title, open, form, initialValues, pending, onFinish, onClose, children }: FormModalProps<V>) {
  const { t } = useTranslation();
  return (
    <Modal
      title={title}
      open={open}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit' }}
      confirmLoading={pending}
      destroyOnHidden
      modalRender={(dom) => (
        <Form form={form} layout="vertical" initialValues={initialValues} clearOnDestroy onFinish={onFinish}>
          {dom}
        </Form>
      )}
    >
      {children}
    </Modal>
  );
}
