import '@mantine/core/styles.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { ApiClient } from './api/api-client'
import { App } from './app/app'
import { syncLocaleWithAccount } from './app/locale-sync'
import { setupI18n } from './i18n/i18n'

const api = new ApiClient()
syncLocaleWithAccount(api)
// Started once, outside React, so StrictMode's double effects can never spend the refresh token twice.
const restored = api.restore()

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

setupI18n().then(() => {
  createRoot(root).render(
    <StrictMode>
      <App api={api} restored={restored} />
    </StrictMode>,
  )
})
