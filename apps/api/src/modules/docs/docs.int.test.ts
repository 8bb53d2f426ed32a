import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUS_OF } from '../../http/app-error.ts';
import { routeTable } from '../../test/route-table.ts';
import { startTestApp, type TestApp } from '../../test/test-app.ts';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api.close());

describe('GET /api/openapi.json', () => {
  it('when fetched, then it is an OpenAPI 3.1 document with every route of the route table', async () => {
    const res = await api.http.get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ openapi: '3.1.0', info: { title: 'Muse API' } });
    const documented = Object.entries(res.body.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const routes = routeTable(api.app).map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    expect(documented.sort()).toEqual(routes.sort());
  });

  it('when a route needs a token, then its operation says so and documents its errors with the envelope', async () => {
    const { body } = await api.http.get('/api/openapi.json');
    const patchUser = body.paths['/api/users/{id}'].patch;
    expect(patchUser.security).toEqual([{ bearerAuth: [] }]);
    expect(patchUser.parameters).toEqual([
      expect.objectContaining({ name: 'id', in: 'path', required: true }),
      expect.objectContaining({ name: 'X-Muse-Workspace', in: 'header', required: false }),
    ]);
    expect(patchUser.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/UpdateUserBody',
    });
    expect(Object.keys(patchUser.responses)).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '409',
      '413',
      '429',
      '500',
    ]);
    expect(patchUser.responses['404'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/Error',
    });
    expect(body.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(Object.keys(body.components.schemas)).toEqual(
      expect.arrayContaining(['User', 'Tenant', 'Me', 'Error', 'InviteUserBody', 'CreateTenantBody']),
    );
    expect(body.paths['/healthz'].get.security).toEqual([]);
    // A member's route names its workspace; the identity's own routes and public ones do not.
    const headersOf = (operation: { parameters?: { in: string; name: string }[] }) =>
      (operation.parameters ?? []).filter((p) => p.in === 'header').map((p) => p.name);
    expect(headersOf(patchUser)).toEqual(['X-Muse-Workspace']);
    expect(headersOf(body.paths['/api/me/workspaces'].get)).toEqual([]);
    expect(headersOf(body.paths['/healthz'].get)).toEqual([]);
  });

  it('when a route may refuse a run for the token quota, then exactly that status documents quota_exceeded', async () => {
    const { body } = await api.http.get('/api/openapi.json');
    const paths = body.paths as Record<
      string,
      Record<string, { responses: Record<string, { description: string }> }>
    >;
    const documentingQuota = Object.entries(paths).flatMap(([path, operations]) =>
      Object.entries(operations).flatMap(([method, operation]) =>
        Object.entries(operation.responses)
          .filter(([, response]) => response.description.includes('quota_exceeded'))
          .map(([status]) => `${method.toUpperCase()} ${path} ${status}`),
      ),
    );
    // The status generations.int.test.ts sees on the wire when the quota refuses a run.
    expect(STATUS_OF.quota_exceeded).toBe(429);
    expect(documentingQuota.sort()).toEqual([
      'POST /api/campaigns/{id}/generate 429',
      'POST /api/ideas/{id}/regenerate 429',
    ]);
    expect(JSON.stringify(body)).not.toContain('"402"');
  });

  it('when a body is strict, then the schema forbids unknown properties', async () => {
    const { body } = await api.http.get('/api/openapi.json');
    expect(body.components.schemas.InviteUserBody).toMatchObject({
      additionalProperties: false,
      required: expect.arrayContaining(['email', 'name', 'role']),
    });
  });
});

describe('GET /api/docs', () => {
  it('when opened, then a Swagger UI page loads its files from this API', async () => {
    const page = await api.http.get('/api/docs');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    for (const asset of ['/api/docs/swagger-ui.css', '/api/docs/swagger-ui-bundle.js', '/api/docs/docs.js']) {
      expect(page.text).toContain(asset);
      const res = await api.http.get(asset);
      expect(res.status).toBe(200);
      expect(Number(res.headers['content-length'] ?? res.text.length)).toBeGreaterThan(0);
    }
    expect((await api.http.get('/api/docs/docs.js')).text).toContain("url: '/api/openapi.json'");
  });

  it('when another file is asked for, then 400 and no file is served', async () => {
    const res = await api.http.get('/api/docs/..%2Fpackage.json');
    expect(res.status).toBe(400);
  });
});
