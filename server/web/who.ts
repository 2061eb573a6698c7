// Who is making this request: the signed-in user, or the single user of a laptop install.
import type { Response } from 'express';
import type { Role } from '../types.js';

export interface Viewer {
  name: string;
  role: Role;
}

/** The single user's name when the app runs without accounts (loopback only). */
export const LOCAL_USER: Viewer = { name: 'local', role: 'editor' };

export const viewerOf = (res: Response): Viewer => (res.locals.user as Viewer | undefined) ?? LOCAL_USER;
export const whoOf = (res: Response): string => viewerOf(res).name;
