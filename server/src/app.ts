import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import { accountRoutes } from './accounts/accounts.routes.ts';
import { activityRoutes } from './activities/activities.routes.ts';
import { apiTokenRoutes } from './api-tokens/api-tokens.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { authRoutes, publicAuthRoutes } from './auth/auth.routes.ts';
import { backupRoutes } from './backup/backup.routes.ts';
import { contactRoutes } from './contacts/contacts.routes.ts';
import { customFieldRoutes } from './custom-fields/custom-fields.routes.ts';
import { dataHealthRoutes } from './data-health/data-health.routes.ts';
import { dealRoutes } from './deals/deals.routes.ts';
import { duplicateRoutes } from './duplicates/duplicates.routes.ts';
import { enrichmentRoutes } from './enrichment/enrichment.routes.ts';
import { exportRoutes } from './exports/exports.routes.ts';
import { healthRoutes } from './health/health.routes.ts';
import { icpRoutes } from './icp/icp.routes.ts';
import { importRoutes } from './imports/imports.routes.ts';
import { industryCodeRoutes } from './industry-codes/industry-codes.routes.ts';
import { leadRoutes } from './leads/leads.routes.ts';
import { lifecycleRoutes } from './lifecycle/lifecycle.routes.ts';
import { metricRoutes } from './metrics/metrics.routes.ts';
import { quotaRoutes } from './metrics/quotas.routes.ts';
import { notificationRoutes } from './notifications/notifications.routes.ts';
import { pipelineRoutes } from './pipelines/pipelines.routes.ts';
import { authenticate } from './platform/auth/authenticate.ts';
import type { AppContext } from './platform/context.ts';
import { registerProblemHandlers, sendFrameworkProblem } from './platform/http/problem.ts';
import { decorateContext } from './platform/http/request-context.ts';
import { responseSerializerCompiler } from './platform/http/response-serializer.ts';
import { registerSecurityHeaders } from './platform/http/security-headers.ts';
import { refuseUnstorableText } from './platform/http/storable-text.ts';
import { registerWebApp } from './platform/http/web-app.ts';
import { savedViewRoutes } from './saved-views/saved-views.routes.ts';
import { scoringRoutes } from './scoring/scoring.routes.ts';
import { tagRoutes } from './tags/tags.routes.ts';
import { timelineRoutes } from './timeline/timeline.routes.ts';
import { publicUserRoutes, userRoutes } from './users/users.routes.ts';
import { workspaceRoutes } from './workspaces/workspaces.routes.ts';

export interface BuildAppOptions {
  logger?: boolean | { level: string };
  /** Folder of the built web app to serve at `/` (npm start); tests of the API leave it out. */
  webDist?: string;
  /** Check every response body against its zod schema (slower); on by default under test (NODE_ENV=test). */
  checkResponses?: boolean;
}

export async function buildApp(ctx: AppContext, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? { level: ctx.config.logLevel },
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 1024 * 1024,
    frameworkErrors: sendFrameworkProblem,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(
    responseSerializerCompiler({ checkResponses: options.checkResponses ?? process.env.NODE_ENV === 'test' }),
  );
  decorateContext(app, ctx);
  // JSON only: a text/plain body is what a cross-site form can send without a CORS preflight.
  app.removeContentTypeParser('text/plain');

  registerSecurityHeaders(app);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Baken API',
        version: '1',
        description:
          'REST API of Baken. Authenticate with a session cookie (plus x-csrf-token on writes) or a Bearer API token.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'baken_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  registerProblemHandlers(app, options.webDist ? await registerWebApp(app, options.webDist) : null);
  app.addHook('preValidation', refuseUnstorableText);

  await app.register(
    async (api) => {
      await api.register(healthRoutes);
      await api.register(publicAuthRoutes);
      await api.register(publicUserRoutes);
      await api.register(async (protectedApi) => {
        protectedApi.addHook('onRequest', async (request) => {
          request.actor = await authenticate(ctx, request);
        });
        for (const routes of [
          authRoutes,
          workspaceRoutes,
          backupRoutes,
          userRoutes,
          apiTokenRoutes,
          auditRoutes,
          accountRoutes,
          enrichmentRoutes,
          contactRoutes,
          pipelineRoutes,
          dealRoutes,
          activityRoutes,
          tagRoutes,
          customFieldRoutes,
          savedViewRoutes,
          timelineRoutes,
          lifecycleRoutes,
          scoringRoutes,
          leadRoutes,
          icpRoutes,
          metricRoutes,
          quotaRoutes,
          notificationRoutes,
          duplicateRoutes,
          dataHealthRoutes,
          industryCodeRoutes,
          importRoutes,
          exportRoutes,
        ]) {
          await protectedApi.register(routes);
        }
      });
    },
    { prefix: '/api/v1' },
  );
  return app;
}
