import { Logger as NestLogger, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { API_PREFIX } from '@openbrief/contracts';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from './app.module';
import { CollaborationService } from './modules/collaboration/collaboration.service';
import type { Settings } from './config/settings';
import { answerClientErrors } from './common/http/raw-answers';
import { jsonBody } from './common/middleware/body-parsing';
import { cacheControl } from './common/middleware/cache-control.middleware';
import { CsrfTokens, csrfProtection } from './common/middleware/csrf.middleware';
import { resolveAppSecret } from './config/app-secret';
import { createValidationPipe } from './common/validation/validation.pipe';

/** Builds the whole app (used by main.ts and by the integration tests, so both run the same stack). */
export async function createApp(settings: Settings): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(settings), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  // Decides req.ip (rate limits) and req.secure (Secure cookies) behind a reverse proxy: TRUST_PROXY.
  app.set('trust proxy', settings.trustProxy);
  app.disable('x-powered-by');
  // ETags are set where they mean something (a tender's revision), not hashed over every body.
  app.set('etag', false);
  app.use(
    helmet({
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
    }),
  );
  app.use(cookieParser());
  app.use(jsonBody('1mb', settings.jsonMaxDepth));
  app.use('/api', cacheControl());
  app.use('/api', csrfProtection(new CsrfTokens(resolveAppSecret(settings), settings.cookieSecure)));
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

  serveFrontend(app, settings.frontendDist);
  answerClientErrors(app.getHttpServer());
  app.get(CollaborationService).attach(app.getHttpServer());
  return app;
}

/** One port serves everything: the built Angular app, with index.html for its client-side routes. */
function serveFrontend(app: NestExpressApplication, dist: string): void {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) {
    new NestLogger('Frontend').warn(`No built frontend at ${dist}; serving the API only. Run "npm run build".`);
    return;
  }
  app.use(express.static(dist, { index: false, maxAge: '1h' }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
