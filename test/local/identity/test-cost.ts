/** A low scrypt cost keeps the account tests quick; the shipped cost is checked in accounts.test.ts ('passwords'). */
export const TEST_COST = { N: 1024, r: 8, p: 1 };
