import { Logger as NestLogger, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { API_PREFIX } from '@openbrief/contracts';
import type { FastifyInstance } from 'fastify';
import { Logger } from 'nestjs-pino';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from './app.module';
import { CollaborationService } from './modules/collaboration/collaboration.service';
import { PublicCache } from './modules/marketplace/public-cache/public-cache';
import { registerPublicCache } from './modules/marketplace/public-cache/public-cache.hooks';
import type { Settings } from './config/settings';
import { cacheControl } from './common/http/cache-control';
import { CsrfTokens, csrfProtection } from './common/http/csrf';
import { registerJsonBody } from './common/http/json-body';
import { answerClientError } from './common/http/raw-answers';
import { requestIdFor } from './common/http/request-id';
import { pathOf } from './common/http/request-path';
import { resolveAppSecret } from './config/app-secret';
import { createValidationPipe } from './common/validation/validation.pipe';

/** JSON bodies up to 1 MiB (a tender's content is far smaller; the import's upload has its own limit). */
const JSON_BODY_LIMIT = 1024 * 1024;

/** Builds the whole app (used by main.ts and by the integration tests, so both run the same stack). */
export async function createApp(settings: Settings): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    // Decides request.ip (rate limits) and request.protocol (Secure cookies) behind a reverse proxy: TRUST_PROXY.
    trustProxy: settings.trustProxy,
    bodyLimit: JSON_BODY_LIMIT,
    genReqId: requestIdFor,
    // Node's own limit for a request to arrive whole (Fastify turns it off by default): slow senders get a 408.
    requestTimeout: 300_000,
    clientErrorHandler: answerClientError,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(settings), adapter, {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;

  // onRequest hooks run in the order they are added: headers first, then cookies, then what reads cookies.
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Angular inlines critical CSS; the Swagger UI needs inline styles too.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        // 'self' covers the live editor's ws:/wss: to this same host (CSP Level 3); nothing else may be reached.
        connectSrc: ["'self'"],
        upgradeInsecureRequests: settings.cookieSecure ? [] : null,
      },
    },
  });
  fastify.addHook('onRequest', (req, reply, done) => {
    void reply.header('x-request-id', req.id);
    done();
  });
  // A public read the cache holds is answered here, with the headers above and before any cookie is read.
  registerPublicCache(fastify, app.get(PublicCache));
  await app.register(fastifyCookie);
  fastify.addHook('onRequest', cacheControl);
  fastify.addHook('onRequest', csrfProtection(new CsrfTokens(resolveAppSecret(settings), settings.cookieSecure)));
  registerJsonBody(fastify, JSON_BODY_LIMIT, settings.jsonMaxDepth);
  // The specification import's upload (IMPORT_MAX_BYTES); read by SingleFileUpload, refused past these limits.
  await app.register(fastifyMultipart, {
    limits: { fileSize: settings.import.maxBytes, files: 1, fields: 10, fieldSize: 64 * 1024, parts: 20, headerPairs: 100 },
  });

  app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: 'api/health', method: RequestMethod.GET }] });
  app.useGlobalPipes(createValidationPipe());

  const openApi = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Openbrief API')
      .setDescription('Outcome-based public procurement. Errors share one shape: { statusCode, error, message, details? }.')
      .setVersion(settings.version)
      .addCookieAuth('openbrief_session')
      .addSecurityRequirements('cookie')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, openApi, { jsonDocumentUrl: 'api/docs-json' });

  await serveFrontend(app, fastify, settings.frontendDist);
  app.get(CollaborationService).attach(app.getHttpServer());
  return app;
}

/**
 * One port serves everything: the built Angular app, with index.html for its client-side routes. Each built
 * file is a route of its own (listed once at start), so an API request never touches the disk for them.
 */
async function serveFrontend(app: NestFastifyApplication, fastify: FastifyInstance, dist: string): Promise<void> {
  if (!existsSync(join(dist, 'index.html'))) {
    new NestLogger('Frontend').warn(`No built frontend at ${dist}; serving the API only. Run "npm run build".`);
    return;
  }
  // One route per built file (wildcard: false), so the route below catches every other path.
  await app.register(fastifyStatic, { root: dist, index: false, maxAge: '1h', wildcard: false });
  fastify.get('/*', (req, reply) => {
    if (pathOf(req.url).startsWith('/api')) return reply.callNotFound();
    return reply.header('Cache-Control', 'no-cache').sendFile('index.html', { cacheControl: false });
  });
}
