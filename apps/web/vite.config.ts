import { ColorSchemeScript } from '@mantine/core'
import react from '@vitejs/plugin-react'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { defineConfig, type Plugin } from 'vite'
import { COLOR_SCHEME_KEY, DEFAULT_COLOR_SCHEME } from './src/app/color-scheme'

const studio = process.env.AIPIPELINE_DEV_API ?? 'http://127.0.0.1:8420'

/**
 * Mantine's ColorSchemeScript sets the stored light/dark scheme on <html> before the bundle
 * runs, so a reload in dark mode never flashes white. It is a React component meant for
 * server rendering; a SPA has no server render, so we render it once into index.html.
 */
function colorSchemeScript(): Plugin {
  const markup = renderToStaticMarkup(
    createElement(ColorSchemeScript, { defaultColorScheme: DEFAULT_COLOR_SCHEME, localStorageKey: COLOR_SCHEME_KEY }),
  )
  return {
    name: 'aipipeline:color-scheme-script',
    transformIndexHtml: (html) => html.replace('<!--color-scheme-script-->', markup),
  }
}

export default defineConfig({
  plugins: [react(), colorSchemeScript()],
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': { target: studio, changeOrigin: true },
      '/socket.io': { target: studio, ws: true, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      // Library noise with no effect on a client-only bundle: React Server Component
      // "use client" markers, and annotation comments rollup cannot place (zod).
      onwarn(warning, warn) {
        const fromLibrary = warning.id?.includes('/node_modules/') ?? false
        const quiet = ['MODULE_LEVEL_DIRECTIVE', 'INVALID_ANNOTATION', 'SOURCEMAP_ERROR']
        if (fromLibrary && warning.code && quiet.includes(warning.code)) return
        warn(warning)
      },
      output: {
        // Libraries change less often than our code; separate chunks stay cached across releases.
        manualChunks: (id) => {
          if (!id.includes('/node_modules/')) return undefined
          if (/\/node_modules\/(react|react-dom|scheduler)\//.test(id)) return 'react'
          if (id.includes('/node_modules/@mantine/') || id.includes('/node_modules/@floating-ui/')) return 'mantine'
          if (id.includes('/node_modules/@tanstack/')) return 'tanstack'
          if (id.includes('/node_modules/zod/')) return 'zod'
          // Charts load only with the pages that draw them.
          if (/\/node_modules\/(echarts|zrender)\//.test(id)) return undefined
          return 'vendor'
        },
      },
    },
  },
})
