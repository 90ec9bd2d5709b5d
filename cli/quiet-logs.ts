/**
 * Imported first by CLIs that show their own progress: the handlers' JSON logs (Powertools reads
 * the level when its logger is built, at import) would bury it. Warnings that matter reach the
 * report; POWERTOOLS_LOG_LEVEL set by the caller still wins.
 */
process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
