/**
 * The staff console's build: a static single-page app served at `/console/` by the local HTTP API
 * (local/gateway/console-site.ts) and by S3 + CloudFront on AWS. `npm start` builds it when
 * missing or stale (local/console/build.ts); `npm run build:console` builds it by hand.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: '/console/',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The bundle-size budget is checked by npm run bench:console (≤ 500 KB gzipped for the queue route).
    chunkSizeWarningLimit: 2048,
  },
});
