/** The most items one `GET /queue` page may ask for (its `limit`); the console's pages keep to it. No imports: the console bundles this file. */
export const QUEUE_PAGE_MAX = 1_000;
