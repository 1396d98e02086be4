import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { ERROR_CODES, IMPORT_ENCODINGS, IMPORT_FHIR_MAX_BYTES, IMPORT_UPLOAD_MAX_BYTES, type ImportEncoding, type ImportFormat } from '@huifang/shared';
import { importFormatOf, removeUpload, saveUpload } from './import-files';

export interface ReceivedUpload {
  path: string;
  bytes: number;
  fileName: string;
  format: ImportFormat;
  encoding: ImportEncoding;
}

const TOO_LARGE = (maxBytes = IMPORT_UPLOAD_MAX_BYTES) =>
  new PayloadTooLargeException({
    message: `the file must not be larger than ${maxBytes / 1024 / 1024} MB`,
    code: ERROR_CODES.importFileTooLarge,
    params: { maxMb: maxBytes / 1024 / 1024 },
  });

/**
 * Reads a multipart/form-data upload: the part `file` streamed to the upload folder, the optional
 * fields `format` and `encoding` (before or after the file). Anything wrong removes the stored file.
 */
export async function receiveUpload(request: FastifyRequest, folder: string): Promise<ReceivedUpload> {
  if (!request.isMultipart()) throw missingFile();
  let file: { path: string; bytes: number; fileName: string } | null = null;
  const fields: Record<string, string> = {};
  try {
    for await (const part of request.parts({ limits: { fileSize: IMPORT_UPLOAD_MAX_BYTES, files: 1, fields: 10, fieldSize: 1000 } })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || file) {
          part.file.resume();
          continue;
        }
        const saved = await saveUpload(folder, part.file);
        file = { ...saved, fileName: part.filename || 'upload' };
        if (part.file.truncated) throw TOO_LARGE();
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    if (file) await removeUpload(folder, file.path);
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw TOO_LARGE();
    if (error instanceof PayloadTooLargeException) throw error;
    if (typeof (error as { code?: string }).code === 'string' && (error as { code: string }).code.startsWith('FST_')) throw missingFile();
    throw error;
  }
  if (!file) throw missingFile();
  const format = importFormatOf(fields['format'] || undefined, file.fileName);
  const encoding = fields['encoding'] || 'auto';
  if (!format) {
    await removeUpload(folder, file.path);
    throw new BadRequestException({ message: ['format must be csv, xlsx, fhir or nhs_fft (or the file end in .csv, .xlsx or .json)'], code: ERROR_CODES.importUnknownFormat });
  }
  // A FHIR bundle is parsed whole: the reader's bound, told now rather than as a failed job.
  if (format === 'fhir' && file.bytes > IMPORT_FHIR_MAX_BYTES) {
    await removeUpload(folder, file.path);
    throw TOO_LARGE(IMPORT_FHIR_MAX_BYTES);
  }
  if (!(IMPORT_ENCODINGS as readonly string[]).includes(encoding)) {
    await removeUpload(folder, file.path);
    throw new BadRequestException({ message: ['encoding must be auto, utf-8 or gb18030'], code: ERROR_CODES.validation, params: { fields: ['encoding'] } });
  }
  return { ...file, format, encoding: encoding as ImportEncoding };
}

function missingFile(): BadRequestException {
  return new BadRequestException({ message: ['file must be sent as multipart/form-data'], code: ERROR_CODES.importFileMissing });
}
