import { describe, expect, it } from 'vitest';
import { manifest } from '../../app/manifest.ts';
import { storefrontApplyFunction, storefrontEventsQueue } from '../../functions/storefront-apply/function.ts';
import { storefrontWebhookFunction } from '../../functions/storefront-webhook/function.ts';
import { actionsOfRole, logicalIdWhere, resourcesOfType, statementsOfRole, synthesize } from './support/synth.ts';

const { template } = synthesize(manifest);
const app = manifest.app;

const queueId = () => logicalIdWhere(template, 'AWS::SQS::Queue', 'QueueName', `${app}-${storefrontEventsQueue.id}`);
const functionId = (id: string) => logicalIdWhere(template, 'AWS::Lambda::Function', 'FunctionName', `${app}-${id}`);
const roleOf = (id: string) => (resourcesOfType(template, 'AWS::Lambda::Function')[functionId(id)]!.Properties['Role'] as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
const mentionsQueue = (resource: unknown) => JSON.stringify(resource).includes(queueId());

describe('the storefront-events queue (order.placed acknowledged once stored)', () => {
  it('is an encrypted queue whose messages go to the alarmed async-failures queue after 5 failed receives', () => {
    const failures = logicalIdWhere(template, 'AWS::SQS::Queue', 'QueueName', `${app}-async-failures`);
    template.hasResourceProperties('AWS::SQS::Queue', {
      QueueName: `${app}-${storefrontEventsQueue.id}`,
      SqsManagedSseEnabled: true,
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [failures, 'Arn'] }, maxReceiveCount: 5 },
    });
  });

  it('feeds storefront-apply through an event source mapping with partial batch responses and MaximumConcurrency 2', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [queueId(), 'Arn'] },
      FunctionName: { Ref: functionId(storefrontApplyFunction.id) },
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 2 },
    });
  });

  it('lets the webhook send to it and storefront-apply receive and delete from it, and nothing more on it', () => {
    const webhook = statementsOfRole(template, roleOf(storefrontWebhookFunction.id)).filter(mentionsQueue);
    expect(webhook.flatMap((s) => [s.Action].flat()).sort()).toEqual(['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage']);
    const consumer = statementsOfRole(template, roleOf(storefrontApplyFunction.id)).filter(mentionsQueue);
    expect(consumer.flatMap((s) => [s.Action].flat()).sort()).toEqual(['sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:ReceiveMessage']);
    // It starts lifecycles and answers the payment step of an order.paid queued behind its placement, but holds no webhook secret.
    expect(actionsOfRole(template, roleOf(storefrontApplyFunction.id))).toEqual(expect.arrayContaining(['states:StartExecution', 'states:SendTaskSuccess']));
    expect(actionsOfRole(template, roleOf(storefrontApplyFunction.id))).not.toEqual(expect.arrayContaining(['secretsmanager:GetSecretValue']));
  });
});
