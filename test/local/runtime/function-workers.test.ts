import { describe, expect, it } from 'vitest';
import { functionWorkers } from '../../../local/runtime/function-workers.ts';

describe('npm start --workers', () => {
  it('runs the handlers on one worker thread per core unless told a count, and on the main thread when told 0', () => {
    expect(functionWorkers(undefined)).toEqual({ functionRuntime: 'workers' });
    expect(functionWorkers('3')).toEqual({ functionRuntime: 'workers', workers: 3 });
    expect(functionWorkers('0')).toEqual({ functionRuntime: 'in-process' });
  });

  it('refuses a count that is not a whole number from 0 to 64', () => {
    for (const bad of ['-1', 'two', '1.5', '65']) expect(functionWorkers(bad)).toBeUndefined();
  });
});
