// Live review rooms: one per playlist, state held by the server (Redis in scale-out).

export { createRedisRoomStore } from './redis-room-store'
export { createReviewRooms, type ReviewRooms, type ReviewRoomsDeps } from './review-rooms'
export { reviewRoomName } from './room-changes'
export { createMemoryRoomStore, type RoomStore } from './room-store'
