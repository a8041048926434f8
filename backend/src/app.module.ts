import { DynamicModule, Global, Module, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { SETTINGS, type Settings } from './config/settings';
import { ApiExceptionFilter } from './common/filters/api-exception.filter';
import { pathOf } from './common/http/request-path';
import { AuthenticationGuard } from './common/guards/authentication.guard';
import { RolesGuard } from './common/guards/roles.guard';
import { dataSourceOptions } from './database/data-source';
import { DatabaseModule } from './database/database.module';
import { EventsModule } from './common/events/events.module';
import { DemoSeedService } from './database/demo-seed.service';
import { CollaborationModule } from './modules/collaboration/collaboration.module';
import { CommentsModule } from './modules/comments/comments.module';
import { HealthModule } from './modules/health/health.module';
import { IdentityModule } from './modules/identity/identity.module';
import { MarketplaceModule } from './modules/marketplace/marketplace.module';
import { SpecCheckModule } from './modules/spec-check/spec-check.module';
import { TendersModule } from './modules/tenders/tenders.module';

@Global()
@Module({})
class SettingsModule {
  static register(settings: Settings): DynamicModule {
    return { module: SettingsModule, providers: [{ provide: SETTINGS, useValue: settings }], exports: [SETTINGS] };
  }
}

@Module({})
export class AppModule {
  static register(settings: Settings): DynamicModule {
    return {
      module: AppModule,
      imports: [
        SettingsModule.register(settings),
        LoggerModule.forRoot({
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: {
            level: settings.logLevel,
            // The request id is Fastify's (bootstrap.ts: requestIdFor), which @fastify/middie hands to pino-http.
            redact: ['req.headers.cookie', 'req.headers["x-xsrf-token"]', 'res.headers["set-cookie"]'],
            autoLogging: { ignore: (req) => pathOf((req as { originalUrl?: string }).originalUrl ?? req.url ?? '') === '/api/health' },
          },
        }),
        TypeOrmModule.forRoot(dataSourceOptions(settings.database)),
        DatabaseModule,
        EventsModule,
        IdentityModule,
        TendersModule,
        MarketplaceModule,
        SpecCheckModule,
        CollaborationModule,
        CommentsModule,
        HealthModule,
      ],
      providers: [
        DemoSeedService,
        { provide: APP_GUARD, useClass: AuthenticationGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
      ],
    };
  }
}
