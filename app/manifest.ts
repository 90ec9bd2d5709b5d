/**
 * The one declarative manifest: every function, workflow, schedule, event rule, route and table
 * of the platform, declared once as data. The CDK stack (infra/) and the local runtime (local/)
 * both loop over it; neither names a resource by itself.
 */
import { casesTable } from '../adapters/case-repository/table.ts';
import type { Manifest } from './manifest-types.ts';

export const manifest: Manifest = {
  app: 'sla-platform',
  // The single case table (docs/data-model.md): cases, steps, links, timeline, idempotency records.
  tables: [casesTable],
  buses: [],
  functions: [],
  workflows: [],
  schedules: [],
  rules: [],
  routes: [],
};
