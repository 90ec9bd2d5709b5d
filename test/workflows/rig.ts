/**
 * Runs the real lifecycle ASL files (from the manifest, substitutions resolved by
 * app/workflow-definitions.ts) on the Step Functions emulator with a virtual clock. The fake
 * `open-step` and `case-action` validate every request against the functions' own schemas and
 * record it; tests complete steps through the emulator's SendTaskSuccess, as the staff API does.
 */
import { manifest } from '../../app/manifest.ts';
import { workflowDefinition } from '../../app/workflow-definitions.ts';
import type { CaseType } from '../../core/cases/case.ts';
import type { CaseActionRequest, LifecycleInput, OpenStepRequest, StepResult } from '../../core/lifecycles/contracts.ts';
import { VirtualClock } from '../../core/time/clock.ts';
import { caseActionRequest } from '../../functions/case-action/input.ts';
import { openStepRequest } from '../../functions/open-step/input.ts';
import type { Json } from '../../local/sfn/index.ts';
import { Harness, NamedError, lambdas, type DescribedExecution } from '../local/sfn/harness.ts';

export const functionArn = (functionId: string): string => `arn:aws:lambda:us-east-1:123456789012:function:${functionId}`;

/** Saturday 2025-03-01 10:00 in Shanghai. */
export const T0 = '2025-03-01T02:00:00.000Z';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

export interface Completion {
  outcome?: string | null;
  fields?: Record<string, unknown>;
  completedBy?: string;
}

export class LifecycleRig {
  readonly clock: VirtualClock;
  readonly harness: Harness;
  /** Every OpenStepRequest the workflows made, in order. */
  readonly opened: OpenStepRequest[] = [];
  /** When each of `opened` was opened (epoch ms, virtual clock). */
  readonly openedAt: number[] = [];
  /** Every CaseActionRequest the workflows made, in order. */
  readonly actions: CaseActionRequest[] = [];
  /** Storefront orders already handed to the courier: cancel-order refuses them. */
  readonly handedOver = new Set<string>();
  /** Storefront orders dispatched (labelled) but not picked up: cancel-order reports a parcel to retrieve. */
  readonly dispatched = new Set<string>();
  /** Order cases (ids) and storefront orders never paid: cancel-order and refund-cancelled-order say `paid: false`. */
  readonly unpaid = new Set<string>();
  private readonly machines = new Map<string, string>();
  private readonly orderExecutions = new Map<string, string>();

  constructor(start: string = T0) {
    this.clock = new VirtualClock(start);
    this.harness = new Harness(
      lambdas({
        'open-step': (payload) => this.openStep(payload),
        'case-action': (payload) => this.caseAction(payload),
      }),
      { clock: this.clock },
    );
  }

  /** Starts the lifecycle of `input.caseType`; the execution is named after the case, as the starter names it. */
  async start(input: LifecycleInput): Promise<string> {
    const arn = await this.harness.start(await this.machine(input.caseType), input as unknown as Json, input.caseId);
    if (input.caseType === 'order' && input.orderId) this.orderExecutions.set(input.orderId, arn);
    await this.settle();
    return arn;
  }

  /** Lets the engine run everything that is due now. */
  settle(): Promise<void> {
    return this.clock.advance(0);
  }

  /** The latest opening of the step (of the case), or an error naming what is open. */
  openRequest(caseId: string, step: string, attempt?: number): OpenStepRequest {
    const found = this.opened.filter((r) => r.caseId === caseId && r.step === step && (attempt === undefined || (r.attempt ?? 1) === attempt)).at(-1);
    if (!found) throw new Error(`${step}${attempt ? ` attempt ${attempt}` : ''} was never opened for ${caseId}; opened: ${this.stepsOpened(caseId).join(', ')}`);
    return found;
  }

  /** When the latest opening of the step was made (ISO). */
  openedTime(caseId: string, step: string, attempt?: number): string {
    return new Date(this.openedAt[this.opened.indexOf(this.openRequest(caseId, step, attempt))]!).toISOString();
  }

  stepsOpened(caseId: string): string[] {
    return this.opened.filter((r) => r.caseId === caseId).map((r) => (r.attempt && r.attempt > 1 ? `${r.step}#${r.attempt}` : r.step));
  }

