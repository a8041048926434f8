import { HttpContext, HttpContextToken } from '@angular/common/http';

/**
 * Set on requests where a 401 is an expected answer (who-am-I, sign-in)
 * rather than a sign that the session has ended.
 */
export const EXPECT_UNAUTHORISED = new HttpContextToken<boolean>(() => false);

export function expectUnauthorised(): HttpContext {
  return new HttpContext().set(EXPECT_UNAUTHORISED, true);
}
