import { PayloadTooLargeException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DomainError, ValidationFailedError } from '../../../common/errors/domain.error';

/** A file read whole from the request, once its size limit is known. */
export interface UploadedAttachment {
  originalName: string;
  data: Buffer;
}

/**
 * Reads the request's one file, at most `maxBytes`: called by the service after access is granted and the tender's
 * limit is known, so nobody without access makes the server buffer anything, and each tender's own size limit
 * (up to 50 MB) applies instead of the import's. The name is kept whole (`preservePath`) so that a name with
 * folders in it is refused, not quietly cut.
 */
export type AttachmentReader = (maxBytes: number, limitText: string) => Promise<UploadedAttachment>;

export function attachmentReader(req: FastifyRequest, field: string): AttachmentReader {
  return async (maxBytes, limitText) => {
    if (!req.isMultipart()) throw new ValidationFailedError(`Send one file as multipart/form-data, in the form field "${field}".`);
    let file: UploadedAttachment | undefined;
    try {
      for await (const part of req.parts({ preservePath: true, limits: { fileSize: maxBytes, files: 1, fields: 5, parts: 10 } })) {
        if (part.type !== 'file') continue;
        if (part.fieldname !== field || file) {
          part.file.resume();
          throw new ValidationFailedError(`Send one file, in the form field "${field}".`);
        }
        // toBuffer() refuses a file cut short at the size limit (FST_REQ_FILE_TOO_LARGE).
        file = { originalName: part.filename, data: await part.toBuffer() };
      }
    } catch (error) {
      throw refusal(error, field, limitText);
    }
    if (!file) throw new ValidationFailedError(`Choose a file to upload (form field "${field}").`);
    return file;
  };
}

function refusal(error: unknown, field: string, limitText: string): DomainError | PayloadTooLargeException {
  if (error instanceof DomainError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') {
    const message = `That file is too large: this tender accepts files up to ${limitText}.`;
    return new PayloadTooLargeException({ message, details: [{ field, message }] });
  }
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
    return new ValidationFailedError(`That upload has too many parts. Send one file, in the form field "${field}".`);
  }
  return new ValidationFailedError(`That upload could not be read. Send one file as multipart/form-data, in the form field "${field}".`);
}
