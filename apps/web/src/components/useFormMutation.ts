import { App, type FormInstance } from 'antd';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { reportError, validate, type Schema } from './forms';

interface Options<I, R> {
  form: FormInstance;
  schema: Schema<I>;
  mutationFn: (input: I) => Promise<R>;
  /** Queries to refresh after success. */
  invalidate?: QueryKey;
  successMessage?: string;
  onSuccess?: (result: R) => void;
}

/** Validate with the shared schema, send, refresh, and show field errors or the server's message. */
export function useFormMutation<I, R>({ form, schema, mutationFn, invalidate, successMessage, onSuccess }: Options<I, R>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn,
    onSuccess: async (result) => {
      if (invalidate) await queryClient.invalidateQueries({ queryKey: invalidate });
      void message.success(successMessage ?? t('common.saved'));
      onSuccess?.(result);
    },
    onError: (error) => reportError(error, message, form),
  });
  return {
    submit: (values: Record<string, unknown>) => {
      const input = validate(form, schema, values);
      if (input) mutation.mutate(input);
    },
    pending: mutation.isPending,
  };
}
