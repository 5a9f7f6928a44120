/**
 * Upper bounds for waiting on the browser, never expectations about speed: on an idle machine a
 * page loads in about a second and a turn takes a Direct Line poll (1 s). They are generous so
 * that a loaded 2-core CI runner is slow rather than red.
 */
export const PAGE_LOAD_TIMEOUT_MS = 120_000;
export const REPLY_TIMEOUT_MS = 60_000;
export const ACTION_TIMEOUT_MS = 60_000;
