import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { ROLE_LABELS, type SessionUser } from '../../auth/session-user.js';
import { csrfToken } from '../csrf.js';
import { flashMessage } from './flash.js';
import { navigationFor } from './navigation.js';
import { ViewEngine } from './view-engine.js';

export type WebRequest = Request & { user?: SessionUser; sessionToken?: string };

// Everything the layout needs around a page: who is signed in, the menu for their role, the form token and the
// message left by the last redirect.
@Injectable()
export class PageService {
  constructor(private readonly views: ViewEngine) {}

  render(request: WebRequest, page: string, title: string, data: Record<string, unknown> = {}): string {
    const user = request.user;
    return this.views.render(page, {
      ...data,
      title,
      csrf: csrfToken(request.sessionToken),
      flash: flashMessage(request.query?.msg),
      user: user ? { ...user, roleLabel: ROLE_LABELS[user.role] } : null,
      nav: user ? navigationFor(user.role, request.path) : [],
    });
  }

  renderBare(page: string, title: string, data: Record<string, unknown>): string {
    return this.views.render(page, { ...data, title, user: null, nav: [] }, 'bare');
  }
}
