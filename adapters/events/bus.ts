/** The platform's custom event bus, as the manifest declares it (the CDK stack and the local runtime create it from here). */
import type { BusDecl } from '../../platform/manifest-types.ts';

export const eventBus: BusDecl = { id: 'events' };
