import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { OpenAPIHono } from '@hono/zod-openapi';
import { serveStatic } from '@hono/node-server/serve-static';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { frameOrigins } from '../shared/embeds.ts';
import type { AppContext } from './context.ts';
import { isReady } from './platform/db/index.ts';
import { isHttps } from './platform/http/client-ip.ts';
import { AppError, databaseCode, errorBody, errorResponse, refusedValueCodes, toAppError } from './platform/http/errors.ts';
import { headersOf, withHeaders } from './platform/http/answer-headers.ts';
import { inputGuard } from './platform/http/input-guard.ts';
import { createRouter } from './platform/http/router.ts';
import type { AppEnv } from './platform/http/types.ts';
import { accountRoutes, authenticate, authRoutes, tokenRoutes } from './modules/identity/index.ts';
import { learningRoutes } from './modules/learning/index.ts';
import { platformRoutes } from './modules/platform/index.ts';
import { talentRoutes } from './modules/talent/index.ts';
import { insightRoutes } from './modules/insight/index.ts';
import { performanceRoutes } from './modules/performance/index.ts';
import { testingRoutes } from './testing.routes.ts';
import {
  customFieldRoutes,
  departmentRoutes,
  groupRoutes,
  importRoutes,
  orgChartRoutes,
  peopleRoutes,
} from './modules/org/index.ts';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const webRoot = path.join(projectRoot, 'dist/web');
const swaggerRoot = path.join(projectRoot, 'node_modules/swagger-ui-dist');

/** The typed API: modules chain their routers here so the web client can be typed from it. */
function apiRoutes() {
  return createRouter()
    .route('/', authRoutes)
    .route('/', accountRoutes)
    .route('/', tokenRoutes)
    .route('/', importRoutes)
    .route('/', peopleRoutes)
    .route('/', departmentRoutes)
    .route('/', customFieldRoutes)
    .route('/', groupRoutes)
    .route('/', orgChartRoutes)
    .route('/', talentRoutes)
    .route('/', performanceRoutes)
    .route('/', insightRoutes)
    .route('/', learningRoutes)
    .route('/', platformRoutes);
}

export type ApiType = ReturnType<typeof apiRoutes>;

