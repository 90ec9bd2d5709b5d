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
