// Types shared by the Hono app and its routes.
import type { StoredUser } from '../store/meta-store';

/** Hono environment: what the auth middleware puts on the context. */
export interface AppEnv {
  Variables: {
    user: StoredUser;
    token: string;
  };
}
