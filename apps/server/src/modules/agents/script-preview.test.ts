// The import wizard's preview of a Korean script over HTTP: scenes, speakers (without the age
// note) and places come out of the common Korean layouts, not one untitled scene.
import { ScriptPreview } from '@aipipeline/contracts'
import { testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestStudio, type TestStudio } from '../../../test-kits/test-studio'

const KOREAN_SCRIPT = [
  '제목: 등대지기',
  '',
  'S#1. 등대 내부 / 밤',
  '',
  '폭풍우. 민수(60대), 등대지기. 램프를 닦는다.',
  '',
  '민수(60대)',
  '(숨을 몰아쉬며)',
  '올해도 이 불은 꺼지지 않는다.',
  '',
  '지연: 아버지, 배가 안 들어왔어요.',
  '민수: (돌아보지 않고) 기다려라.',
  '',
  '#2. 선착장, 새벽',
  '',
  '지연：저기 보여요!',
  '',
  '씬 3 실외. 등대 - 해질녘',
  '',
  '민수',
  '돌아왔구나.',
].join('\n')

for (const engine of testEngines('Korean script preview')) {
  describe(`Korean script preview over HTTP [${engine}]`, () => {
    let studio: TestStudio
    let token = ''
    let projectId = ''

    beforeAll(async () => {
      studio = await createTestStudio(engine)
      token = (await studio.signIn('manager')).accessToken
      const project = await studio.app.inject({
        method: 'POST',
        url: '/api/projects',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        payload: JSON.stringify({ code: 'LIGHT', name: '등대지기' }),
      })
      expect(project.statusCode).toBe(201)
      projectId = project.json().id
    })
    afterAll(async () => {
      await studio.close()
    })

    it('previews scenes, speakers and places of a script in the common Korean layout', async () => {
      const res = await studio.app.inject({
        method: 'POST',
        url: '/api/agents/script-analyses/preview',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        payload: JSON.stringify({ projectId, fileName: '등대지기.txt', text: KOREAN_SCRIPT }),
      })
      expect(res.statusCode).toBe(200)
      const preview = ScriptPreview.parse(res.json())
      expect(preview).toMatchObject({ title: '등대지기', characters: ['민수', '지연'], locations: ['등대', '선착장'] })
      expect(preview.warnings).toEqual([])
      expect(
        preview.scenes.map((s) => [s.sceneNumber, s.setting, s.location, s.timeOfDay, s.characters.join(',')]),
      ).toEqual([
        ['1', 'INT', '등대', '밤', '민수,지연'],
        ['2', null, '선착장', '새벽', '지연'],
        ['3', 'EXT', '등대', '해질녘', '민수'],
      ])
    })
  })
}
