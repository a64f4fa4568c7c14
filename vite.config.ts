import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web UI is built into dist/web and served by the devcoop server itself; `npm run dev` proxies the API.
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: { outDir: '../../dist/web', emptyOutDir: true, sourcemap: true },
  server: { proxy: { '/api': 'http://localhost:8080' } },
});
