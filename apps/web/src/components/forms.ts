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

/** zod's own messages are English; the shared schemas' own messages are Chinese and kept. */
function issueMessage(issue: Issue, value: unknown): string {
  if (!issue.message.startsWith('Invalid')) return issue.message;
  return i18n.t(isBlank(value) ? 'common.required' : 'common.invalid');
}

function setFieldErrors(form: FormInstance, fields: FieldError[]) {
  form.setFields(fields.map((f) => ({ name: namePath(f.path), errors: [f.message] })));
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
