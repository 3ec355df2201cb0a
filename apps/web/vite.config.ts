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
    // antd alone is about 1 MB minified (330 kB gzipped) and is needed by every page.
    chunkSizeWarningLimit: 1100,
    rollupOptions: {
      // The staff app, and the citizens' mobile pages (/m/*) as their own small entries without antd.
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        opinion: fileURLToPath(new URL('./m/opinion.html', import.meta.url)),
        reportback: fileURLToPath(new URL('./m/reportback.html', import.meta.url)),
        suggestions: fileURLToPath(new URL('./m/suggestions.html', import.meta.url)),
      },
      output: {
        // Libraries change less often than the app: separate files stay cached across releases.
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined;
          // Charts are loaded only by the pages that draw them (lazy imports), not by every page.
          if (/[\\/]node_modules[\\/](echarts|zrender|echarts-for-react|size-sensor)[\\/]/.test(id)) return 'charts';
          return /[\\/]node_modules[\\/](antd|@ant-design|rc-[^\\/]+|@rc-component)[\\/]/.test(id) ? 'antd' : 'vendor';
        },
      },
    },
  },
});