  actionsOf(caseId: string): CaseActionRequest[] {
    return this.actions.filter((a) => a.caseId === caseId);
  }

  /** Completes the latest opening of the step with a StepResult (SendTaskSuccess), then lets the workflow run on. */
  async complete(caseId: string, step: string, completion: Completion = {}, attempt?: number): Promise<void> {
    const request = this.openRequest(caseId, step, attempt);
    const result: StepResult = {
      step,
      attempt: request.attempt ?? 1,
      outcome: completion.outcome ?? null,
      fields: completion.fields ?? {},
      completedAt: new Date(this.clock.now()).toISOString(),
      completedBy: completion.completedBy ?? 'staff-1',
      onTime: true,
    };
    await this.harness.call('SendTaskSuccess', { taskToken: request.taskToken, output: JSON.stringify(result) });
    await this.settle();
  }

  /** Completes each step in turn without an outcome. */
  async completeAll(caseId: string, steps: string[]): Promise<void> {
    for (const step of steps) await this.complete(caseId, step);
  }

  describe(executionArn: string): Promise<DescribedExecution> {
    return this.harness.describe(executionArn);
  }

  /** The names of the states the execution entered, in order (one per StateEntered event: a state transition). */
  async path(executionArn: string): Promise<string[]> {
    return (await this.harness.history(executionArn)).filter((e) => e.type.endsWith('StateEntered')).map((e) => (e.stateEnteredEventDetails as { name: string }).name);
  }

  private async machine(caseType: CaseType): Promise<string> {
    let arn = this.machines.get(caseType);
    if (!arn) {
      const decl = manifest.workflows.find((w) => w.id === caseType);
      if (!decl) throw new Error(`the manifest declares no workflow ${caseType}`);
      const definition = workflowDefinition(decl, functionArn);
      const res = await this.harness.call<{ stateMachineArn: string }>('CreateStateMachine', { name: decl.id, definition, roleArn: 'arn:aws:iam::123456789012:role/workflows' });
      arn = res.stateMachineArn;
      this.machines.set(caseType, arn);
    }
    return arn;
  }

  private openStep(payload: Json): Json {
    const request = openStepRequest.parse(payload);
    this.opened.push(request);
    this.openedAt.push(this.clock.now());
    return { caseId: request.caseId, step: request.step, attempt: request.attempt ?? 1, due: null, warnAt: null, opened: true };
  }

  private async caseAction(payload: Json): Promise<Json> {
    const request = caseActionRequest.parse(payload);
    this.actions.push(request);
    switch (request.action) {
      case 'cancel-order': {
        if (this.handedOver.has(request.orderId)) throw new NamedError('OrderAlreadyHandedOver', `order ${request.orderId} was handed to the courier`);
        const executionArn = this.orderExecutions.get(request.orderId);
        if (!executionArn) throw new NamedError('OrderNotFound', `no order case for storefront order ${request.orderId}`);
        await this.harness.call('StopExecution', { executionArn, error: 'OrderCancelled', cause: `cancelled by case ${request.caseId}` });
        return { ok: true, caseId: `order-${request.orderId}`, parcelToRetrieve: this.dispatched.has(request.orderId), paid: !this.unpaid.has(request.orderId) };
      }
      case 'refund-cancelled-order':
        return this.unpaid.has(request.caseId) ? { ok: true, paid: false } : { ok: true, paid: true, caseId: `cancellation-of-${request.caseId}` };
      case 'open-linked-case':
        return { ok: true, caseId: `${request.type}-of-${request.caseId}` };
      default:
        return { ok: true };
    }
  }
}

/** An order paid at placement, placed at the rig's start. */
export function paidOrder(caseId = 'order-1', orderId = 'SO-1'): LifecycleInput {
  return {
    caseId,
    caseType: 'order',
    orderId,
    data: { orderId, placedAt: T0, paid: true, paymentChannel: 'alipay', customer: { name: 'Li Lei', phone: '13800000000' }, items: [{ sku: 'P-1', name: 'Phone', qty: 1, price: 2999 }] },
    timings: {},
  };
}

export const ORDER_HAPPY_STEPS = ['order.review', 'order.pack', 'order.crm-bind', 'order.dispatch', 'order.pickup', 'order.delivery'];
