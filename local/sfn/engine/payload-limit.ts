/**
 * AWS's quota on data passed between states: "Maximum input or output size for a task, state, or
 * execution: 256 KiB of data as a UTF-8 encoded string"
 * (https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html).
 */
export const MAX_PAYLOAD_BYTES = 256 * 1024;

/** Whether serialised JSON is over the quota; cheap for the usual small payload (UTF-8 is at most 3 bytes per UTF-16 unit). */
export function overPayloadLimit(json: string): boolean {
  return json.length * 3 > MAX_PAYLOAD_BYTES && Buffer.byteLength(json, 'utf8') > MAX_PAYLOAD_BYTES;
}
