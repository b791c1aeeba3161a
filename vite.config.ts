// The explorer is a Vite app rooted in web/; `vite build` writes it to dist/web, which the
// server serves. In `npm run dev`, server/dev.ts mounts Vite as middleware instead.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: { outDir: '../dist/web', emptyOutDir: true },
});
