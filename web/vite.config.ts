import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The server serves web/dist and /graphql on one port; in development Vite proxies the API
// to a server started separately (npm run dev -w server, port 4000 by default).
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/graphql': 'http://localhost:4000',
      // the open-data files are served by the server too
      '/donnees/': 'http://localhost:4000',
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // dist/.vite/manifest.json: each page's chunk and its static imports, read by the bundle budget test
    // (server/test/web-delivery.test.ts) to weigh what the first visit of a page downloads
    manifest: true,
  },
});
