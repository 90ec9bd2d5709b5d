/** Errors of local accounts and sign-in; each message names what was wrong and is safe to show. */

export class InvalidAccountInput extends Error {
  override readonly name = 'InvalidAccountInput';
}

export class AccountExists extends Error {
  override readonly name = 'AccountExists';
  constructor(readonly user: string) {
    super(`an account named ${user} already exists (change its password with: user passwd ${user})`);
  }
}

export class UnknownAccount extends Error {
  override readonly name = 'UnknownAccount';
  constructor(readonly user: string) {
    super(`no account named ${user}`);
  }
}

/** The accounts file exists but is not one this runtime wrote. */
export class AccountsFileInvalid extends Error {
  override readonly name = 'AccountsFileInvalid';
}

/** The accounts file could not be replaced (a full disk, a read-only directory): the old file stands unchanged. */
export class AccountsFileUnwritable extends Error {
  override readonly name = 'AccountsFileUnwritable';
  constructor(
    readonly path: string,
    readonly code: string,
  ) {
    super(`cannot write ${path} (${code}); nothing was changed: free space or fix the directory's permissions and run the command again`);
  }
}

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
