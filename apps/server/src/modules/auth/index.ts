export { AccountLinkInvalid, type AccountService, createAccountService } from './account.service'
export { PURGE_EXPIRED_SESSIONS, registerAuthJobs, scheduleAuthJobs } from './auth.jobs'
export { registerAuthRoutes } from './auth.routes'
export { type AuthService, createAuthService, toUser } from './auth.service'
export { hashPassword } from './password'
export { registerSignInLimits } from './sign-in-limits'
export {
  type AccessClaims,
  createTokenService,
  deriveKey,
  type Principal,
  type TokenService,
} from './token.service'
