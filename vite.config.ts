import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The SPA lives in client/ and is built to dist/client, which the server serves.
// In `npm run dev`, Vite proxies the API and the collaboration socket to the server.
const apiPort = Number(process.env.API_PORT ?? 8080);

export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: { outDir: '../dist/client', emptyOutDir: true, sourcemap: true },
  server: {
    port: 5173,
    proxy: {
      '/api': `http://127.0.0.1:${apiPort}`,
      '/collab': { target: `ws://127.0.0.1:${apiPort}`, ws: true },
    },
  },
});
