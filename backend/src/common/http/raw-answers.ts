import { Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * Writes a complete HTTP response in the API's error shape straight onto a socket, then closes it.
 * For the places with no reply to use: refused WebSocket upgrades and requests the HTTP
 * parser could not read.
 */
export function answerAndClose(socket: Duplex, status: number, message: string): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const error = STATUS_CODES[status] ?? 'Error';
  const body = JSON.stringify({ statusCode: status, error, message });
  // Closed once written: a client that keeps its side open must not hold the socket.
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${error}\r\n` +
      'Connection: close\r\n' +
      'Content-Type: application/json; charset=utf-8\r\n' +
      'Cache-Control: no-store\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

const logger = new Logger('Http');

/**
 * Answers a request the HTTP parser refuses (garbage, headers over Node's 16 KB limit, a request that
 * took too long to arrive) with 400, 431 or 408 and closes the connection, logging at debug level
 * only: this is what scanners send all day. Fastify's `clientErrorHandler` (it replaces Fastify's own,
 * which answers without the API's error shape).
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  // A response already under way (keep-alive) cannot be followed by another: just close.
  const inProgress = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
  if (error.code === 'ECONNRESET' || inProgress) {
    socket.destroy();
    return;
  }
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  logger.debug(`Refused a request the HTTP parser could not read (${error.code ?? error.message}): ${status}`);
  answerAndClose(
    socket,
    status,
    status === 431
      ? 'The request headers are too large.'
      : status === 408
        ? 'The request took too long to arrive.'
        : 'That request could not be read.',
  );
}
