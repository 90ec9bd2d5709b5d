/**
 * The one declarative manifest: every function, workflow, schedule, event rule, route and table
 * of the platform, declared once as data. The CDK stack (infra/) and the local runtime (local/)
 * both loop over it; neither names a resource by itself.
 */
import type { Manifest } from './manifest-types.ts';

export const manifest: Manifest = {
  app: 'sla-platform',
  tables: [],
  buses: [],
  functions: [],
  workflows: [],
  schedules: [],
  rules: [],
  routes: [],
};
