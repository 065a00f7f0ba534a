export * from './review.contract'
export * from './review-room.contract'
