// All translation catalogs. The shell's strings live in ./en.json and ./ko.json; each feature
// owns its own pair under src/features/<area>/i18n/, mounted here under the feature's key
// (t('farm.queue.title')), so features never edit a shared catalog. Shared components with
// words of their own (the media player and viewer) own a pair the same way.
import annotateEn from '../components/media/annotate/i18n/en.json'
import annotateKo from '../components/media/annotate/i18n/ko.json'
import mediaEn from '../components/media/i18n/en.json'
import mediaKo from '../components/media/i18n/ko.json'
import maskEditorEn from '../components/media/mask-editor/i18n/en.json'
import maskEditorKo from '../components/media/mask-editor/i18n/ko.json'
import reviewPlayerEn from '../components/media/review-player/i18n/en.json'
import reviewPlayerKo from '../components/media/review-player/i18n/ko.json'
import agentsEn from '../features/agents/i18n/en.json'
import agentsKo from '../features/agents/i18n/ko.json'
import dashboardsEn from '../features/dashboards/i18n/en.json'
import dashboardsKo from '../features/dashboards/i18n/ko.json'
import farmEn from '../features/farm/i18n/en.json'
import farmKo from '../features/farm/i18n/ko.json'
import fixRegionEn from '../features/farm/render/fix-region/i18n/en.json'
import fixRegionKo from '../features/farm/render/fix-region/i18n/ko.json'
import renderEn from '../features/farm/render/i18n/en.json'
import renderKo from '../features/farm/render/i18n/ko.json'
import farmSetupEn from '../features/farm/setup/i18n/en.json'
import farmSetupKo from '../features/farm/setup/i18n/ko.json'
import templatesEn from '../features/farm/templates/i18n/en.json'
import templatesKo from '../features/farm/templates/i18n/ko.json'
import peopleEn from '../features/people/i18n/en.json'
import peopleKo from '../features/people/i18n/ko.json'
import breakdownEn from '../features/projects/breakdown/i18n/en.json'
import breakdownKo from '../features/projects/breakdown/i18n/ko.json'
import projectsEn from '../features/projects/i18n/en.json'
import projectsKo from '../features/projects/i18n/ko.json'
import projectSetupEn from '../features/projects/setup/i18n/en.json'
import projectSetupKo from '../features/projects/setup/i18n/ko.json'
import promptEngineEn from '../features/prompt-engine/i18n/en.json'
import promptEngineKo from '../features/prompt-engine/i18n/ko.json'
import refineEn from '../features/refine/i18n/en.json'
import refineKo from '../features/refine/i18n/ko.json'
import reportsEn from '../features/reports/i18n/en.json'
import reportsKo from '../features/reports/i18n/ko.json'
import reviewGuestsEn from '../features/review/guests/i18n/en.json'
import reviewGuestsKo from '../features/review/guests/i18n/ko.json'
import reviewEn from '../features/review/i18n/en.json'
import reviewKo from '../features/review/i18n/ko.json'
import playlistsEn from '../features/review/playlists/i18n/en.json'
import playlistsKo from '../features/review/playlists/i18n/ko.json'
import reviewSessionEn from '../features/review/session/i18n/en.json'
import reviewSessionKo from '../features/review/session/i18n/ko.json'
import settingsEn from '../features/settings/i18n/en.json'
import settingsKo from '../features/settings/i18n/ko.json'
import shellEn from './en.json'
import shellKo from './ko.json'

export const en = {
  ...shellEn,
  agents: agentsEn,
  annotate: annotateEn,
  breakdown: breakdownEn,
  dashboards: dashboardsEn,
  farm: farmEn,
  farmSetup: farmSetupEn,
  fixRegion: fixRegionEn,
  people: peopleEn,
  playlists: playlistsEn,
  maskEditor: maskEditorEn,
  reviewPlayer: reviewPlayerEn,
  media: mediaEn,
  projects: projectsEn,
  projectSetup: projectSetupEn,
  promptEngine: promptEngineEn,
  refine: refineEn,
  render: renderEn,
  reports: reportsEn,
  review: reviewEn,
  reviewGuests: reviewGuestsEn,
  reviewSession: reviewSessionEn,
  settings: settingsEn,
  templates: templatesEn,
}

export const ko = {
  ...shellKo,
  agents: agentsKo,
  annotate: annotateKo,
  breakdown: breakdownKo,
  dashboards: dashboardsKo,
  farm: farmKo,
  farmSetup: farmSetupKo,
  fixRegion: fixRegionKo,
  people: peopleKo,
  playlists: playlistsKo,
  maskEditor: maskEditorKo,
  reviewPlayer: reviewPlayerKo,
  media: mediaKo,
  projects: projectsKo,
  projectSetup: projectSetupKo,
  promptEngine: promptEngineKo,
  refine: refineKo,
  render: renderKo,
  reports: reportsKo,
  review: reviewKo,
  reviewGuests: reviewGuestsKo,
  reviewSession: reviewSessionKo,
  settings: settingsKo,
  templates: templatesKo,
}
