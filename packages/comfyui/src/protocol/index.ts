export * from './binary-frame.codec'
export * from './http-response.schema'
export * from './ws-message.schema'
