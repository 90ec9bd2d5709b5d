/**
 * The Chinese texts of customer notices: templates with `{name}` placeholders, from the policy's
 * `notices.templates` (defaults below, quoting the seed). Pure.
 */
import { NoticeKind } from './notice.ts';

/** A template names a placeholder the notice does not supply; the message names both. */
export class NoticeTemplateInvalid extends Error {
  override readonly name = 'NoticeTemplateInvalid';
  constructor(
    readonly kind: string,
    readonly placeholder: string,
  ) {
    super(`unknown placeholder {${placeholder}} in the ${kind} template (known: ${PLACEHOLDERS[kind as NoticeKind]?.map((p) => `{${p}}`).join(', ') || 'none'})`);
  }
}

/** The placeholders each kind fills. */
export const PLACEHOLDERS: Record<NoticeKind, readonly string[]> = {
  [NoticeKind.shipTime]: ['shipTime', 'orderId', 'shop'],
  [NoticeKind.refundSent]: ['orderId', 'shop'],
  [NoticeKind.complaintReceived]: ['orderId', 'shop'],
  [NoticeKind.complaintResolved]: ['orderId', 'shop'],
};

/**
 * The shipped templates. `ship-time` is the agent's line after the review call (§2.4.1 l.202,
 * "您的货品将在XXX时由顺丰快递寄出…", XXX = the planned pickup batch); `refund-sent` is §2.4.1
 * l.222 ("亲,已经退款,请留意查收。xxxxx店欢迎亲再次光临!", xxxxx = the shop). The complaint
 * texts are derived: the seed's §4.3 is cut off after "前一晚及当日的投诉留言,致电客户进行详细调查"
 * (l.608) and its rule "有记录、有指令、有回音、有结果".
 */
export const DEFAULT_TEMPLATES: Record<NoticeKind, string> = {
  [NoticeKind.shipTime]:
    '嗯嗯,好的呢,您的货品将在{shipTime}时由顺丰快递寄出,请保持手机畅通,收到货品时请本人签收,先检查外包装的完好性,如若外包装封条有被撕开过的痕迹,请您拒收。请拆开包装确保货品没有被偷走或者掉包,如若发现掉包请即时联系我们,4000-588-999.我们会立即处理。同时所以为了保障您的权益,请仔细阅读我们随快递一起寄到的售后服务保障卡和售后服务手册。如果使用中有质量问题或者其他问题,请不要犹豫,马上联系我们喔。如果对我们的商品满意,请确认收货,并给我们好评喔,我们期待您的晒单呢!',
  [NoticeKind.refundSent]: '亲,已经退款,请留意查收。{shop}欢迎亲再次光临!',
  [NoticeKind.complaintReceived]: '亲,您的投诉我们已经收到并记录,投诉专员会在当天致电您进行详细调查,请保持手机畅通。',
  [NoticeKind.complaintResolved]: '亲,您的投诉我们已经处理完毕,处理结果投诉专员已与您沟通。如有疑问请随时联系我们,4000-588-999。',
};

/** The shop's name in the templates' `{shop}` (the seed's "xxxxx店"; §3.2 names 广西移动商城). */
export const DEFAULT_SHOP = '广西移动商城';

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/** Throws NoticeTemplateInvalid for a placeholder the kind does not fill (checked when the policy loads). */
export function checkTemplate(kind: NoticeKind, template: string): void {
  for (const [, name] of template.matchAll(PLACEHOLDER)) {
    if (!PLACEHOLDERS[kind].includes(name!)) throw new NoticeTemplateInvalid(kind, name!);
  }
}

/** The template with its placeholders filled; a value not supplied (e.g. no order id) leaves an empty string. */
export function renderNotice(template: string, values: Readonly<Record<string, string | undefined>>): string {
  return template.replace(PLACEHOLDER, (_, name: string) => values[name] ?? '');
}
