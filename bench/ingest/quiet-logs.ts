// Imported first by bench:ingest: the handlers' logger reads its level once, when its module loads
// (and resets to it on every warm invocation), so the level must be in the environment before any
// platform module is imported. Their INFO lines (three per order) would bury the figures;
// POWERTOOLS_LOG_LEVEL=INFO npm run bench:ingest keeps them.
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
