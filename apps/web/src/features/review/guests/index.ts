export { GuestLinksDialog } from './guest-links-dialog'
