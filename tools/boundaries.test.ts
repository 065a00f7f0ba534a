import { describe, expect, it } from 'vitest'
import { checkFile, findCycles, importsOf } from './boundaries'

const rulesOf = (path: string, imports: string[]) => checkFile({ path, imports }).map((v) => v.rule)

describe('boundary rules', () => {
  it('keeps domain and cpe free of repo imports', () => {
    expect(rulesOf('packages/cpe/src/a.ts', ['@aipipeline/domain'])).toHaveLength(1)
    expect(rulesOf('packages/domain/src/a.ts', ['zod'])).toEqual([])
  })

  it('lets db, comfyui and llm import domain only', () => {
    expect(rulesOf('packages/db/src/a.ts', ['@aipipeline/domain'])).toEqual([])
    expect(rulesOf('packages/comfyui/src/a.ts', ['@aipipeline/db'])).toHaveLength(1)
  })

  it('lets the web app import contracts, domain and cpe only, and no Node built-ins', () => {
    expect(rulesOf('apps/web/src/a.tsx', ['@aipipeline/contracts', '@aipipeline/cpe'])).toEqual([])
    expect(rulesOf('apps/web/src/a.tsx', ['@aipipeline/db'])).toHaveLength(1)
    expect(rulesOf('apps/web/src/a.tsx', ['node:fs'])).toHaveLength(1)
  })

  it('forbids imports from apps and relative imports that leave a package', () => {
    expect(rulesOf('packages/db/src/a.ts', ['@aipipeline/server'])).toHaveLength(1)
    expect(rulesOf('packages/db/src/a.ts', ['../../domain/src/x'])).toHaveLength(1)
  })

  it('makes server modules import each other through index.ts', () => {
    expect(rulesOf('apps/server/src/modules/farm/x.ts', ['../auth/token.service'])).toHaveLength(1)
    expect(rulesOf('apps/server/src/modules/farm/x.ts', ['../auth'])).toEqual([])
    expect(rulesOf('apps/server/src/modules/farm/x.ts', ['./farm.service'])).toEqual([])
    expect(rulesOf('apps/server/src/app.ts', ['./modules/auth/auth.service'])).toHaveLength(1)
  })

  it('keeps the testing package out of production code', () => {
    expect(rulesOf('apps/server/src/app.ts', ['@aipipeline/testing'])).toHaveLength(1)
    expect(rulesOf('apps/server/src/app.test.ts', ['@aipipeline/testing'])).toEqual([])
    expect(rulesOf('packages/db/src/x.test.ts', ['@aipipeline/testing'])).toEqual([])
  })

  it('keeps server test kits out of product code and lets tests use them', () => {
    expect(rulesOf('apps/server/src/app.ts', ['../test-kits/test-studio'])).toHaveLength(1)
    expect(
      rulesOf('apps/server/src/modules/farm/farm.routes.ts', ['../../../test-kits/farm/farm-test.fixture']),
    ).toHaveLength(1)
    expect(rulesOf('apps/server/src/modules/farm/x.ts', ['./render-job.fixture'])).toHaveLength(1)
    expect(
      rulesOf('apps/server/src/modules/farm/farm.api.test.ts', ['../../../test-kits/farm/farm-test.fixture']),
    ).toEqual([])
    expect(rulesOf('apps/server/test-kits/test-studio.ts', ['@aipipeline/testing', '../src/app'])).toEqual([])
  })

  it('lets a server test kit use the insides of the module it serves, and only that one', () => {
    expect(rulesOf('apps/server/test-kits/agents/harness.ts', ['../../src/modules/agents/agents.service'])).toEqual([])
    expect(rulesOf('apps/server/test-kits/agents/harness.ts', ['../../src/modules/farm/farm.options'])).toHaveLength(1)
  })

  it('finds static, type-only, re-export and dynamic imports', () => {
    const src = `import a from 'x'\nimport type { B } from "y"\nexport * from './z'\nconst m = await import('w')\nimport 'side'\n`
    expect(importsOf(src)).toEqual(['x', 'y', './z', 'w', 'side'])
  })

  it('finds import circles, type-only ones too, and names their files in order', () => {
    const circles = findCycles([
      { path: 'apps/server/src/http/route-binder.ts', imports: ['../modules/auth'] },
      { path: 'apps/server/src/modules/auth/index.ts', imports: ['./auth.routes', './token.service'] },
      { path: 'apps/server/src/modules/auth/auth.routes.ts', imports: ['../../http/route-binder', 'fastify'] },
      { path: 'apps/server/src/modules/auth/token.service.ts', imports: ['../../http/principal'] },
      { path: 'apps/server/src/http/principal.ts', imports: [] },
    ])
    expect(circles.map((c) => c.specifier)).toEqual([
      'apps/server/src/http/route-binder.ts → apps/server/src/modules/auth/index.ts → apps/server/src/modules/auth/auth.routes.ts → apps/server/src/http/route-binder.ts',
    ])
  })

  it('finds a file that imports itself and passes a tree without circles', () => {
    expect(findCycles([{ path: 'packages/domain/src/a.ts', imports: ['./a.js'] }])).toHaveLength(1)
    expect(
      findCycles([
        { path: 'packages/domain/src/a.ts', imports: ['./b', './c'] },
        { path: 'packages/domain/src/b.ts', imports: ['./c'] },
        { path: 'packages/domain/src/c.ts', imports: [] },
      ]),
    ).toEqual([])
  })
})
