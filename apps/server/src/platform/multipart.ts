import type { FastifyRequest } from 'fastify';
import { DomainError } from './errors.js';

/**
 * Reads a multipart/form-data request of one file and text fields. `missingFile` tells the sender
 * what to choose when the file is absent (e.g. 请选择要导入的 Excel 文件).
 */
export async function readOneFile(
  request: FastifyRequest,
  missingFile: string,
): Promise<{ fields: Record<string, string>; file: { fileName: string; data: Buffer } }> {
  if (!request.isMultipart()) throw new DomainError('MULTIPART_REQUIRED', '请以 multipart/form-data 上传文件', undefined, 415);
  const fields: Record<string, string> = {};
  let file: { fileName: string; data: Buffer } | null = null;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (file) throw new DomainError('ONE_FILE_ONLY', '一次只能上传一个文件');
      file = { fileName: part.filename, data: await part.toBuffer() };
    } else fields[part.fieldname] = String(part.value);
  }
  if (!file) throw new DomainError('FILE_REQUIRED', missingFile);
  return { fields, file };
}
