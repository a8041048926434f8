import { DynamicModule, Global, Module, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { SETTINGS, type Settings } from './config/settings';
import { ApiExceptionFilter } from './common/filters/api-exception.filter';
import { pathOf } from './common/http/request-path';
import { AuthenticationGuard } from './common/guards/authentication.guard';
import { AccessGuard } from './common/guards/access.guard';
import { AccessModule } from './common/access/access.module';
import { dataSourceOptions } from './database/data-source';
import { DatabaseModule } from './database/database.module';
import { EventsModule } from './common/events/events.module';
import { AuditModule } from './modules/audit/audit.module';
import { CollaborationModule } from './modules/collaboration/collaboration.module';
import { CommentsModule } from './modules/comments/comments.module';
import { HealthModule } from './modules/health/health.module';
import { IdentityModule } from './modules/identity/identity.module';
import { MarketplaceModule } from './modules/marketplace/marketplace.module';
import { SpecCheckModule } from './modules/spec-check/spec-check.module';
import { TendersModule } from './modules/tenders/tenders.module';
import { DemoSeedModule } from './seed/demo-seed.module';
import { ClockModule } from './common/clock/clock';
import { ClarificationsModule } from './modules/clarifications/clarifications.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { ResponsesModule } from './modules/responses/responses.module';
import { VaultModule } from './modules/vault/vault.module';
import { EvaluationModule } from './modules/evaluation/evaluation.module';
import { AwardModule } from './modules/award/award.module';
import { EngagementModule } from './modules/engagement/engagement.module';
import { OpenDataModule } from './modules/open-data/open-data.module';

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
        // Each module registers its own entities (TypeOrmModule.forFeature); the data source loads those.
        TypeOrmModule.forRoot({ ...dataSourceOptions(settings.database), autoLoadEntities: true }),
        DatabaseModule,
        EventsModule,
        ClockModule,
        AccessModule,
        IdentityModule,
        TendersModule,
        MarketplaceModule,
        SpecCheckModule,
        CollaborationModule,
        CommentsModule,
        HealthModule,
        AuditModule,
        NotificationsModule,
        VaultModule,
        ClarificationsModule,
        ResponsesModule,
        EvaluationModule,
        AwardModule,
        EngagementModule,
        OpenDataModule,
        DemoSeedModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AuthenticationGuard },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
      ],
    };
  }
}
