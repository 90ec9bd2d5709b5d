/** Readers of a JSON request's fields for an emulated AWS API, failing with the service's own validation error. */
export interface FieldReaders {
  requiredString(body: Record<string, unknown>, field: string): string;
  optionalString(body: Record<string, unknown>, field: string): string | undefined;
}

export function fieldReaders(invalid: (message: string) => Error): FieldReaders {
  return {
    requiredString(body, field) {
      const value = body[field];
      if (typeof value !== 'string' || value === '') throw invalid(`1 validation error detected: Value at '${field}' failed to satisfy constraint: Member must not be null`);
      return value;
    },
    optionalString(body, field) {
      const value = body[field];
      if (value === undefined || value === null) return undefined;
      if (typeof value !== 'string') throw invalid(`Value at '${field}' must be a string`);
      return value;
    },
  };
}
