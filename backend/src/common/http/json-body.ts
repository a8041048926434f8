import { BadRequestException, HttpException, HttpStatus, UnsupportedMediaTypeException } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';

const MESSAGES = {
  parse: 'The request body is not valid JSON.',
  tooLarge: 'The request body is too large.',
  tooDeep: 'The request body nests lists or objects too deeply.',
  prototypeKey: 'The request body uses a reserved field name (__proto__, constructor or prototype).',
  encoding: 'The request body uses an encoding that is not supported.',
  charset: 'The request body uses a character set that is not supported.',
} as const;

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

/** The charset parameter of a Content-Type header, lower-cased; utf-8 when absent. */
function charsetOf(contentType: string | undefined): string {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return (match?.[1] ?? 'utf-8').toLowerCase();
}

/** The body as text in the charset it declared. JSON is nearly always UTF-8; UTF-16 is taken too, nothing else. */
function decode(raw: Buffer, charset: string): string {
  if (charset === 'utf-8' || charset === 'utf8') return raw.toString('utf8');
  if (!charset.startsWith('utf-')) throw new UnsupportedMediaTypeException(MESSAGES.charset);
  try {
    return new TextDecoder(charset).decode(raw);
  } catch {
    throw new UnsupportedMediaTypeException(MESSAGES.charset);
  }
}

const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

class PrototypeKeyError extends Error {}

/**
 * JSON.parse keeps "__proto__" as an ordinary key, but class-transformer then assigns it onto the DTO, which swaps
 * the DTO's prototype for the sender's object: its fields are inherited, unseen by the whitelist, and the class's
 * rules no longer apply. class-transformer silently drops "constructor". No field of ours has any of these names,
 * so refuse them at any depth while parsing, whatever helper later merges or copies the body (the reviver sees
 * decoded keys, so escaped spellings are caught too).
 */
function refusePrototypeKey(key: string, value: unknown): unknown {
  if (RESERVED_KEYS.has(key)) throw new PrototypeKeyError(key);
  return value;
}

/**
 * Reads a JSON body, refusing in the API's error shape (the exception filter answers the HttpExceptions thrown here)
 * before any route runs, so nothing is written. An empty body is `{}`; only an object or an array is taken at the top,
 * as body-parser did. Bodies nested deeper than `maxDepth` are refused before `JSON.parse`: validating them recursively
 * would overflow the stack (a 10 KB `[[[[…]]]]` did).
 */
export function parseJsonBody(
  raw: Buffer,
  contentType: string | undefined,
  contentEncoding: string | undefined,
  maxDepth: number,
): unknown {
  if (contentEncoding && contentEncoding.toLowerCase() !== 'identity') throw new UnsupportedMediaTypeException(MESSAGES.encoding);
  const text = decode(raw, charsetOf(contentType));
  const start = text.search(/\S/);
  if (start === -1) return {};
  if (text[start] !== '{' && text[start] !== '[') throw new BadRequestException(MESSAGES.parse);
  if (jsonDepthExceeds(text, maxDepth)) throw new BadRequestException(MESSAGES.tooDeep);
  try {
    return JSON.parse(text, refusePrototypeKey);
  } catch (error) {
    throw new BadRequestException(error instanceof PrototypeKeyError ? MESSAGES.prototypeKey : MESSAGES.parse);
  }
}

/**
 * Replaces Fastify's JSON parser (and its text/plain one: every body the API takes is JSON or, for the import,
 * multipart) with `parseJsonBody`. Fastify itself refuses a body over `bodyLimit` (413) and any other content type
 * (415); the exception filter words those answers.
 */
export function registerJsonBody(fastify: FastifyInstance, bodyLimit: number, maxDepth: number): void {
  fastify.removeContentTypeParser(['application/json', 'text/plain']);
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit }, (req: FastifyRequest, body: Buffer, done) => {
    try {
      done(null, parseJsonBody(body, req.headers['content-type'], req.headers['content-encoding'], maxDepth));
    } catch (error) {
      done(error as HttpException);
    }
  });
}

/** The words for Fastify's own refusals of a body (they reach the exception filter as HttpExceptions). */
export function bodyRefusalMessage(status: number): string | undefined {
  if (status === HttpStatus.PAYLOAD_TOO_LARGE) return MESSAGES.tooLarge;
  if (status === HttpStatus.UNSUPPORTED_MEDIA_TYPE) return 'The request body must be JSON (Content-Type: application/json).';
  return undefined;
}
