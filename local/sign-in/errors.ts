/** Errors of `POST /auth/login`; each carries its HTTP status and a message safe to show (English and Chinese). */

/** A sign-in with an unknown user or a wrong password (which of the two is not said). */
export class InvalidCredentials extends Error {
  override readonly name = 'InvalidCredentials';
  readonly status = 401;
  constructor() {
    super('user or password is wrong / 用户名或密码错误');
  }
}

/** Too many failed sign-ins for this user from this address: come back after `retryAfterSeconds`. */
export class TooManyAttempts extends Error {
  override readonly name = 'TooManyAttempts';
  readonly status = 429;
  constructor(readonly retryAfterSeconds: number) {
    super(`too many failed sign-ins; try again in ${retryAfterSeconds} s / 登录失败次数过多,请 ${retryAfterSeconds} 秒后再试`);
  }
}

/** Sign-ins are being hashed at capacity (a flood): come back after `retryAfterSeconds`. */
export class SignInBusy extends Error {
  override readonly name = 'SignInBusy';
  readonly status = 429;
  constructor(readonly retryAfterSeconds: number) {
    super(`too many sign-ins at once; try again in ${retryAfterSeconds} s / 登录请求过多,请 ${retryAfterSeconds} 秒后再试`);
  }
}
