import type { CurrentUser } from '@openbrief/contracts';

declare global {
  namespace Express {
    interface Request {
      user?: CurrentUser;
    }
  }
}

export {};
