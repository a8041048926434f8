import {
  BadRequestException,
  type CallHandler,
  createParamDecorator,
  type ExecutionContext,
  HttpException,
  type NestInterceptor,
  PayloadTooLargeException,
  UseInterceptors,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';

/** A file read whole from a multipart upload (its size bounded by @fastify/multipart's `fileSize`, see bootstrap.ts). */
export interface UploadedDocument {
  originalname: string;
  buffer: Buffer;
}

const UPLOAD = Symbol('uploaded-document');

const TOO_LARGE = 'That file is too large to upload. Split it into smaller documents, or paste the text instead.';

/** @fastify/multipart's refusals (and busboy's, for a form it cannot read) in the API's words. */
function uploadRefusal(error: unknown, field: string): HttpException {
  if (error instanceof HttpException) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new PayloadTooLargeException(TOO_LARGE);
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
    return new PayloadTooLargeException(`That upload has too many parts. Send one file, in the form field "${field}".`);
  }
  return new BadRequestException(`That upload could not be read. Send one file as multipart/form-data, in the form field "${field}".`);
}

/** Reads the one file of a multipart request under `field`; undefined for a request that is not multipart or has no file. */
async function readSingleFile(req: FastifyRequest, field: string): Promise<UploadedDocument | undefined> {
  if (!req.isMultipart()) return undefined;
  let file: UploadedDocument | undefined;
  try {
    for await (const part of req.parts()) {
      if (part.type !== 'file') continue;
      if (part.fieldname !== field || file) {
        part.file.resume();
        throw new BadRequestException(`Send one file, in the form field "${field}".`);
      }
      // toBuffer() refuses a file cut short at the size limit (FST_REQ_FILE_TOO_LARGE).
      file = { originalname: part.filename, buffer: await part.toBuffer() };
    }
  } catch (error) {
    throw uploadRefusal(error, field);
  }
  return file;
}

class SingleFileInterceptor implements NestInterceptor {
  constructor(private readonly field: string) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    (req as unknown as Record<symbol, unknown>)[UPLOAD] = await readSingleFile(req, this.field);
    return next.handle();
  }
}

/** The route takes one file in the multipart form field `field`; the handler reads it with `@UploadedDocumentFile()`. */
export const SingleFileUpload = (field: string) => UseInterceptors(new SingleFileInterceptor(field));

/** The file `SingleFileUpload` read, or undefined when none was sent. */
export const UploadedDocumentFile = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): UploadedDocument | undefined =>
    (ctx.switchToHttp().getRequest<FastifyRequest>() as unknown as Record<symbol, UploadedDocument | undefined>)[UPLOAD],
);
