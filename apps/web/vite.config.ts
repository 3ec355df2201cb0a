import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The shell (antd's theme, layout, menu and the login form, i18n, zod schemas) is about 970 kB
    // minified, 310 kB gzipped; every page beyond it is a chunk of its own (docs/benchmarks.md).
    chunkSizeWarningLimit: 1000,
    rollupOptions: {
      // The staff app, and the citizens' mobile pages (/m/*) as their own small entries without antd.
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        opinion: fileURLToPath(new URL('./m/opinion.html', import.meta.url)),
        reportback: fileURLToPath(new URL('./m/reportback.html', import.meta.url)),
        suggestions: fileURLToPath(new URL('./m/suggestions.html', import.meta.url)),
        livelihood: fileURLToPath(new URL('./m/livelihood.html', import.meta.url)),
        legislation: fileURLToPath(new URL('./m/legislation.html', import.meta.url)),
      },
      output: {
        // React and the router change less often than the app: their own file stays cached across
        // releases. Charts are loaded only by the pages that draw them. The rest (antd included) is
        // split by Rollup along the lazily loaded pages, so each page fetches the components it uses.
        manualChunks(id) {
          if (/[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/.test(id)) return 'react';
          if (/[\\/]node_modules[\\/](echarts|zrender|echarts-for-react|size-sensor)[\\/]/.test(id)) return 'charts';
          return undefined;
        },
      },
    },
  },
});
