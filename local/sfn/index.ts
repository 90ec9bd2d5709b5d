export { createSfnLocal, type SfnLocal, type SfnLocalOptions } from './sfn-local.ts';
export { handleApiRequest, createSfnRequestListener, TARGET_PREFIX, type ApiResponse } from './api/http-handler.ts';
export type { TaskIntegrations, LambdaInvokeResult, LambdaFunctionError, EventEntry, PutEventsResult } from './integrations/types.ts';
export { httpLambdaIntegrations } from './integrations/lambda-http.ts';
export { StatesError } from './errors/states-errors.ts';
export type { Json } from './json.ts';
