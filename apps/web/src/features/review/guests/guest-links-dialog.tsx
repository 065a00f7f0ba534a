// Minimal stand-in for the guest links dialog (the real one replaces this file).
export function GuestLinksDialog(_props: { playlistId: string; opened: boolean; onClose(): void }) {
  return null
}
