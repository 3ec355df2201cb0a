import { App, type FormInstance } from 'antd';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { reportError, validate, type Schema } from './forms';

interface ActionOptions<R> {
  /** Queries to refresh after success. */
  invalidate?: QueryKey;
  /** Toast after success: defaults to "已保存"; false for none. */
  successMessage?: string | false;
  /** Where the server's per-field messages go. */
  form?: FormInstance;
  onSuccess?: (result: R) => void;
}

/** A change sent to the server: refreshes what it touched, then says so, or shows the server's message. */
export function useAction<V, R>(send: (value: V) => Promise<R>, { invalidate, successMessage, form, onSuccess }: ActionOptions<R> = {}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (result) => {
      if (invalidate) await queryClient.invalidateQueries({ queryKey: invalidate });
      if (successMessage !== false) void message.success(successMessage ?? t('common.saved'));
      onSuccess?.(result);
    },
    onError: (error) => reportError(error, message, form),
  });
}

interface FormMutationOptions<I, R> extends Omit<ActionOptions<R>, 'form'> {
  form: FormInstance;
  schema: Schema<I>;
  mutationFn: (input: I) => Promise<R>;
}

/** A form saved through the API, validated first with the same shared schema the server uses. */
export function useFormMutation<I, R>({ form, schema, mutationFn, ...options }: FormMutationOptions<I, R>) {
  const mutation = useAction(mutationFn, { ...options, form });
  return {
    submit: (values: Record<string, unknown>) => {
      const input = validate(form, schema, values);
      if (input) mutation.mutate(input);
    },
    pending: mutation.isPending,
  };
}
