// Live review rooms: one per playlist, state held by the server (Redis in scale-out).
export { type ReviewRooms, type ReviewRoomsDeps, createReviewRooms } from './review-rooms'
export { reviewRoomName } from './room-changes'
export { createRedisRoomStore } from './redis-room-store'
export { createMemoryRoomStore, type RoomStore } from './room-store'
