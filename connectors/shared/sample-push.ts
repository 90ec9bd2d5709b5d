/** A signed sample push, as the platform would send it (`npm run -s connector -- test <platform>`). */
export interface SamplePush {
  /** What it is, for the operator, e.g. "orders/create for Shopify order 9123456". */
  what: string;
  headers: Record<string, string>;
  /** A query string to append (WeChat signs in the query), without `?`. */
  query?: string;
  body: string;
}
