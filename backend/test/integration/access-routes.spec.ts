import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACTIONS, isOpenToAnyone } from '../../src/common/access/access-policy';
import { AccessService } from '../../src/common/access/access.service';
import { AccessGuard } from '../../src/common/guards/access.guard';
import { listOperations, type OpenApiDocument, operationKey } from '../support/openapi-operations';
import { listNestRoutes, type NestRoute, openApiKey } from '../support/nest-routes';
import { startTestApp, type TestApp } from '../support/test-app';

const named = (r: NestRoute) => `${r.method} ${r.path} (${r.handler})`;

/**
 * Every route the application registers, read from Nest's own router metadata, declares who may call it:
 * `@Public()`, or an action of the access policy (`@Allow(...)`). A failure lists the offending routes.
 */
describe('every route declares its access', () => {
  let t: TestApp;
  let routes: NestRoute[];
  beforeAll(async () => {
    t = await startTestApp();
    routes = listNestRoutes(t.app);
  });
  afterAll(() => t.close());

  it('enumerates exactly the routes the API documents, so none escapes the checks below', async () => {
    const doc = (await t.client().get('/api/docs-json')).body as OpenApiDocument;
    const documented = listOperations(doc).map(operationKey).sort();
    const enumerated = routes.map(openApiKey).sort();
    expect(enumerated.length).toBeGreaterThan(30);
    expect(enumerated).toEqual(documented);
  });

  it('has @Public() or a declared action on every route', () => {
    expect(routes.filter((r) => !r.isPublic && !r.action).map(named)).toEqual([]);
  });

  it('declares only actions the policy knows, and @Public() exactly where the action admits anyone', () => {
    expect(routes.filter((r) => r.action && !ACTIONS.includes(r.action)).map(named)).toEqual([]);
    // Otherwise the authentication guard would turn away (or let in) someone the policy lets in (or not).
    expect(routes.filter((r) => r.action && isOpenToAnyone(r.action) !== r.isPublic).map(named)).toEqual([]);
  });

  it('refuses a route that declares nothing, rather than leaving it open', () => {
    const guard = new AccessGuard(new Reflector(), new AccessService());
    class Undeclared {
      handle() {}
    }
    const context = {
      getHandler: () => Undeclared.prototype.handle,
      getClass: () => Undeclared,
      switchToHttp: () => ({ getRequest: () => ({ user: undefined }) }),
    } as unknown as ExecutionContext;
    expect(() => guard.canActivate(context)).toThrow(/declares no access rule/);
  });
});
