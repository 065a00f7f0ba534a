export { PlaylistHeaderMenu } from './playlist-header-menu'
export { PlaylistItemsPanel } from './playlist-items-panel'
