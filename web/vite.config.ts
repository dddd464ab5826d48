import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

const apiPort = process.env.ORDO_API_PORT ?? '3000';
const localProxy = {
  '/api': `http://127.0.0.1:${apiPort}`,
  '/config.json': `http://127.0.0.1:${apiPort}`,
};

export default defineConfig({
  // The folder of this file, whatever the working directory.
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [solid()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
  // The API, and the run-time configuration (sign-in settings) the local server answers.
  server: { proxy: localProxy },
  preview: { proxy: localProxy },
});
