/** Errors of the connector routes; each has a stable `name` (the API's `error.code`) and its HTTP status. */

/** No shop of that platform and id is configured in the policy's `connectors`: 401, nothing written. */
export class UnknownShop extends Error {
  override readonly name = 'UnknownShop';
  readonly status = 401;
  constructor(platform: string, shopId: string) {
    super(`no ${platform} shop "${shopId}" is configured in the policy's connectors`);
  }
}

/** The platform's signature is missing or does not match the raw body: 401, nothing written. */
export class ConnectorSignatureInvalid extends Error {
  override readonly name = 'ConnectorSignatureInvalid';
  readonly status = 401;
  constructor(header: string, detail: string) {
    super(`${header}: ${detail}`);
  }
}

/** An authentic push whose body cannot be read as the platform documents it: 400, nothing written. */
export class ConnectorBodyInvalid extends Error {
  override readonly name = 'ConnectorBodyInvalid';
  readonly status = 400;
  constructor(detail: string) {
    super(detail);
  }
}

/** The route names a platform we have no connector for. */
export class UnknownPlatform extends Error {
  override readonly name = 'UnknownPlatform';
  readonly status = 404;
  constructor(platform: string) {
    super(`no connector for platform "${platform}"`);
  }
}

/** A GET on a connector route of a platform that has no URL verification. */
export class ConnectorMethodNotAllowed extends Error {
  override readonly name = 'MethodNotAllowed';
  readonly status = 405;
  constructor(platform: string) {
    super(`${platform} pushes with POST; GET is only WeChat Shop's URL verification`);
  }
}
