import type { InjectOptions, Response as LightMyRequestResponse } from 'light-my-request';
export interface UploadedFile {
  /** The form field's name. */
  name: string;
  fileName: string;
  type?: string;
  data: Buffer;
}

/**
 * A multipart/form-data body as a browser sends it, encoded by the platform's own FormData (undici),
 * kept as a Buffer so one body can be sent several times.
 */
export async function multipart(fields: Record<string, string>, files: UploadedFile[]) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const f of files)
    form.append(f.name, new Blob([new Uint8Array(f.data)], { type: f.type ?? 'application/octet-stream' }), f.fileName);
  const encoded = new Response(form);
  return {
    payload: Buffer.from(await encoded.arrayBuffer()),
    headers: { 'content-type': encoded.headers.get('content-type')! },
  };
}

/** Posts a multipart body as a signed-in user, with the CSRF token a browser sends. */
export async function postMultipart(
  app: { inject: (opts: InjectOptions) => Promise<LightMyRequestResponse> },
  who: { cookies: Record<string, string>; token: string },
  url: string,
  fields: Record<string, string>,
  files: UploadedFile[],
) {
  const { payload, headers } = await multipart(fields, files);
  return app.inject({ method: 'POST', url, payload, cookies: who.cookies, headers: { ...headers, 'x-csrf-token': who.token } });
}
