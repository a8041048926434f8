import { type INestApplication, RequestMethod, type Type } from '@nestjs/common';
import { INTERCEPTORS_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { type ApplicationConfig, DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { PathsExplorer } from '@nestjs/core/router/paths-explorer';
import { RoutePathFactory } from '@nestjs/core/router/route-path-factory';
import type { Action } from '../../src/common/access/actions';
import { ACCESS_ACTION } from '../../src/common/decorators/access.decorators';
import { IS_PUBLIC } from '../../src/common/decorators/auth.decorators';

/** One route as Nest registers it, with what it declares about access. */
export interface NestRoute {
  method: string;
  /** The full path as served, with Nest's `:param` placeholders, e.g. /api/v1/tenders/:id. */
  path: string;
  /** Controller.handler, to name an offender. */
  handler: string;
  isPublic: boolean;
  action: Action | undefined;
  /** What the handler can reach of a request body (see `bodyAccessOf`). */
  body: BodyAccess;
}

/**
 * - `parsed`: a `@Body()` (or `@RawBody()`, `@UploadedFile(s)()`) parameter: the handler reads the body.
 * - `request`: none of those, but a `@Req()` parameter or an interceptor of its own, either of which may read the
 *   body itself (a multipart upload's stream does).
 * - `none`: neither: whatever a client sends is never read. Custom parameter decorators (`@CurrentUser()`,
 *   `@UploadedDocumentFile()`) only hand on what a guard or interceptor put on the request.
 */
export type BodyAccess = 'parsed' | 'request' | 'none';

const READS_BODY = new Set<number>([RouteParamtypes.BODY, RouteParamtypes.RAW_BODY, RouteParamtypes.FILE, RouteParamtypes.FILES]);

/** From Nest's route argument metadata (keys `<paramtype>:<index>`) and interceptor metadata, as its router reads them. */
function bodyAccessOf(controller: Type<unknown>, methodName: string, handler: object): BodyAccess {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, methodName) ?? {}) as Record<string, unknown>;
  const types = Object.keys(args).map((key) => Number(key.split(':')[0]));
  if (types.some((type) => READS_BODY.has(type))) return 'parsed';
  const interceptors = [handler, controller].flatMap((target) => (Reflect.getMetadata(INTERCEPTORS_METADATA, target) ?? []) as unknown[]);
  return types.includes(RouteParamtypes.REQUEST) || interceptors.length > 0 ? 'request' : 'none';
}

/**
 * Every route the application registers, read from Nest's own metadata the way its router reads it
 * (`PathsExplorer` over each discovered controller, `RoutePathFactory` with the application's global prefix
 * and its exclusions), not from a list kept by hand and not from one HTTP adapter's internals.
 */
export function listNestRoutes(app: INestApplication): NestRoute[] {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const reflector = app.get(Reflector);
  const explorer = new PathsExplorer(new MetadataScanner());
  // The application's router configuration (global prefix and exclusions); @nestjs/swagger reads it the same way.
  const config = (app as unknown as { config: ApplicationConfig }).config;
  const paths = new RoutePathFactory(config);
  const globalPrefix = config.getGlobalPrefix() ? `/${config.getGlobalPrefix().replace(/^\//, '')}` : undefined;
  const routes: NestRoute[] = [];
  for (const wrapper of discovery.getControllers()) {
    const { instance, metatype } = wrapper;
    if (!instance || !metatype) continue;
    const controller = metatype as Type<unknown>;
    const ctrlPaths = [Reflect.getMetadata(PATH_METADATA, controller) ?? '/'].flat() as string[];
    for (const definition of explorer.scanForPaths(instance as object)) {
      const handler = definition.targetCallback as unknown as (...args: unknown[]) => unknown;
      const targets = [handler, controller];
      for (const ctrlPath of ctrlPaths) {
        for (const methodPath of definition.path) {
          for (const path of paths.create({ ctrlPath, methodPath, globalPrefix }, definition.requestMethod)) {
            routes.push({
              method: RequestMethod[definition.requestMethod],
              path,
              handler: `${controller.name}.${definition.methodName}`,
              isPublic: reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) === true,
              action: reflector.getAllAndOverride<Action | undefined>(ACCESS_ACTION, targets),
              body: bodyAccessOf(controller, definition.methodName, handler),
            });
          }
        }
      }
    }
  }
  return routes;
}

/** The route key in OpenAPI's spelling, e.g. "GET /api/v1/tenders/{id}". */
export const openApiKey = (route: Pick<NestRoute, 'method' | 'path'>) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`;
