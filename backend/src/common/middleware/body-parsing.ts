import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';

const MESSAGES: Record<string, string> = {
  'entity.parse.failed': 'The request body is not valid JSON.',
  'entity.too.large': 'The request body is too large.',
  'entity.too.deep': 'The request body nests lists or objects too deeply.',
  'entity.prototype.key': 'The request body uses a reserved field name (__proto__, constructor or prototype).',
  'encoding.unsupported': 'The request body uses an encoding that is not supported.',
  'charset.unsupported': 'The request body uses a character set that is not supported.',
  'request.aborted': 'The request was cut off before its body arrived.',
};

/**
 * How deeply the JSON text nests arrays and objects, stopping as soon as it passes `limit`. A character scan
 * that skips strings; it never builds anything, so it cannot itself run out of stack.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > limit) return true;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      depth--;
    }
  }
  return false;
}

/** The body as text in the charset it declared (JSON is nearly always UTF-8; body-parser also accepts UTF-16). */
function decode(raw: Buffer, encoding: string): string {
  if (/^utf-?8$/i.test(encoding)) return raw.toString('utf8');
  try {
    return new TextDecoder(encoding).decode(raw);
  } catch {
    throw Object.assign(new Error(`unsupported charset ${encoding}`), { type: 'charset.unsupported' });
  }
}

const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * JSON.parse keeps "__proto__" as an ordinary key, but class-transformer then assigns it onto the DTO, which swaps
 * the DTO's prototype for the sender's object: its fields are inherited, unseen by the whitelist, and the class's
 * rules no longer apply. class-transformer silently drops "constructor". No field of ours has any of these names,
 * so refuse them at any depth while parsing, whatever helper later merges or copies the body (the reviver sees
 * decoded keys, so escaped spellings are caught too).
 */
function refusePrototypeKey(key: string, value: unknown): unknown {
  if (RESERVED_KEYS.has(key)) throw new PrototypeKeyError(`reserved key ${key} in JSON body`);
  return value;
}

/** A class, not a `type` property: body-parser strips an error thrown while parsing down to its message. */
class PrototypeKeyError extends Error {}

/**
 * JSON body parsing whose errors answer in the API's error shape (express would otherwise reply with an HTML page),
 * before any route runs, so nothing is written. Bodies nested deeper than `maxDepth` are refused before
 * `JSON.parse`: validating them recursively would overflow the stack (a 10 KB `[[[[…]]]]` did).
 */
export function jsonBody(limit: string, maxDepth: number): RequestHandler {
  const parse = express.json({
    limit,
    reviver: refusePrototypeKey,
    verify: (_req, _res, raw, encoding) => {
      if (jsonDepthExceeds(decode(raw, encoding || 'utf-8'), maxDepth)) {
        throw Object.assign(new Error(`JSON nested deeper than ${maxDepth}`), { status: 400, type: 'entity.too.deep' });
      }
    },
  });
  return (req: Request, res: Response, next: NextFunction) =>
    parse(req, res, (err?: { status?: number; type?: string }) => {
      if (!err) return next();
      if (err instanceof PrototypeKeyError) err.type = 'entity.prototype.key';
      // body-parser answers 403 for anything `verify` throws; these are the client's body, so 400 (or 415).
      const statusCode =
        err.type === 'entity.too.deep' ? 400
        : err.type === 'charset.unsupported' ? 415
        : err.status && err.status >= 400 && err.status < 500 ? err.status : 400;
      res.status(statusCode).json({
        statusCode,
        error: statusCode === 413 ? 'Payload Too Large' : statusCode === 415 ? 'Unsupported Media Type' : 'Bad Request',
        message: (err.type && MESSAGES[err.type]) ?? 'The request body could not be read.',
      });
    });
}
