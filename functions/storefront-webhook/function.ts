import type { FunctionDecl, RouteDecl } from '../../platform/manifest-types.ts';
import { chatTimersQueue } from '../chat-timer/function.ts';
import { storefrontEventsQueue } from '../storefront-apply/function.ts';
import { storefrontEffectsAccess } from './effects-access.ts';

/** `POST /webhooks/storefront`: signed storefront events open cases, start lifecycles and complete waiting steps. */
export const storefrontWebhookFunction: FunctionDecl = {
  id: 'storefront-webhook',
  entry: 'functions/storefront-webhook/handler.ts',
  timeoutSeconds: 30,
  access: {
    ...storefrontEffectsAccess,
    webhookSecret: true,
    // Chat messages arm second-precision chat deadlines (service-standards.md §10).
    // order.placed is acknowledged once stored and applied behind the queue (README.md, "Queued events").
    queues: [chatTimersQueue.id, storefrontEventsQueue.id],
  },
};

/** The webhook route: public at the gateway; the function checks the HMAC signature itself. */
export const storefrontWebhookRoutes: RouteDecl[] = [{ method: 'POST', path: '/webhooks/storefront', function: storefrontWebhookFunction.id, auth: 'public' }];
