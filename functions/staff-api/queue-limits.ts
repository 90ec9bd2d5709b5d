/** The most items one `GET /queue` page may ask for (its `limit`); the console's pages keep to it. No imports: the console bundles this file. */
export const QUEUE_PAGE_MAX = 1_000;

/** The first page the staff console asks for (ten table pages of 20): a queue of thousands draws as fast as a short one. */
export const CONSOLE_QUEUE_FIRST_PAGE = 200;
