import { Form, Input, Select } from 'antd';
import type { QueryKey } from '@tanstack/react-query';
import { blankToNull, type Schema } from '../../components/forms';
import { FormModal } from '../../components/FormModal';
import { useFormMutation } from '../../components/mutations';
import type { Option } from '../../components/PagedTable';
import { RemoteSelect, type RemoteSource } from '../../components/RemoteSelect';

/** One field of a small form: text, long text, a date, a choice, or people and units searched on the server. */
export type Field =
  | { name: string; label: string; kind: 'text' | 'textarea' | 'date'; required?: boolean; extra?: string }
  | { name: string; label: string; kind: 'select'; options: Option[]; required?: boolean }
  | { name: string; label: string; kind: 'remote' | 'remoteMany'; source: RemoteSource; required?: boolean };

/**
 * The control of one field. Form.Item hands its child the id (which ties the label to the control), the
 * value and onChange: they must reach the control, or the label names nothing and the form stays empty.
 */
function FieldInput({ field, ...control }: { field: Field; id?: string; value?: unknown; onChange?: (v: unknown) => void }) {
  const props = control as Record<string, never>;
  switch (field.kind) {
    case 'textarea':
      return <Input.TextArea rows={4} {...props} />;
    case 'date':
      return <Input type="date" {...props} />;
    case 'select':
      return <Select options={field.options} {...props} />;
    case 'remote':
      return <RemoteSelect<string> source={field.source} {...props} />;
    case 'remoteMany':
      return <RemoteSelect<string[]> mode="multiple" source={field.source} {...props} />;
    default:
      return <Input {...props} />;
  }
}

interface FieldsModalProps<I, R> {
  name: string;
  title: string;
  open: boolean;
  fields: Field[];
  schema: Schema<I>;
  initialValues?: Record<string, unknown>;
  /** Values the form does not show (the body, the action's fixed part). */
  fixed?: Record<string, unknown>;
  /** Reshapes the form's values before validation (lines to a list…). */
  shape?: (values: Record<string, unknown>) => Record<string, unknown>;
  send: (input: I) => Promise<R>;
  invalidate: QueryKey;
  onClose: () => void;
  onDone?: (result: R) => void;
}

/** A modal form validated with the shared schema and sent to the API: every small form of the module. */
export function FieldsModal<I, R>(p: FieldsModalProps<I, R>) {
  const [form] = Form.useForm<Record<string, unknown>>();
  const { submit, pending } = useFormMutation({
    form,
    schema: p.schema,
    mutationFn: p.send,
    invalidate: p.invalidate,
    onSuccess: (r) => {
      form.resetFields();
      p.onClose();
      p.onDone?.(r);
    },
  });
  return (
    <FormModal<Record<string, unknown>>
      name={p.name}
      title={p.title}
      open={p.open}
      form={form}
      initialValues={p.initialValues}
      pending={pending}
      width={640}
      onFinish={(values) => {
        const v = { ...blankToNull(values), ...p.fixed };
        submit(p.shape ? p.shape(v) : v);
      }}
      onClose={p.onClose}
    >
      {p.fields.map((f) => (
        <Form.Item key={f.name} name={f.name} label={f.label} required={f.required} extra={'extra' in f ? f.extra : undefined}>
          <FieldInput field={f} />
        </Form.Item>
      ))}
    </FormModal>
  );
}

/** Lines of a text area as a list (议程, 出席人员). */
export const lines = (value: unknown) =>
  typeof value === 'string'
    ? value
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
    : [];
