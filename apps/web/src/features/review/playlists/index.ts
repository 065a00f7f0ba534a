export { PlaylistHeaderMenu, PlaylistItemsPanel } from './playlist-panels'
