import { describe, expect, it } from 'vitest'
import { createTestStudio } from '../../../test-kits/test-studio'

describe('first admin from the environment', () => {
  it('is created on an empty studio and never again', async () => {
    const studio = await createTestStudio('sqlite')
    try {
      const admin = { email: 'boss@studio.test', password: 'first-run secret' }
      expect(await studio.auth.ensureBootstrapAdmin(admin)).toMatchObject({ role: 'admin', email: 'boss@studio.test' })
      expect(await studio.auth.ensureBootstrapAdmin({ ...admin, email: 'other@studio.test' })).toBeUndefined()
      const session = await studio.auth.login({ ...admin, clientAddress: '127.0.0.1' })
      expect(session.user.role).toBe('admin')
    } finally {
      await studio.close()
    }
  })
})
