import { dependencies } from '../shared/dependencies.ts';
import { lambdaHandler } from '../shared/middleware.ts';
import { createSupplierCollect } from './supplier-collect.ts';

/** The weekly schedule's entry point (Monday 10:00, Asia/Shanghai). */
export const handler = lambdaHandler(async () => createSupplierCollect(dependencies())());
