import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development Vite serves the app and proxies the API to the server (npm start on port 3000).
export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': process.env.BAKEN_API_URL ?? 'http://localhost:3000' },
  },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});
