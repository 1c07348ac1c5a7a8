import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

// In development Vite serves the app and proxies the API to the server (npm start on port 3000).
// The build writes a brotli and a gzip copy of every asset next to it; the server sends the one the
// browser accepts without compressing anything per request.
export default defineConfig({
  plugins: [react(), compression({ algorithms: ['brotliCompress', 'gzip'] })],
  server: {
    port: 5173,
    proxy: { '/api': process.env.BAKEN_API_URL ?? 'http://localhost:3000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    // Few, larger files: a page opened cold needed about 78 small chunks before, and each request
    // costs the browser more than the bytes. Libraries form one chunk (but the phone, drag-and-drop
    // and domain libraries, used by a few pages only); the app's code shared by two or more pages
    // another. The entry's own modules stay out of both, or the entry would wait for them before it
    // sends its first requests: keep this list in step with what app/first-requests.ts imports.
    rolldownOptions: {
      output: {
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [
            { name: 'libraries', test: /node_modules[\\/](?!libphonenumber-js|@dnd-kit|tldts)/ },
            {
              name: 'shared',
              test: /web[\\/]src[\\/](?!main|app[\\/](first-requests|page-code|query-string)|ui[\\/]list-view|board[\\/]board-address|\w+[\\/]\w+-list\.ts)/,
              minShareCount: 2,
            },
          ],
        },
      },
    },
  },
});
