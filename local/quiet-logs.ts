/**
 * Imported first by the CLIs that print their own progress or figures (the demo, bench:ingest):
 * the handlers' logger reads its level when its module loads (and resets to it on every warm
 * invocation), so the level must be in the environment before any platform module is imported.
 * Their info and warning lines (a breach is a WARN) would bury the output; errors still show, and
 * POWERTOOLS_LOG_LEVEL set by the caller wins (e.g. POWERTOOLS_LOG_LEVEL=INFO npm run demo).
 */
process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
