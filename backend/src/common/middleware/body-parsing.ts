import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';

const MESSAGES: Record<string, string> = {
  'entity.parse.failed': 'The request body is not valid JSON.',
  'entity.too.large': 'The request body is too large.',
  'encoding.unsupported': 'The request body uses an encoding that is not supported.',
  'charset.unsupported': 'The request body uses a character set that is not supported.',
  'request.aborted': 'The request was cut off before its body arrived.',
};

/**
 * JSON body parsing whose errors answer in the API's error shape (express would otherwise reply with an HTML page),
 * before any route runs, so nothing is written.
 */
export function jsonBody(limit: string): RequestHandler {
  const parse = express.json({ limit });
  return (req: Request, res: Response, next: NextFunction) =>
    parse(req, res, (err?: { status?: number; type?: string }) => {
      if (!err) return next();
      const statusCode = err.status && err.status >= 400 && err.status < 500 ? err.status : 400;
      res.status(statusCode).json({
        statusCode,
        error: statusCode === 413 ? 'Payload Too Large' : 'Bad Request',
        message: (err.type && MESSAGES[err.type]) ?? 'The request body could not be read.',
      });
    });
}
