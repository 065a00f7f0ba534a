// The Review section: the playlists of the picked project (see playlists/playlists-section.tsx).
export { PlaylistsSection as ReviewPage } from './playlists/playlists-section'
