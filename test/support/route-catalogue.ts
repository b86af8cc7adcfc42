import type { INestApplication } from '@nestjs/common';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer } from '@nestjs/core';
import { IS_PUBLIC, ROLES } from '../../src/auth/auth.decorators.js';
import type { Role } from '../../src/auth/user.entity.js';

export interface RouteInfo {
  method: string;
  // Express form, e.g. '/api/dossiers/:id'
  path: string;
  roles: Role[] | undefined;
  isPublic: boolean;
  isApi: boolean;
}

const METHODS: Record<number, string> = {
  [RequestMethod.GET]: 'GET',
  [RequestMethod.POST]: 'POST',
  [RequestMethod.PUT]: 'PUT',
  [RequestMethod.DELETE]: 'DELETE',
  [RequestMethod.PATCH]: 'PATCH',
};

function join(...parts: string[]): string {
  const path = `/${parts
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/')}`;
  return path.replace(/\\:/g, ':');
}

// Every route the application serves, read from the controllers' own metadata (the router's source of truth).
export function routeCatalogue(app: INestApplication): RouteInfo[] {
  const routes: RouteInfo[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: unknown[]) => object) | null;
      if (!controller) continue;
      const base = [Reflect.getMetadata(PATH_METADATA, controller) ?? ''].flat()[0] as string;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as number | undefined;
        const sub = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (method === undefined || sub === undefined) continue;
        const path = join(base, [sub].flat()[0]);
        routes.push({
          method: METHODS[method] ?? String(method),
          path,
          roles: Reflect.getMetadata(ROLES, handler) ?? Reflect.getMetadata(ROLES, controller),
          isPublic: !!(Reflect.getMetadata(IS_PUBLIC, handler) ?? Reflect.getMetadata(IS_PUBLIC, controller)),
          isApi: path.startsWith('/api/'),
        });
      }
    }
  }
  return routes;
}
