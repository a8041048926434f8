import type { FastifyReply } from 'fastify';

/** OpenAPI's description of a PDF download. */
export const PDF_RESPONSE = { description: 'A PDF', schema: { type: 'string', format: 'binary' } } as const;

/** Sends a PDF as the other PDFs are: a download, never cached. */
export async function sendPdf(reply: FastifyReply, file: { fileName: string; pdf: Buffer }): Promise<void> {
  await reply
    .header('Content-Type', 'application/pdf')
    .header('Content-Disposition', `attachment; filename="${file.fileName}"`)
    .header('Cache-Control', 'private, no-store')
    .send(file.pdf);
}
