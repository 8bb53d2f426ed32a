import { createRequire } from 'node:module';
import path from 'node:path';
import { type DocsAsset, operationsRoutes } from '@muse/contracts';
import { implementRoute, type RouteDefinition } from '../../http/route-registry.ts';
import { buildOpenApiDocument } from './openapi-document.ts';

const swaggerUiDir = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Muse API reference</title>
    <link rel="stylesheet" href="/api/docs/swagger-ui.css" />
    <link rel="icon" type="image/png" href="/api/docs/favicon-32x32.png" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/api/docs/swagger-ui-bundle.js"></script>
    <script src="/api/docs/docs.js"></script>
  </body>
</html>
`;

// A file of its own, not an inline script: the Content-Security-Policy allows scripts from 'self' only.
const INITIALIZER = `window.ui = SwaggerUIBundle({
  url: '/api/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  persistAuthorization: true,
  validatorUrl: null,
});
`;

const ASSET_TYPES: Record<DocsAsset, string> = {
  'swagger-ui.css': 'text/css',
  'swagger-ui-bundle.js': 'text/javascript',
  'docs.js': 'text/javascript',
  'favicon-32x32.png': 'image/png',
};

/** The OpenAPI document (generated on first request) and a Swagger UI page that renders it. */
export function createDocsRoutes(deps: { routes: () => readonly RouteDefinition[] }) {
  let document: ReturnType<typeof buildOpenApiDocument> | undefined;
  return [
    implementRoute(operationsRoutes.openapi, {
      access: 'public',
      handle: () => {
        document ??= buildOpenApiDocument(deps.routes());
        return document;
      },
    }),
    implementRoute(operationsRoutes.docs, {
      access: 'public',
      // An HTML page, not JSON.
      respond: (_request, _caller, { res }) => {
        res.type('html').send(PAGE);
      },
    }),
    implementRoute(operationsRoutes.docsAsset, {
      access: 'public',
      // Files of the page, not JSON.
      respond({ params: { asset } }, _caller, { res }) {
        res.type(ASSET_TYPES[asset]).setHeader('Cache-Control', 'public, max-age=3600');
        if (asset === 'docs.js') res.send(INITIALIZER);
        else res.sendFile(asset, { root: swaggerUiDir });
      },
    }),
  ];
}