/** Builds the whole HTTP app without listening, so tests can call `app.request()`. */
export function createApp(ctx: AppContext) {
  const app = new OpenAPIHono<AppEnv>();

  // Every answer's security headers, as Hono's secureHeaders writes them, worked out once.
  const security = headersOf(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        mediaSrc: ["'self'", 'blob:'],
        // Lessons embed videos and documents from the allow-listed hosts only.
        frameSrc: ["'self'", ...frameOrigins],
        frameAncestors: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
      crossOriginEmbedderPolicy: false,
      // Sent below, and only over HTTPS.
      strictTransportSecurity: false,
      // Nothing in Tandem uses these; the embedded players keep what their frames ask for.
      permissionsPolicy: {
        camera: [],
        microphone: [],
        geolocation: [],
        payment: [],
        usb: [],
        serial: [],
        hid: [],
        bluetooth: [],
        midi: [],
        accelerometer: [],
        gyroscope: [],
        magnetometer: [],
        displayCapture: [],
        screenWakeLock: [],
        browsingTopics: [],
        fullscreen: ['self', ...frameOrigins],
        pictureInPicture: ['self', ...frameOrigins],
        encryptedMedia: ['self', ...frameOrigins],
      },
    }),
  );
  let securityList: Awaited<typeof security> | undefined;
  app.use('*', async (c, next) => {
    const id = requestIdOf(c);
    c.set('requestId', id);
    c.set('ctx', ctx);
    c.set('actor', null);
    const headers = [...(securityList ??= await security), ['X-Request-Id', id] as const];
    // Over plain HTTP the header means nothing to a browser, and behind a proxy only the proxy knows.
    if (isHttps(c)) headers.push(['Strict-Transport-Security', 'max-age=15552000; includeSubDomains']);
    // API answers hold one person's data: no browser or proxy keeps them, unless a route chose
    // otherwise (files are cached privately so that videos can seek).
    if (c.req.path.startsWith('/api/v1/') || c.req.path === '/api/v1') headers.push(['Cache-Control', 'no-store']);
    const start = performance.now();
    await withHeaders(c, headers, next);
    // Nothing is built for a line the level leaves out (production logs at warn).
    if (!ctx.log.isLevelEnabled('info') || c.req.path === '/healthz') return;
    const ms = Math.round(performance.now() - start);
    ctx.log.info({ requestId: id, method: c.req.method, path: loggedPath(c.req.path), status: c.res.status, ms }, 'request');
  });

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) =>
    (await isReady(ctx.database))
      ? c.json({ status: 'ready' })
      : c.json(errorBody('internal', 'Database unreachable or migrations pending'), 503),
  );

  const api = new OpenAPIHono<AppEnv>();
  const limitBody = bodyLimit({
    maxSize: ctx.config.maxUploadBytes,
    onError: (c) => c.json(errorBody('payload_too_large', 'The request body is too large'), 413),
  });
  // A GET or HEAD has no body in the Fetch API; asking for one would build a whole Request object.
  api.use('*', (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next)));
  api.use('*', inputGuard);
  api.use('*', authenticate);
  api.route('/', apiRoutes());
  if (ctx.config.testClock) api.route('/', testingRoutes);
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Tandem API',
      version: '1',
      description:
        'Learning and performance in one system. Authenticate with `Authorization: Bearer <token>` (create a token under Admin → API tokens) or the session cookie.',
    },
    servers: [{ url: `${ctx.config.publicUrl}/api/v1` }],
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  api.all('*', (c) => c.json(errorBody('not_found', 'No such API endpoint'), 404));
  app.route('/api/v1', api);

  app.get('/api/docs', (c) => c.html(apiDocsPage()));
  app.get('/api/docs/assets/docs-init.js', (c) =>
    c.body(
      "window.ui = SwaggerUIBundle({ url: '/api/v1/openapi.json', dom_id: '#docs', deepLinking: true });",
      200,
      { 'content-type': 'text/javascript; charset=utf-8' },
    ),
  );
  app.use('/api/docs/assets/*', serveStatic({ root: path.relative(process.cwd(), swaggerRoot), rewriteRequestPath: (p) => p.replace('/api/docs/assets', '') }));

  if (existsSync(webRoot)) app.use('/assets/*', serveStatic({ root: path.relative(process.cwd(), webRoot) }));
  app.get('*', async (c) => {
    // The single-page app answers every other GET; it routes on the client.
    try {
      return c.html(await readFile(path.join(webRoot, 'index.html'), 'utf8'));
    } catch {
      return c.text('The web app is not built yet: run `npm run build`.', 503);
    }
  });

  app.onError((err, c) => {
    const appErr = toAppError(err);
    // The logger's serializer keeps query parameters and the values they held out of the log.
    const requestId = c.get('requestId');
    if (appErr.code === 'internal') ctx.log.error({ requestId, err }, 'unhandled error');
    else if (refusedValueCodes.has(databaseCode(err) ?? '')) ctx.log.warn({ requestId, err }, 'database refused a value the request schema let through');
    return errorResponse(c, appErr);
  });
  app.notFound((c) => errorResponse(c, new AppError('not_found', 'Not found')));
  return app;
}

/** The caller's X-Request-Id when it is a sane one (as Hono's requestId accepts), else a new one. */
function requestIdOf(c: { req: { header(name: string): string | undefined } }): string {
  const given = c.req.header('x-request-id');
  return given && given.length <= 255 && !/[^\w\-=]/.test(given) ? given : crypto.randomUUID();
}

/** Sign-in links carry their secret in the path; the request log shows the route, not the token. */
const loggedPath = (p: string) => p.replace(/^(\/api\/v1\/auth\/links\/)[^/]+/, '$1:token');

function apiDocsPage() {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tandem API reference</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head><body><div id="docs"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/assets/docs-init.js"></script></body></html>`;
}
