import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.API_URL ?? 'http://127.0.0.1:3000';

/**
 * The console is served under /ui/ by the API process (apps/api/src/web/console-static.ts). In dev
 * mode (`npm run dev:web`) Vite serves it with hot reload on :5173 and forwards every other path
 * (the API's routes) to the API at API_URL.
 */
export default defineConfig({
  root: webRoot,
  base: '/ui/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
    sourcemap: true,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: { '^/(?!ui(/|$)).*': { target: apiTarget, changeOrigin: false } },
  },
});
