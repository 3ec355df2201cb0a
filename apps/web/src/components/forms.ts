import type { FormInstance } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import i18n from '../app/i18n';
import { ApiError, type FieldError } from '../app/api';

interface Issue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}
/** The part of a zod schema the forms use, so the web app needs no zod import of its own. */
export interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: readonly Issue[] } };
}

function namePath(path: string): (string | number)[] {
  return path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function isBlank(value: unknown) {
  return value === undefined || value === null || value === '';
}

/** A blank field's problem is always that it is required, said plainly rather than as a type error. */
function issueMessage(issue: Issue, value: unknown): string {
  return isBlank(value) ? i18n.t('common.required') : issue.message;
}

function setFieldErrors(form: FormInstance, fields: FieldError[]) {
  const byPath = new Map<string, string[]>();
  for (const f of fields) byPath.set(f.path, [...(byPath.get(f.path) ?? []), f.message]);
  form.setFields([...byPath].map(([path, errors]) => ({ name: namePath(path), errors })));
}

/** Form onValuesChange: an edited field drops the error set on it by validate or the server. */
export function clearErrorsOnChange(form: FormInstance) {
  return (changed: Record<string, unknown>) => form.setFields(Object.keys(changed).map((name) => ({ name, errors: [] })));
}

/** Validates form values with a shared schema; shows the problems on the fields and returns null if any. */
export function validate<T>(form: FormInstance, schema: Schema<T>, values: Record<string, unknown>): T | null {
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return { path, message: issueMessage(issue, form.getFieldValue(namePath(path))) };
  });
  setFieldErrors(form, fields);
  return null;
}

/** Shows a failed call: per-field messages on the form where the server gave them, else a toast. */
export function reportError(error: unknown, message: MessageInstance, form?: FormInstance) {
  if (error instanceof ApiError && form && error.fields.length > 0) {
    setFieldErrors(form, error.fields);
    return;
  }
  void message.error(error instanceof Error ? error.message : String(error));
}

/** Empty text inputs mean "no value": the schemas expect null there. */
export function blankToNull<T extends Record<string, unknown>>(values: T): T {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key, typeof value === 'string' && value.trim() === '' ? null : value]),
  ) as T;
}

/** What a shared schema accepts once valid: the type of the body an API function sends. */
export type SchemaInput<S> = S extends Schema<infer T> ? T : never;
