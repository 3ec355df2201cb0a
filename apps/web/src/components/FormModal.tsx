import type { ReactNode } from 'react';
import { Form, Modal, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { clearErrorsOnChange } from './forms';

interface FormModalProps<V> {
  /** Prefixes the field ids, keeping them unique beside the page's filter form. */
  name: string;
  title: string;
  open: boolean;
  form: FormInstance<V>;
  initialValues?: Partial<V>;
  pending: boolean;
  /** The OK button's text; "保存" by default. */
  okText?: string;
  /** Wider than antd's 520 px for forms with rows of fields. */
  width?: number;
  onFinish: (values: V) => void;
  onClose: () => void;
  children: ReactNode;
}

/** A modal whose OK button submits the form inside it (Enter submits too). */
export function FormModal<V>({
  name,
  title,
  open,
  form,
  initialValues,
  pending,
  okText,
  width,
  onFinish,
  onClose,
  children,
}: FormModalProps<V>) {
  const { t } = useTranslation();
  return (
    <Modal
      title={title}
      open={open}
      width={width}
      onCancel={onClose}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit' }}
      confirmLoading={pending}
      destroyOnHidden
      modalRender={(dom) => (
        <Form
          form={form}
          name={name}
          layout="vertical"
          initialValues={initialValues}
          clearOnDestroy
          onFinish={onFinish}
          onValuesChange={clearErrorsOnChange(form)}
        >
          {dom}
        </Form>
      )}
    >
      {children}
    </Modal>
  );
}
