import { OpenAPIHono } from '@hono/zod-openapi';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { Deps } from './deps.ts';
import { deliveryRoutes } from './finance/delivery.routes.ts';
import { financeRoutes } from './finance/finance.routes.ts';
import { FINANCE_JOB_KINDS } from './finance/finance-jobs.ts';
import { projectMoneyRoutes } from './finance/project-money.routes.ts';
import { apiDocsRoutes } from './http/api-docs.routes.ts';
import type { AppEnv } from './http/env.ts';
import { errorHandler, notFoundHandler } from './http/errors.handler.ts';
import { sessionMiddleware } from './http/session.middleware.ts';
import { webRoutes } from './http/web.routes.ts';
import { iatiPublicRoutes, iatiRoutes } from './iati/iati.routes.ts';
import { IATI_JOB_KINDS } from './iati/iati-jobs.ts';
import { registerJobKinds } from './jobs/job-kinds.ts';
import { actionPlanRoutes } from './modules/action-plans/action-plans.routes.ts';
import { agreementRoutes } from './modules/agreements/agreements.routes.ts';
import { alignmentRoutes } from './modules/alignment/alignment.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { sessionRoutes } from './modules/auth/session.routes.ts';
import { resolveSession } from './modules/auth/session.service.ts';
import { calendarRoutes } from './modules/calendar/calendar.routes.ts';
import { countryCycleRoutes, cycleRoutes } from './modules/cf/cf.routes.ts';
import { constituentRoutes, countryRoutes } from './modules/countries/countries.routes.ts';
import { countryPageRoutes } from './modules/country-page/country-page.routes.ts';
import { dwcpRoutes } from './modules/dwcps/dwcps.routes.ts';
import { frameworkRoutes } from './modules/frameworks/frameworks.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { indicatorRoutes } from './modules/indicators/indicators.routes.ts';
import { officeRoutes } from './modules/offices/offices.routes.ts';
import { partnerRoutes } from './modules/partners/partners.routes.ts';
import { projectDocumentRoutes } from './modules/projects/project-documents.routes.ts';
import { projectRoutes } from './modules/projects/projects.routes.ts';
import { referenceRoutes } from './modules/reference/reference.routes.ts';
import { strategyRoutes } from './modules/strategies/strategies.routes.ts';
import { userRoutes } from './modules/users/users.routes.ts';
import { programmeImportRoutes } from './programming-import/programme-import.routes.ts';
import { reportRoutes } from './reports/reports.routes.ts';

/**
 * One policy for the interface, the API reference and the report pages: scripts and connections from this
 * origin only (no inline script anywhere; Vite and Swagger UI load files), inline styles allowed (charts,
 * Swagger UI and the self-contained report pages set them), images also as data: and blob: (the chart
 * downloads), no plug-ins, never framed by another site.
 */
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** Builds the whole HTTP application from its dependencies. It never listens: main.ts does, tests call app.request(). */
export function createApp(deps: Deps) {
  // The kinds of long work the areas define, for this process's job runner.
  registerJobKinds([...IATI_JOB_KINDS, ...FINANCE_JOB_KINDS]);
  const { config, logger } = deps;
  const app = new OpenAPIHono<AppEnv>();

  app.use(requestId());
  // What the routes' own middleware reads (router() in http/openapi.ts): the JSON body limit, whether answers are checked.
  app.use(async (c, next) => {
    c.set('bodyLimit', config.bodyLimit);
    if (config.checkResponses) c.set('checkResponses', true);
    await next();
  });
  app.use(async (c, next) => {
    const start = performance.now();
    await next();
    logger.info('request', {
      requestId: c.var.requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - start),
      user: c.var.actor?.label,
    });
  });
  app.use(secureHeaders({ crossOriginEmbedderPolicy: false, xFrameOptions: 'DENY', contentSecurityPolicy: CONTENT_SECURITY_POLICY }));
  // API answers hold what one person may see: never kept by a browser or a shared cache (assets say otherwise).
  app.use('/api/*', async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  });
  app.use(
    '/api/*',
    sessionMiddleware((token) => resolveSession(deps.db, token)),
  );

  app.route('/api/health', healthRoutes(deps));
  app.route('/api/session', sessionRoutes(deps));
  app.route('/api/offices', officeRoutes(deps));
  app.route('/api/users', userRoutes(deps));
  app.route('/api/audit', auditRoutes(deps));
  app.route('/api/reference', referenceRoutes(deps));
  app.route('/api/countries', countryRoutes(deps));
  app.route('/api/countries', countryPageRoutes(deps));
  app.route('/api/constituents', constituentRoutes(deps));
  app.route('/api/countries', countryCycleRoutes(deps));
  app.route('/api', cycleRoutes(deps));
  app.route('/api', dwcpRoutes(deps));
  app.route('/api/frameworks', frameworkRoutes(deps));
  app.route('/api/indicators', indicatorRoutes(deps));
  app.route('/api', calendarRoutes(deps));
  app.route('/api', alignmentRoutes(deps));
  app.route('/api/programmes', programmeImportRoutes(deps));
  app.route('/api/partners', partnerRoutes(deps));
  app.route('/api/agreements', agreementRoutes(deps));
  app.route('/api/projects', projectRoutes(deps));
  app.route('/api', projectDocumentRoutes(deps));
  app.route('/api', financeRoutes(deps));
  app.route('/api', deliveryRoutes(deps));
  app.route('/api', projectMoneyRoutes(deps));
  app.route('/api', iatiRoutes(deps));
  app.route('/api', strategyRoutes(deps));
  app.route('/api', actionPlanRoutes(deps));
  app.route('/api', reportRoutes(deps));

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'devcoop API',
      version: config.version,
      description:
        'The API of devcoop, used by its own web interface. Sign in with POST /api/session; send the returned csrfToken as the X-CSRF-Token header on every request that changes something. Errors have one shape: { error: { code, message, details } }.',
    },
  });
  app.route('/api/docs', apiDocsRoutes());
  app.all('/api/*', notFoundHandler);
  app.route('/iati', iatiPublicRoutes(deps));
  app.route('/', webRoutes(config.webDir));

  app.notFound(notFoundHandler);
  app.onError(errorHandler(logger));
  return app;
}

export type App = ReturnType<typeof createApp>;
