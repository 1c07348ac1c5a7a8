import {
  activityCreateInput,
  activityResponse,
  activityUpdateInput,
} from '@baken/core/activities/activity.schema';
import type { FastifyInstance } from 'fastify';
import { registerCrudRoutes } from '../platform/http/crud-routes.ts';
import { activityService } from './activities.service.ts';

export async function activityRoutes(app: FastifyInstance): Promise<void> {
  registerCrudRoutes(
    app,
    {
      path: '/activities',
      tag: 'activities',
      noun: 'activity',
      plural: 'activities',
      create: activityCreateInput,
      update: activityUpdateInput,
      response: activityResponse,
    },
    activityService,
  );
}
